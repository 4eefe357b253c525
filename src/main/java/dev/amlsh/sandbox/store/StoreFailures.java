package dev.amlsh.sandbox.store;

import java.util.Locale;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * What SQLite's failure means for the user: a damaged file (corrupt, not a database), a full disk
 * (or a file size limit: SQLite reports a refused write as {@code SQLITE_FULL} or
 * {@code SQLITE_IOERR_WRITE}), or anything else. Found anywhere in a cause chain.
 *
 * <pre>{@code
 * if (StoreFailures.isDiskFull(e)) return ArmErrors.of(507, "InsufficientStorage", "...");
 * }</pre>
 */
public final class StoreFailures {
    private StoreFailures() {
    }

    /** The disk (or the process's file size limit) refused a write. */
    public static boolean isDiskFull(Throwable error) {
        SQLiteException e = sqlite(error);
        if (e == null) {
            return false;
        }
        SQLiteErrorCode code = e.getResultCode();
        return code == SQLiteErrorCode.SQLITE_FULL || code == SQLiteErrorCode.SQLITE_IOERR_WRITE
                || code == SQLiteErrorCode.SQLITE_IOERR && e.getMessage() != null
                        && e.getMessage().toLowerCase(Locale.ROOT).contains("disk i/o error") && writeFailed(e);
    }

    /** The file is not a database or its pages are corrupt. */
    public static boolean isDamaged(Throwable error) {
        if (find(error, StoreDamagedException.class) != null) {
            return true;
        }
        SQLiteException e = sqlite(error);
        if (e == null) {
            return false;
        }
        SQLiteErrorCode code = e.getResultCode();
        return code == SQLiteErrorCode.SQLITE_CORRUPT || code == SQLiteErrorCode.SQLITE_NOTADB
                || code.name().startsWith("SQLITE_CORRUPT_");
    }

    /** SQLite's own words for the failure (e.g. "[SQLITE_NOTADB] File opened that is not a database file"), else the message. */
    public static String sqliteMessage(Throwable error) {
        SQLiteException e = sqlite(error);
        String m = e != null ? e.getMessage() : error.getMessage();
        return m == null ? error.getClass().getSimpleName() : m.replace('\n', ' ').trim();
    }

    private static boolean writeFailed(SQLiteException e) {
        return e.getErrorCode() == SQLiteErrorCode.SQLITE_IOERR_WRITE.code
                || e.getErrorCode() == SQLiteErrorCode.SQLITE_IOERR_FSYNC.code;
    }

    static SQLiteException sqlite(Throwable error) {
        return find(error, SQLiteException.class);
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
