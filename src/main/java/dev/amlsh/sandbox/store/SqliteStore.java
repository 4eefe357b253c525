package dev.amlsh.sandbox.store;

import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.Json;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.sqlite.SQLiteConfig;

/**
 * {@link SandboxStore} on SQLite: a file in WAL mode with a busy timeout (several processes may
 * share one sandbox home), or {@code :memory:} for tests. One connection, used by one thread at a time.
 *
 * <pre>{@code
 * try (SandboxStore store = SqliteStore.open(home.resolve("sandbox.db"))) {
 *     store.put("/subscriptions/s/resourceGroups/rg1", document);
 * }
 * }</pre>
 */
public final class SqliteStore implements SandboxStore {
    /** How long a writer waits for another process's write lock before giving up. */
    private static final int BUSY_TIMEOUT_MS = 30_000;
    private static final String COLUMNS = "key, id, subscription, grp, type, name, document";

    private final Connection connection;
    /** The database file, or null in memory. */
    private final Path file;
    private int depth;

    private SqliteStore(Connection connection, Path file) {
        this.connection = connection;
        this.file = file == null ? null : file.toAbsolutePath();
    }

    /** Opens (creating if needed) the database file; null opens a private in-memory database. */
    public static SqliteStore open(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        if (file != null) {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        }
        String url = file == null ? "jdbc:sqlite::memory:" : "jdbc:sqlite:" + file.toAbsolutePath();
        if (file != null && StoreFiles.lostItsData(file)) {
            throw new StoreDamagedException(file.toAbsolutePath(), "the file is empty (0 bytes) in a home that had a sandbox;"
                    + " its data is lost", null);
        }
        Connection c = null;
        try {
            c = config.createConnection(url);
            SqliteStore store = new SqliteStore(c, file);
            store.createSchema();
            return store;
        } catch (SQLException | RuntimeException | LinkageError e) {
            closeQuietly(c);
            if (e instanceof LinkageError || nativeLibraryMissing(e)) {
                Throwable root = e;
                while (root.getCause() != null) {
                    root = root.getCause();
                }
                throw new StoreException("cannot load SQLite's native library (" + StoreFailures.sqliteMessage(root)
                        + "); the sandbox needs it. Check that the temporary directory (java.io.tmpdir) is writable and"
                        + " allows running code, or set org.sqlite.tmpdir to one that does.", e);
            }
            if (file != null && StoreFailures.isDamaged(e)) {
                throw new StoreDamagedException(file.toAbsolutePath(), StoreFailures.sqliteMessage(e), e);
            }
            throw new StoreException("cannot open the sandbox store " + (file == null ? url : file.toAbsolutePath()) + ": "
                    + StoreFailures.sqliteMessage(e), e);
        }
    }

