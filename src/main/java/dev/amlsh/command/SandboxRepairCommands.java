package dev.amlsh.command;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.amlsh.azure.AmlshException;
import dev.amlsh.sandbox.Sandbox;
import dev.amlsh.sandbox.store.StoreFailures;
import dev.amlsh.sandbox.store.StoreFiles;
import dev.amlsh.session.Session;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sandbox check}, and the repair half of {@code sandbox reset}: both work on the store's
 * file directly, so they work when the sandbox cannot start on a damaged one.
 *
 * <pre>{@code
 * sandbox check
 * sandbox check --full
 * }</pre>
 */
final class SandboxRepairCommands {
    private SandboxRepairCommands() {
    }

    @Command(name = "check", description = "Check the sandbox store for damage with SQLite's quick_check (--full: integrity_check).",
            footerHeading = "%nExamples:%n", footer = {"  sandbox check", "  sandbox check --full"})
    static final class Check extends AmlCommand {
        @Option(names = "--full", description = "Run SQLite's integrity_check (slower, checks more) instead of quick_check.")
        boolean full;

        @Override
        protected CommandResult execute() {
            StoreFiles.Check c = StoreFiles.check(Sandbox.storeFile(ctx.session().home().sandbox()), full);
            if (!c.ok()) {
                String more = c.problems().size() > 1 ? " (and " + (c.problems().size() - 1) + " more)" : "";
                throw new AmlshException(AmlshException.Fault.SERVICE, "The sandbox store " + c.file() + " is damaged: "
                        + c.problems().get(0) + more + ".", "Run 'sandbox reset --yes' to set it aside and start a fresh sandbox.");
            }
            JsonObject out = new JsonObject();
            out.addProperty("check", c.check());
            out.addProperty("file", c.file().toString());
            out.add("problems", new JsonArray());
            out.addProperty("result", "ok");
            return CommandResult.of(out);
        }
    }

    /**
     * Starts the session's sandbox; when its store is damaged, sets the file aside first so that a
     * fresh one starts. Returns where the damaged file went, or null when nothing was wrong.
     */
    static Path startOrSetAside(Session session) {
        try {
            session.sandbox();
            return null;
        } catch (RuntimeException e) {
            if (!StoreFailures.isDamaged(e)) {
                throw e;
            }
            Path moved = StoreFiles.setAside(Sandbox.storeFile(session.home().sandbox()));
            session.sandbox();
            return moved;
        }
    }
}
