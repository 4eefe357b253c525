package dev.amlsh.sandbox.contract;

/**
 * What both sides know of a failure of the sandbox's store: the message names the file and
 * SQLite's cause; {@link #hint()} says what to do. A sandbox hosted in the client's own JVM (tests)
 * throws such failures directly; a service process prints them when it cannot start.
 *
 * <pre>{@code
 * if (error instanceof StoreFailure f) { show(f.getMessage(), f.hint()); }
 * }</pre>
 */
public interface StoreFailure {
    /** What went wrong, for one line. */
    String getMessage();

    /** What to do about it, or null. */
    default String hint() {
        return null;
    }

    /** True for a full disk or a file size limit reached. */
    default boolean diskFull() {
        return false;
    }
}
