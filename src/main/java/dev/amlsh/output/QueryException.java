package dev.amlsh.output;

/**
 * A {@code --query} that does not compile or cannot be evaluated; the message is one line fit to show
 * the user as is.
 *
 * <pre>{@code
 * try {
 *     Query.compile("[?location=='eastus'");
 * } catch (QueryException e) {
 *     System.err.println(e.getMessage()); // --query: invalid JMESPath at column 21: missing ']' at '<EOF>'
 * }
 * }</pre>
 */
public final class QueryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
