package dev.amlsh.azure;

/**
 * A request that changes something was sent, and no answer came (the connection broke after
 * sending, on this attempt or an earlier one): the service may or may not have acted. Raised by
 * {@link ArmRetryPolicy} so that the one-line error says so instead of "cannot reach the cloud",
 * which would suggest that nothing happened.
 *
 * <pre>{@code
 * throw new OutcomeUnknownException("PUT", "/subscriptions/.../resourceGroups/rg1", ioError);
 * }</pre>
 */
public final class OutcomeUnknownException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OutcomeUnknownException(String method, String path, Throwable cause) {
        super(method + " " + path, cause);
    }
}
