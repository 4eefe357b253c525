package dev.amlsh.sandbox.store;

import java.nio.file.Path;

/**
 * A write to the store was refused because the disk is full (or the process's file size limit was
 * reached). The transaction was rolled back; the server answers 507 {@code DiskFull}, which no
 * client retries, naming the sandbox home.
 *
 * <pre>{@code
 * catch (StoreFullException e) { return ArmErrors.of(507, "DiskFull", e.getMessage()); }
 * }</pre>
 */
public final class StoreFullException extends StoreException {
    private static final long serialVersionUID = 1L;

    public StoreFullException(Path file, Throwable cause) {
        super("The sandbox cannot write its store " + file + ": the disk is full or a file size limit was reached ("
                + StoreFailures.sqliteMessage(cause) + "). Nothing was changed; free space in "
                + (file.getParent() == null ? file : file.getParent()) + " and run the command again.", cause);
    }

    @Override
    public boolean diskFull() {
        return true;
    }
}
