package dev.amlsh.sandbox.arm;

/**
 * Thrown by handlers to answer with an ARM error; the server turns it into the response.
 * Create instances through {@link ArmErrors} only.
 *
 * <pre>{@code
 * throw ArmErrors.resourceNotFound("Microsoft.Storage/storageAccounts", "sa1", "rg1");
 * }</pre>
 */
public final class ArmException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ArmError error;

    ArmException(ArmError error) {
        super(error.code() + ": " + error.message(), null, false, false);
        this.error = error;
    }

    /** The error to send. */
    public ArmError error() {
        return error;
    }
}