    /** sqlite-jdbc reports a native library it could not load as "Error opening connection" caused by this. */
    private static boolean nativeLibraryMissing(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (t instanceof LinkageError || m != null && m.contains("No native library found")) {
                return true;
            }
        }
        return false;
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already failing; the first error is the one to report
            }
        }
    }

    private void createSchema() throws SQLException {
        try (Statement s = connection.createStatement()) {
            // reads the header and schema: a file that is not a database, or a corrupt one, fails here and not later
            s.executeQuery("SELECT count(*) FROM sqlite_master").close();
            s.executeUpdate("CREATE TABLE IF NOT EXISTS resources (key TEXT PRIMARY KEY, id TEXT NOT NULL,"
                    + " subscription TEXT, grp TEXT, type TEXT NOT NULL, name TEXT NOT NULL, document TEXT NOT NULL) WITHOUT ROWID");
            s.executeUpdate("CREATE INDEX IF NOT EXISTS resources_by_sub ON resources (subscription, type, key)");
            s.executeUpdate("CREATE INDEX IF NOT EXISTS resources_by_group ON resources (subscription, grp, key)");
            s.executeUpdate("CREATE INDEX IF NOT EXISTS resources_by_type ON resources (type, key)");
            s.executeUpdate("CREATE TABLE IF NOT EXISTS kv (space TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,"
                    + " PRIMARY KEY (space, key)) WITHOUT ROWID");
        }
    }

    @Override
    public synchronized Optional<StoredResource> get(String id) {
        List<StoredResource> found = query("SELECT " + COLUMNS + " FROM resources WHERE key = ?", ResourceIdParts.key(id));
        return found.stream().findFirst();
    }

    @Override
    public synchronized StoredResource put(String id, JsonObject document) {
        ResourceIdParts p = ResourceIdParts.of(id);
        String canonicalId = id.endsWith("/") ? id.substring(0, id.length() - 1) : id;
        String text = Json.WIRE.toJson(document);
        update("INSERT INTO resources (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET"
                        + " id = excluded.id, name = excluded.name, document = excluded.document",
                p.key(), canonicalId, p.subscriptionId(), p.resourceGroup(), p.type(), p.name(), text);
        return new StoredResource(p.key(), canonicalId, p.subscriptionId(), p.resourceGroup(), p.type(), p.name(), text);
    }

    @Override
    public synchronized boolean delete(String id) {
        return update("DELETE FROM resources WHERE key = ?", ResourceIdParts.key(id)) > 0;
    }

    @Override
    public synchronized int deleteUnder(String id) {
        String key = ResourceIdParts.key(id);
        // '0' sorts right after '/', so [key + "/", key + "0") is exactly "below key" and can use the index.
        return update("DELETE FROM resources WHERE key = ? OR (key >= ? AND key < ?)", key, key + "/", key + "0");
    }

    @Override
    public synchronized List<StoredResource> listUnder(String id) {
        String key = ResourceIdParts.key(id);
        return query("SELECT " + COLUMNS + " FROM resources WHERE key >= ? AND key < ? ORDER BY key", key + "/", key + "0");
    }

    @Override
    public synchronized List<StoredResource> list(ResourceFilter filter, String afterKey, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM resources WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (filter.subscriptionId() != null) {
            sql.append(" AND subscription = ?");
            args.add(filter.subscriptionId());
        }
        if (filter.resourceGroup() != null) {
            sql.append(" AND grp = ?");
            args.add(filter.resourceGroup());
        }
        if (filter.type() != null) {
            sql.append(" AND type = ?");
            args.add(filter.type());
        }
        if (afterKey != null) {
            sql.append(" AND key > ?");
            args.add(afterKey);
        }
        sql.append(" ORDER BY key LIMIT ?");
        args.add(limit);
        return query(sql.toString(), args.toArray());
    }

    @Override
    public synchronized Optional<String> getValue(String space, String key) {
        try (PreparedStatement ps = prepare("SELECT value FROM kv WHERE space = ? AND key = ?", space, key);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            throw failure("cannot read " + space + "/" + key, e);
        }
    }

    @Override
    public synchronized void putValue(String space, String key, String value) {
        update("INSERT INTO kv (space, key, value) VALUES (?, ?, ?) ON CONFLICT (space, key) DO UPDATE SET value = excluded.value",
                space, key, value);
    }

    @Override
    public synchronized boolean deleteValue(String space, String key) {
        return update("DELETE FROM kv WHERE space = ? AND key = ?", space, key) > 0;
    }

    @Override
    public synchronized List<KeyValue> listValues(String space, String keyPrefix) {
        String upper = keyPrefix + Character.MAX_VALUE;
        try (PreparedStatement ps = prepare("SELECT key, value FROM kv WHERE space = ? AND key >= ? AND key < ? ORDER BY key",
                space, keyPrefix, upper); ResultSet rs = ps.executeQuery()) {
            List<KeyValue> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new KeyValue(space, rs.getString(1), rs.getString(2)));
            }
            return out;
        } catch (SQLException e) {
            throw failure("cannot list " + space, e);
        }
    }

    @Override
    public synchronized <T> T inTransaction(Supplier<T> work) {
        if (depth > 0) {
            return work.get();
        }
        exec("BEGIN IMMEDIATE");
        depth++;
        boolean committed = false;
        try {
            T result = work.get();
            exec("COMMIT");
            committed = true;
            return result;
        } finally {
            depth--;
            if (!committed) {
                rollbackQuietly();
            }
        }
    }

    @Override
    public synchronized void wipe() {
        inTransaction(() -> {
            update("DELETE FROM resources");
            update("DELETE FROM kv");
            return null;
        });
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the sandbox store", e);
        }
    }

    private void exec(String sql) {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw failure(sql + " failed", e);
        }
    }

    /** Rolls back without hiding the failure that made it necessary (a full disk can make ROLLBACK fail too). */
    private void rollbackQuietly() {
        try (Statement s = connection.createStatement()) {
            s.execute("ROLLBACK");
        } catch (SQLException e) {
            // SQLite already rolled back (e.g. after SQLITE_FULL); the original failure is the one reported
        }
    }

    private int update(String sql, Object... args) {
        try (PreparedStatement ps = prepare(sql, args)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("store update failed", e);
        }
    }

    /** A disk-full failure names the file; a damaged file is named as such; anything else stays a plain store failure. */
    private StoreException failure(String what, SQLException e) {
        if (file != null && StoreFailures.isDiskFull(e)) {
            return new StoreFullException(file, e);
        }
        if (file != null && StoreFailures.isDamaged(e)) {
            return new StoreDamagedException(file, StoreFailures.sqliteMessage(e), e);
        }
        return new StoreException(what + ": " + StoreFailures.sqliteMessage(e), e);
    }

    private List<StoredResource> query(String sql, Object... args) {
        try (PreparedStatement ps = prepare(sql, args); ResultSet rs = ps.executeQuery()) {
            List<StoredResource> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new StoredResource(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)));
            }
            return out;
        } catch (SQLException e) {
            throw failure("store query failed", e);
        }
    }

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }
}
