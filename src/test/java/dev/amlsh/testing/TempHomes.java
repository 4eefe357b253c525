package dev.amlsh.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The temporary folders of a test run (homes, child process logs), all under one folder
 * {@code amlsh-test-*} that is deleted when the test JVM ends, so runs leave nothing behind.
 *
 * <pre>{@code
 * Path home = TempHomes.newHome();
 * }</pre>
 */
public final class TempHomes {
    /** The run's folder; gone when the JVM exits. */
    public static final Path ROOT = createRoot();

    private TempHomes() {
    }

    /** A new empty folder under {@link #ROOT}. */
    public static Path newHome() {
        try {
            return Files.createTempDirectory(ROOT, "home-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path createRoot() {
        try {
            Path root = Files.createTempDirectory("amlsh-test-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(root), "amlsh-test-cleanup"));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a folder and all in it, making read-only folders writable first (tests make some). */
    public static void deleteTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    dir.toFile().setWritable(true, true);
                    dir.toFile().setExecutable(true, true);
                    dir.toFile().setReadable(true, true);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | RuntimeException ignored) {
            // best effort at exit: a folder another process still writes into may stay
        }
    }
}
