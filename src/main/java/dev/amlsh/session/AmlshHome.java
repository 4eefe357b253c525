package dev.amlsh.session;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The folder that holds all of amlsh's state: {@code $AMLSH_HOME}, else {@code ~/.amlsh}.
 *
 * <pre>{@code
 * AmlshHome home = AmlshHome.fromEnvironment(System.getenv());
 * Path history = home.history();
 * }</pre>
 */
public record AmlshHome(Path root) {

    public static AmlshHome fromEnvironment(Map<String, String> env) {
        String configured = env.get("AMLSH_HOME");
        if (configured != null && !configured.isBlank()) {
            return new AmlshHome(Path.of(configured).toAbsolutePath());
        }
        return new AmlshHome(Path.of(System.getProperty("user.home"), ".amlsh"));
    }

    public Path config() {
        return root.resolve("config.json");
    }

    public Path history() {
        return root.resolve("history");
    }

    public Path sandbox() {
        return root.resolve("sandbox");
    }

    public Path cache() {
        return root.resolve("cache");
    }

    /**
     * What keeps amlsh from using this home at all (the home is a file, config.json a folder), as
     * one line naming the file; empty when it can be used.
     */
    public java.util.Optional<String> problem() {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            return java.util.Optional.of("Cannot use " + root + " as amlsh's home: it is a file, not a folder."
                    + " Move the file away, or point AMLSH_HOME at a folder.");
        }
        if (Files.isDirectory(config())) {
            return java.util.Optional.of("Cannot use " + config() + ": it is a folder, not a file."
                    + " Move the folder away; amlsh makes a new config.json.");
        }
        return java.util.Optional.empty();
    }

    /** {@code run/}: the resident process's socket and log, made private (0700) when missing. */
    public Path runFolder() throws IOException {
        ensurePrivateDirectory(root);
        return ensurePrivateDirectory(root.resolve("run"));
    }

    /** Creates the folder (0700) if needed; returns it. */
    public Path ensureExists() throws IOException {
        return ensurePrivateDirectory(root);
    }

    /** Creates the folder 0700 when it is missing; an existing one keeps the mode its owner gave it. */
    static Path ensurePrivateDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            setPermissions(dir, "rwx------");
        }
        return dir;
    }

    /**
     * Writes a file so that a crash leaves either the old or the new content, never half of it,
     * and readable only by its owner.
     */
    public static void writeAtomically(Path file, String content) throws IOException {
        Path dir = ensurePrivateDirectory(file.toAbsolutePath().getParent());
        // A temporary file of its own (created 0600) for each writer: two shells saving at once
        // must not write into, or move away, each other's half-written file.
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + "-", ".tmp");
        try {
            setPermissions(tmp, "rw-------");
            Files.writeString(tmp, content);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static void setPermissions(Path path, String perms) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(perms));
        } catch (UnsupportedOperationException notPosix) {
            // Windows file systems have no POSIX bits; the user's profile folder is private there.
        }
    }
}
