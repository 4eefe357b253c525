package dev.amlsh.session;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The home's sandbox service could not start: its process ended or did not come up. The reason is
 * what the service said last in its log.
 *
 * <pre>{@code
 * throw new SandboxStartException("cannot load SQLite's native library (...)", log);
 * }</pre>
 */
public final class SandboxStartException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String reason;
    private final transient Path log;

    public SandboxStartException(String reason, Path log) {
        super("the sandbox cannot start: " + reason);
        this.reason = reason;
        this.log = log;
    }

    /** What the service said, without the process details. */
    public String reason() {
        return reason;
    }

    /** What to do next. */
    public String hint() {
        String where = log == null ? "" : "See " + log + "; ";
        return where + "'sandbox check' checks the store, 'sandbox reset --yes' starts a fresh one.";
    }
}
