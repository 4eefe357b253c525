package dev.amlsh.core;

/**
 * The exit codes of DESIGN.md: 0 ok, 1 service or other error, 2 usage error, 3 not found.
 *
 * <pre>{@code
 * return ExitCode.USAGE;
 * }</pre>
 */
public final class ExitCode {
    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int USAGE = 2;
    public static final int NOT_FOUND = 3;

    private ExitCode() {
    }
}
