package dev.amlsh.core;

/**
 * An error to show the user in one line, with who is at fault (and so the exit code) and what
 * to do next.
 *
 * <pre>{@code
 * throw AmlshException.notFound("Resource group 'rg9' could not be found.", "List groups with 'group list'.");
 * }</pre>
 */
public class AmlshException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Who is at fault; each maps to an exit code of DESIGN.md. */
    public enum Fault {
        /** A bad command, option or value: the user can fix the line. */
        USAGE(2),
        /** The service refused or failed. */
        SERVICE(1),
        /** What the command names does not exist. */
        NOT_FOUND(3),
        /** amlsh itself failed. */
        INTERNAL(1);

        private final int exitCode;

        Fault(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    private final Fault fault;
    private final String hint;

    public AmlshException(Fault fault, String message, String hint) {
        super(message);
        this.fault = fault;
        this.hint = hint;
    }

    public AmlshException(Fault fault, String message, String hint, Throwable cause) {
        super(message, cause);
        this.fault = fault;
        this.hint = hint;
    }

    public static AmlshException usage(String message, String hint) {
        return new AmlshException(Fault.USAGE, message, hint);
    }

    public static AmlshException notFound(String message, String hint) {
        return new AmlshException(Fault.NOT_FOUND, message, hint);
    }

    public static AmlshException service(String message, String hint) {
        return new AmlshException(Fault.SERVICE, message, hint);
    }

    public Fault fault() {
        return fault;
    }

    /** What to do next, or null. */
    public String hint() {
        return hint;
    }

    /** The whole message on one line: what was wrong, then what to do. */
    public String oneLine() {
        String text = getMessage();
        if (hint != null && !hint.isEmpty()) {
            text = text + (text.endsWith(".") ? " " : ". ") + hint;
        }
        return text.replaceAll("[\\r\\n]+", " ");
    }
}
