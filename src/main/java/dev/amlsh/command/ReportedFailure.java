package dev.amlsh.command;

import dev.amlsh.core.ExitCode;

/**
 * A failure whose message the user has already seen (a script's own {@code file:line} errors):
 * the dispatcher returns its exit code and prints nothing more.
 *
 * <pre>{@code
 * if (code != ExitCode.OK) throw new ReportedFailure(code);
 * }</pre>
 */
public final class ReportedFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public ReportedFailure(int exitCode) {
        super("exit " + exitCode, null, false, false);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
