package dev.amlsh.command;

import com.google.gson.JsonObject;
import dev.amlsh.sandbox.Sandbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code sandbox}: the local cloud behind the shell: where it listens, and starting over.
 * ({@code amlsh sandbox serve} runs it stand-alone for other clients.)
 *
 * <pre>{@code
 * sandbox show
 * sandbox reset --yes
 * }</pre>
 */
@Command(name = "sandbox", description = "The local sandbox cloud.",
        footerHeading = "%nExamples:%n", footer = {"  sandbox show", "  sandbox reset --yes", "  sandbox faults add --status 503 --times 2"},
        subcommands = {SandboxCommands.Show.class, SandboxCommands.Reset.class, SandboxFaultCommands.class,
                SandboxFederatedTokenCommand.class})
public final class SandboxCommands {

    @Command(name = "show", description = "Show the sandbox's endpoint, certificate and tenant.",
            footerHeading = "%nExamples:%n", footer = {"  sandbox show", "  sandbox show --query endpoint -o tsv"})
    static final class Show extends AmlCommand {
        @Override
        protected CommandResult execute() {
            Sandbox sandbox = ctx.session().sandbox();
            JsonObject out = new JsonObject();
            out.addProperty("certificate", sandbox.certificatePem().toString());
            out.addProperty("endpoint", sandbox.endpoint().toString());
            out.addProperty("home", ctx.session().home().sandbox().toString());
            out.addProperty("tenantId", sandbox.tenantId());
            out.addProperty("tokenEndpoint", sandbox.tokenEndpoint().toString());
            return CommandResult.of(out);
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
            ctx.session().sandbox().reset();
            ctx.session().update(ctx.session().state().withDefault("group", null));
            return null;
        }
    }

    private SandboxCommands() {
    }
}
