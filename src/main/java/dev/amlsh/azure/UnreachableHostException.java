package dev.amlsh.azure;

/**
 * A request got no answer because its host could not be reached (not resolved, refused, timed
 * out, or the connection broke) and retrying did not help. Raised by {@link ArmRetryPolicy}, which
 * knows the request's host, so that the one-line error can name it.
 *
 * <pre>{@code
 * throw new UnreachableHostException("management.azure.com", ioError);
 * }</pre>
 */
public final class UnreachableHostException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String host;

    public UnreachableHostException(String host, Throwable cause) {
        super("cannot reach " + host, cause);
        this.host = host;
    }

    public String host() {
        return host;
    }
}
