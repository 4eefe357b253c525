package dev.amlsh.sandbox.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * The store's files on disk, apart from any running sandbox: checking them with SQLite's own
 * integrity checks, and setting a damaged one aside so that a fresh sandbox can start.
 *
 * <pre>{@code
 * StoreFiles.Check c = StoreFiles.check(home.resolve("sandbox.db"), false);
 * if (!c.ok()) StoreFiles.setAside(home.resolve("sandbox.db"));
 * }</pre>
 */
public final class StoreFiles {
    private static final String[] COMPANIONS = {"-wal", "-shm", "-journal"};
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    /** At most this many problems are listed (integrity_check stops there too). */
    private static final int MAX_PROBLEMS = 20;

    private StoreFiles() {
    }

    /**
     * The result of {@code PRAGMA quick_check} or {@code integrity_check}.
     *
     * @param file     the store file
     * @param check    which check ran
     * @param problems what SQLite found (empty when the file is sound)
     */
    public record Check(Path file, String check, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** True when the file exists, is empty, has no write-ahead log with data and sits in a home that had a sandbox. */
    static boolean lostItsData(Path file) {
        try {
            Path wal = file.resolveSibling(file.getFileName() + "-wal");
            return Files.isRegularFile(file) && Files.size(file) == 0
                    && (!Files.exists(wal) || Files.size(wal) == 0)
                    && Files.exists(file.resolveSibling("certificate.pem"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs SQLite's quick check (or, with {@code full}, its integrity check) on the file, read-only. */
    public static Check check(Path file, boolean full) {
        String pragma = full ? "integrity_check" : "quick_check";
        Path abs = file.toAbsolutePath();
        if (!Files.exists(abs)) {
            return new Check(abs, pragma, List.of("the file does not exist (a sandbox creates it when it first starts)"));
        }
        if (lostItsData(abs)) {
            return new Check(abs, pragma, List.of("the file is empty (0 bytes) in a home that had a sandbox; its data is lost"));
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        List<String> problems = new ArrayList<>();
        try (Connection c = config.createConnection("jdbc:sqlite:" + abs);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA " + pragma + "(" + MAX_PROBLEMS + ")")) {
            while (rs.next()) {
                String line = rs.getString(1);
                if (!"ok".equalsIgnoreCase(line)) {
                    problems.add(line);
                }
            }
        } catch (SQLException e) {
            problems.add(StoreFailures.sqliteMessage(e));
        }
        return new Check(abs, pragma, List.copyOf(problems));
    }

    /**
     * Renames the file (and its -wal/-shm companions) to {@code <name>.damaged-<UTC time>} next to
     * it, so nothing is lost and a fresh store can be created; returns the new name of the file,
     * or null when there was no file.
     */
    public static Path setAside(Path file) {
        Path abs = file.toAbsolutePath();
        String suffix = ".damaged-" + STAMP.format(Instant.now());
        try {
            Path moved = null;
            if (Files.exists(abs)) {
                moved = unique(abs.resolveSibling(abs.getFileName() + suffix));
                Files.move(abs, moved);
            }
            for (String c : COMPANIONS) {
                Path companion = abs.resolveSibling(abs.getFileName() + c);
                if (Files.exists(companion)) {
                    Path target = moved == null ? unique(abs.resolveSibling(abs.getFileName() + c + suffix))
                            : moved.resolveSibling(moved.getFileName() + c);
                    Files.move(companion, target);
                }
            }
            return moved;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set the damaged sandbox store " + abs + " aside: " + e.getMessage(), e);
        }
    }

    private static Path unique(Path p) {
        Path candidate = p;
        for (int i = 2; Files.exists(candidate); i++) {
            candidate = p.resolveSibling(p.getFileName() + "-" + i);
        }
        return candidate;
    }
}
