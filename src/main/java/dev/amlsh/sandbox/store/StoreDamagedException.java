package dev.amlsh.sandbox.store;

import java.nio.file.Path;

/**
 * The store's file is damaged (not a database, corrupt pages, emptied): names the file, SQLite's
 * own message and what to do. The sandbox cannot start on it; {@code sandbox reset --yes} sets
 * the file aside and starts a fresh one.
 *
 * <pre>{@code
 * catch (StoreDamagedException e) { err.println(e.getMessage()); err.println(e.hint()); }
 * }</pre>
 */
public final class StoreDamagedException extends StoreException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;

    public StoreDamagedException(Path file, String cause, Throwable error) {
        super("The sandbox store " + file + " is damaged: " + cause + ".", error);
        this.file = file;
    }

    /** The damaged file. */
    public Path file() {
        return file;
    }

    /** What the user can do about it. */
    @Override
    public String hint() {
        return "Run 'sandbox check' to see the damage, or 'sandbox reset --yes' to set the file aside and start a fresh sandbox.";
    }
}
