package dev.amlsh.command;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.amlsh.core.AmlshException;
import dev.amlsh.azure.SandboxAdmin;
import dev.amlsh.session.StoreMaintenance;
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
            StoreMaintenance.Check c = StoreMaintenance.get().check(ctx.session().home().sandbox(), full);
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
     * Resets the sandbox over its control endpoint; when that fails because the store is damaged
     * (the service cannot start on it, or fails on it), stops the service, sets the file aside and
     * resets the fresh sandbox. Returns where the damaged file went, or null when nothing was wrong.
     */
    static Path resetOrSetAside(CommandContext ctx) {
        try {
            new SandboxAdmin(ctx.azure()).reset();
            return null;
        } catch (RuntimeException e) {
            Path sandboxHome = ctx.session().home().sandbox();
            if (StoreMaintenance.get().check(sandboxHome, false).ok()) {
                throw e;
            }
            try {
                new SandboxAdmin(ctx.azure()).stop();
            } catch (RuntimeException notRunning) {
                // it could not start on the damaged store: nothing to stop
            }
            Path moved = StoreMaintenance.get().setAsideIfDamaged(sandboxHome).orElse(null);
            new SandboxAdmin(ctx.azure()).reset();
            return moved;
        }
    }
}
