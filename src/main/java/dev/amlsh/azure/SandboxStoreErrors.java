package dev.amlsh.azure;

import dev.amlsh.core.AmlshException;

import dev.amlsh.sandbox.contract.StoreFailure;
import dev.amlsh.session.SandboxStartException;

/**
 * A failure of the sandbox's own store, or a sandbox service that could not start, as one line
 * that names the file and the cause and says what to do, instead of "amlsh failed ... report the
 * output" or "cannot reach the cloud".
 *
 * <pre>{@code
 * AmlshException e = SandboxStoreErrors.translate(error); // null when the store is not involved
 * }</pre>
 */
final class SandboxStoreErrors {
    private SandboxStoreErrors() {
    }

    static AmlshException translate(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof StoreFailure f && f.hint() != null) {
                return new AmlshException(AmlshException.Fault.SERVICE, f.getMessage(), f.hint(), error);
            }
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof StoreFailure f && f.diskFull()) {
                return new AmlshException(AmlshException.Fault.SERVICE, f.getMessage(), null, error);
            }
            if (t instanceof StoreFailure f && String.valueOf(f.getMessage()).contains("native library")) {
                return new AmlshException(AmlshException.Fault.INTERNAL, "The sandbox cannot start: "
                        + f.getMessage().replaceAll(", paths=\\[[^\\]]*\\]", ""), null, error);
            }
            if (t instanceof StoreFailure f) {
                return new AmlshException(AmlshException.Fault.SERVICE, "The sandbox store failed: " + f.getMessage(),
                        "Check the sandbox home's disk and permissions; 'sandbox check' checks the store.", error);
            }
            if (t instanceof SandboxStartException start) {
                return new AmlshException(AmlshException.Fault.SERVICE, "The sandbox cannot start: "
                        + start.reason().replaceAll(", paths=\\[[^\\]]*\\]", ""), start.hint(), error);
            }
        }
        return null;
    }
}
