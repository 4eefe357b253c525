package dev.amlsh.app;

import dev.amlsh.sandbox.Sandbox;
import dev.amlsh.sandbox.store.StoreFiles;
import dev.amlsh.session.StoreMaintenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The sandbox store's file checked and set aside with the sandbox's own store code (registered in
 * {@code META-INF/services} for {@link StoreMaintenance}).
 *
 * <pre>{@code
 * new SandboxStoreMaintenance().setAsideIfDamaged(home.sandbox());
 * }</pre>
 */
public final class SandboxStoreMaintenance implements StoreMaintenance {
    @Override
    public Check check(Path sandboxHome, boolean full) {
        StoreFiles.Check c = StoreFiles.check(Sandbox.storeFile(sandboxHome), full);
        return new Check(c.file(), c.check(), c.problems());
    }

    @Override
    public Optional<Path> setAsideIfDamaged(Path sandboxHome) {
        Path file = Sandbox.storeFile(sandboxHome);
        if (!Files.exists(file) || StoreFiles.check(file, false).ok()) {
            return Optional.empty();
        }
        return Optional.of(StoreFiles.setAside(file));
    }
}
