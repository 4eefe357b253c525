package dev.amlsh.command;

import dev.amlsh.output.TableColumn;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code provider}: resource providers and their registration in the subscription.
 *
 * <pre>{@code
 * provider register -n Microsoft.MachineLearningServices
 * }</pre>
 */
@Command(name = "provider", description = "Manage resource provider registration.",
        footerHeading = "%nExamples:%n", footer = {"  provider register -n Microsoft.MachineLearningServices"},
        subcommands = {ProviderCommands.ListProviders.class, ProviderCommands.Show.class,
                ProviderCommands.Register.class, ProviderCommands.Unregister.class})
public final class ProviderCommands {
    static final List<TableColumn> TABLE = List.of(new TableColumn("Namespace", "namespace"),
            new TableColumn("RegistrationPolicy", "registrationPolicy"),
            new TableColumn("RegistrationState", "registrationState"));

    static final class Namespace {
        @Option(names = {"-n", "--namespace"}, required = true, paramLabel = "NAMESPACE", order = 1,
                description = "Provider namespace, e.g. Microsoft.MachineLearningServices.")
        String namespace;
    }

    @Command(name = "list", description = "List resource providers and their registration state.",
            footerHeading = "%nExamples:%n", footer = {"  provider list -o table"})
    static final class ListProviders extends AmlCommand {
        @Override
        protected CommandResult execute() {
            return new CommandResult(ctx.azure().providers(global.subscription()).list(), TABLE);
        }
    }

    @Command(name = "show", description = "Show a resource provider.",
            footerHeading = "%nExamples:%n", footer = {"  provider show -n Microsoft.MachineLearningServices --query registrationState"})
    static final class Show extends AmlCommand {
        @picocli.CommandLine.Mixin
        Namespace ns;

        @Override
        protected CommandResult execute() {
            return new CommandResult(ctx.azure().providers(global.subscription()).show(ns.namespace), TABLE);
        }
    }

    @Command(name = "register", description = "Register a resource provider in the subscription.",
            footerHeading = "%nExamples:%n", footer = {"  provider register -n Microsoft.MachineLearningServices"})
    static final class Register extends AmlCommand {
        @picocli.CommandLine.Mixin
        Namespace ns;

        @Override
        protected CommandResult execute() {
            ctx.azure().providers(global.subscription()).register(ns.namespace);
            ctx.warn(global, "Registering is still on-going. You can monitor it with 'provider show -n " + ns.namespace + "'.");
            return null;
        }
    }

    @Command(name = "unregister", description = "Unregister a resource provider from the subscription.",
            footerHeading = "%nExamples:%n", footer = {"  provider unregister -n Microsoft.MachineLearningServices"})
    static final class Unregister extends AmlCommand {
        @picocli.CommandLine.Mixin
        Namespace ns;

        @Override
        protected CommandResult execute() {
            ctx.azure().providers(global.subscription()).unregister(ns.namespace);
            ctx.warn(global, "Unregistering is still on-going. You can monitor it with 'provider show -n " + ns.namespace + "'.");
            return null;
        }
    }

    private ProviderCommands() {
    }
}
