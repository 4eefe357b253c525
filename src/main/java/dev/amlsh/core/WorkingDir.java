package dev.amlsh.core;

import java.nio.file.Path;

/**
 * The folder relative file names in a command are read against: the process's own, or, for a
 * command the resident process runs for a caller, the caller's. A JVM cannot change its working
 * directory, so every file name a user types goes through {@link #resolve(String)}.
 *
 * <pre>{@code
 * Path yaml = WorkingDir.resolve(fileOption);   // "ws.yml" from the caller's folder
 * }</pre>
 */
public final class WorkingDir {
    private static final InheritableThreadLocal<Path> CALLERS = new InheritableThreadLocal<>();

    private WorkingDir() {
    }

    /**
     * The path a user typed. Kept as typed (relative names stay relative, so messages show them
     * as typed) unless this thread works for another process's folder.
     */
    public static Path resolve(String typed) {
        return resolve(Path.of(typed));
    }

    public static Path resolve(Path typed) {
        Path caller = CALLERS.get();
        return caller == null || typed.isAbsolute() ? typed : caller.resolve(typed);
    }

    /** Runs {@code work} on this thread (and threads it starts) with relative names read against {@code folder}. */
    public static <T, E extends Exception> T runIn(Path folder, Work<T, E> work) throws E {
        Path before = CALLERS.get();
        CALLERS.set(folder.toAbsolutePath());
        try {
            return work.run();
        } finally {
            if (before == null) {
                CALLERS.remove();
            } else {
                CALLERS.set(before);
            }
        }
    }

    /** Work that may throw {@code E}. */
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }
}
