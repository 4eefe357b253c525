package dev.amlsh.complete;

/**
 * A stretch of a typed line and what it is, for highlighting.
 *
 * <pre>{@code
 * new Span(0, 5, Span.Kind.COMMAND); // "group"
 * }</pre>
 */
public record Span(int start, int end, Kind kind) {
    /** What a word is. */
    public enum Kind {
        /** A command or group name the tree knows. */
        COMMAND,
        /** An option the command has. */
        OPTION,
        /** A value of an option, or a positional argument. */
        VALUE,
        /** A comment. */
        COMMENT,
        /** Not a command here, or not an option of this command. */
        ERROR
    }
}
