package dev.amlsh.session;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The lock every writer of a file of the home holds while it reads, changes and replaces it:
 * a lock file next to it ({@code .config.json.lock}) against other processes, and a lock per file
 * against other shells of this JVM (a JVM cannot hold two OS locks on one file).
 *
 * <pre>{@code
 * SessionState saved = ConfigLock.holding(home.config(), () -> readChangeAndSave());
 * }</pre>
 */
final class ConfigLock {
    private static final ConcurrentMap<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

    /** The work done while the lock is held. */
    interface Work<T> {
        T run() throws IOException;
    }

    private ConfigLock() {
    }

    static <T> T holding(Path file, Work<T> work) throws IOException {
        Path lockFile = file.toAbsolutePath().normalize().resolveSibling("." + file.getFileName() + ".lock");
        ReentrantLock local = IN_JVM.computeIfAbsent(lockFile, k -> new ReentrantLock());
        local.lock();
        try {
            if (local.getHoldCount() > 1) {
                return work.run();
            }
            AmlshHome.ensurePrivateDirectory(lockFile.getParent());
            try (FileChannel channel = open(lockFile); FileLock held = channel.lock()) {
                return work.run();
            }
        } finally {
            local.unlock();
        }
    }

    private static FileChannel open(Path lockFile) throws IOException {
        try {
            return FileChannel.open(lockFile, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        }
    }
}
