package dev.amlsh.command;

import com.google.gson.JsonObject;
import dev.amlsh.azure.SandboxAdmin;
import dev.amlsh.session.LocalCloud;
import dev.amlsh.output.TableColumn;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code sandbox}: the local cloud behind the shell, one service per home shared by every client:
 * where it listens, how it runs, stopping it, and starting over. ({@code amlsh sandbox serve} runs
 * it in the foreground for other clients.)
 *
 * <pre>{@code
 * sandbox show
 * sandbox status
 * sandbox reset --yes
 * }</pre>
 */
@Command(name = "sandbox", description = "The local sandbox cloud.",
        footerHeading = "%nExamples:%n", footer = {"  sandbox show", "  sandbox status", "  sandbox stop", "  sandbox check",
        "  sandbox reset --yes", "  sandbox faults add --status 503 --times 2"},
        subcommands = {SandboxCommands.Show.class, SandboxCommands.Status.class, SandboxCommands.Stop.class, SandboxCommands.Reset.class,
                SandboxFaultCommands.class, SandboxRepairCommands.Check.class, SandboxFederatedTokenCommand.class})
public final class SandboxCommands {

    @Command(name = "show", description = "Show the sandbox's endpoint, certificate and tenant.",
            footerHeading = "%nExamples:%n", footer = {"  sandbox show", "  sandbox show --query endpoint -o tsv"})
    static final class Show extends AmlCommand {
        @Override
        protected CommandResult execute() {
            LocalCloud sandbox = ctx.session().localCloud();
            JsonObject out = new JsonObject();
            out.addProperty("certificate", sandbox.certificate().toString());
            out.addProperty("endpoint", sandbox.endpoint().toString());
            out.addProperty("home", ctx.session().home().sandbox().toString());
            out.addProperty("tenantId", sandbox.tenantId());
            out.addProperty("tokenEndpoint", sandbox.endpoint().resolve("adfs/oauth2/token").toString());
            return CommandResult.of(out);
        }
    }

    @Command(name = "status", description = "Show whether the sandbox service runs: endpoint, PID, version, uptime, requests served.",
            footerHeading = "%nExamples:%n", footer = {"  sandbox status", "  sandbox status --query requestsServed -o tsv"})
    static final class Status extends AmlCommand {
        @Override
        protected CommandResult execute() {
            return new CommandResult(new SandboxAdmin(ctx.azure()).status(), List.of(new TableColumn("Running", "running"),
                    new TableColumn("Endpoint", "endpoint"), new TableColumn("Pid", "pid"), new TableColumn("Version", "version"),
                    new TableColumn("Uptime", "uptime"), new TableColumn("Requests", "requestsServed")));
        }
    }

    @Command(name = "stop", description = "Stop the sandbox service of this home; the next command that needs it starts it again, with all its state.",
            footerHeading = "%nExamples:%n", footer = {"  sandbox stop"})
    static final class Stop extends AmlCommand {
        @Override
        protected CommandResult execute() {
            if (!new SandboxAdmin(ctx.azure()).stop()) {
                ctx.io().err().println("The sandbox is not running.");
            }
            return null;
        }
    }

    @Command(name = "reset", description = "Delete everything in the sandbox and start over with its seed data.",
            footerHeading = "%nExamples:%n", footer = {"  sandbox reset --yes"})
    static final class Reset extends AmlCommand {
        @Mixin
        SharedOptions.Yes yes;

        @Override
        protected void prepare() {
            Confirmation.require(ctx, yes.value, "sandbox reset",
                    "Delete every resource group and resource in the sandbox? (y/n): ");
        }

        @Override
        protected CommandResult execute() {
            java.nio.file.Path setAside = SandboxRepairCommands.resetOrSetAside(ctx);
            ctx.session().update(ctx.session().state().withDefault("group", null));
            if (setAside != null) {
                ctx.warn(global, "The damaged sandbox store was set aside as " + setAside + "; the sandbox starts afresh.");
            }
            return null;
        }
    }

    private SandboxCommands() {
    }
}
