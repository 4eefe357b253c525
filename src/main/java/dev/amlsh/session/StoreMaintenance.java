package dev.amlsh.session;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Work on the sandbox store's file itself, for when the sandbox service cannot start on it: a
 * check with SQLite, and setting a damaged file aside. The client reaches the running sandbox only
 * over HTTPS; this is the one thing it does to the sandbox home's files, through an
 * implementation the {@code app} layer provides (found with {@link ServiceLoader}).
 *
 * <pre>{@code
 * StoreMaintenance.Check c = StoreMaintenance.get().check(home.sandbox(), false);
 * }</pre>
 */
public interface StoreMaintenance {
    /** What a check found: which check ran on which file, and its problems (none when sound). */
    record Check(Path file, String check, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** SQLite's quick_check of the store ({@code full}: integrity_check), read-only. */
    Check check(Path sandboxHome, boolean full);

    /** When the store is damaged, moves it (and its journal files) aside and says where; else empty. */
    Optional<Path> setAsideIfDamaged(Path sandboxHome);

    /** The implementation on the class path. */
    static StoreMaintenance get() {
        return ServiceLoader.load(StoreMaintenance.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no store maintenance on the class path"));
    }
}
