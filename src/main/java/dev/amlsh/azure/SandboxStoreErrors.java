package dev.amlsh.azure;

import dev.amlsh.sandbox.store.StoreDamagedException;
import dev.amlsh.sandbox.store.StoreException;
import dev.amlsh.sandbox.store.StoreFullException;

/**
 * A failure of the sandbox's own store, as one line that names the file and SQLite's cause and
 * says what to do, instead of "amlsh failed ... report the output".
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
            if (t instanceof StoreDamagedException damaged) {
                return new AmlshException(AmlshException.Fault.SERVICE, damaged.getMessage(), damaged.hint(), error);
            }
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof StoreFullException full) {
                return new AmlshException(AmlshException.Fault.SERVICE, full.getMessage(), null, error);
            }
            if (t instanceof StoreException store && String.valueOf(store.getMessage()).contains("native library")) {
                return new AmlshException(AmlshException.Fault.INTERNAL, "The sandbox cannot start: "
                        + store.getMessage().replaceAll(", paths=\\[[^\\]]*\\]", ""), null, error);
            }
            if (t instanceof StoreException store) {
                return new AmlshException(AmlshException.Fault.SERVICE, "The sandbox store failed: " + store.getMessage(),
                        "Check the sandbox home's disk and permissions; 'sandbox check' checks the store.", error);
            }
        }
        return null;
    }
}
