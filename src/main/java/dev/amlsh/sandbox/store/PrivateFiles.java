package dev.amlsh.sandbox.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Files of the sandbox home: folders 0700, files 0600 (they hold keys and state), written atomically,
 * and a home-wide lock so two processes starting together create keys and seed data only once.
 *
 * <pre>{@code
 * Path certs = PrivateFiles.directory(home.resolve("certs"));
 * PrivateFiles.write(certs.resolve("keystore.pass"), secretBytes);
 * PrivateFiles.locked(home, () -> loadOrCreateKey(home));
 * }</pre>
 */
public final class PrivateFiles {
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Object JVM_LOCK = new Object();

    private PrivateFiles() {
    }

    /** Creates the folder (and parents) if needed and makes it 0700. */
    public static Path directory(Path dir) {
        try {
            Files.createDirectories(dir);
            restrict(dir, DIR);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /** Writes the file atomically with mode 0600. */
    public static void write(Path file, byte[] content) {
        try {
            Path tmp = Files.createTempFile(file.getParent(), ".tmp-", "");
            restrict(tmp, FILE);
            Files.write(tmp, content);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Makes an existing file 0600 (used on files other libraries create, such as the database). */
    public static void restrictFile(Path file) {
        if (Files.exists(file)) {
            try {
                restrict(file, FILE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot restrict " + file, e);
            }
        }
    }

    /** Runs {@code work} while holding the home's lock file, against this JVM and other processes. */
    public static <T> T locked(Path home, Supplier<T> work) {
        synchronized (JVM_LOCK) {
            Path lockFile = home.resolve(".lock");
            try {
                try {
                    Files.createFile(lockFile, PosixFilePermissions.asFileAttribute(FILE));
                } catch (FileAlreadyExistsException ignored) {
                    // another start created it first; locking it is all that matters
                }
                try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                     FileLock lock = ch.lock()) {
                    return work.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock " + lockFile, e);
            }
        }
    }

    private static void restrict(Path p, Set<PosixFilePermission> perms) throws IOException {
        try {
            Files.setPosixFilePermissions(p, perms);
        } catch (UnsupportedOperationException e) {
            // non-POSIX file systems (Windows): the user profile's ACLs already keep others out
        }
    }
}
