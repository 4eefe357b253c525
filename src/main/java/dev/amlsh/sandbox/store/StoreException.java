package dev.amlsh.sandbox.store;

/**
 * The store failed (disk, lock timeout, corruption); the server answers 500 InternalServerError.
 *
 * <pre>{@code
 * try { store.put(id, doc); } catch (StoreException e) { log(e.getMessage()); }
 * }</pre>
 */
public class StoreException extends RuntimeException implements dev.amlsh.sandbox.contract.StoreFailure {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
