package dev.amlsh.command;

import dev.amlsh.output.TableColumn;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code acr}: create, show, list, update and delete container registries, show their admin
 * credentials and check a name, with the Azure CLI's options.
 *
 * <pre>{@code
 * acr show --name ws1registry -g rg1 --query "id"
 * }</pre>
 */
@Command(name = "acr", description = "Manage Azure Container Registries.",
        subcommands = {AcrCommands.Create.class, AcrCommands.Show.class, AcrCommands.ListRegistries.class,
                AcrCommands.Update.class, AcrCommands.Delete.class, AcrCommands.Credential.class, AcrCommands.CheckName.class},
        footerHeading = "%nExamples:%n", footer = {"  acr create -n ws1registry -g rg1 --sku Basic --admin-enabled true",
                "  acr show --name ws1registry -g rg1 --query \"id\""})
public final class AcrCommands {
    static final List<TableColumn> TABLE = List.of(new TableColumn("Name", "name"), new TableColumn("ResourceGroup", "resourceGroup"),
            new TableColumn("Location", "location"), new TableColumn("SKU", "sku.name"),
            new TableColumn("LoginServer", "loginServer"), new TableColumn("CreationDate", "creationDate"),
            new TableColumn("AdminEnabled", "adminUserEnabled"));
    private static final String SUFFIX = ".azurecr.io";

    private AcrCommands() {
    }

    /** {@code -n/--name} and an optional {@code -g}, shared by the commands on one registry. */
    static final class Registry {
        @Option(names = {"-n", "--name"}, required = true, paramLabel = "NAME", order = 1,
                description = "Name of the container registry (5-50 letters and digits).")
        String name;

        @Mixin
        SharedOptions.GroupOrAll group;

        /** The name without a login-server suffix (as the Azure CLI accepts it, with a warning). */
        String name(CommandContext ctx, GlobalOptions global) {
            if (name.toLowerCase(Locale.ROOT).endsWith(SUFFIX)) {
                ctx.warn(global, "The login server endpoint suffix '" + SUFFIX + "' is automatically omitted.");
                return name.substring(0, name.length() - SUFFIX.length());
            }
            return name;
        }

        String group(CommandContext ctx) {
            return group.orNull(ctx);
        }
    }

    @Command(name = "create", description = "Create a container registry.",
            footerHeading = "%nExamples:%n",
            footer = {"  acr create -n ws1registry -g rg1 --sku Basic", "  acr create -n ws1registry -g rg1 -l eastus --admin-enabled true"})
    static final class Create extends AmlCommand {
        @Option(names = {"-n", "--name"}, required = true, paramLabel = "NAME", order = 1,
                description = "Name of the new registry: 5-50 letters and digits, unique across Azure.")
        String name;

        @Mixin
        SharedOptions.Group group;

        @Mixin
        SharedOptions.LocationOrConfigured location;

        @Option(names = "--sku", paramLabel = "SKU", order = 4, description = "Basic, Standard or Premium. Default: Basic.")
        String sku;

        @Option(names = "--admin-enabled", arity = "0..1", fallbackValue = "true", paramLabel = "true|false", order = 5,
                description = "Enable the admin user (needed by an ML workspace). Default: false.")
        Boolean adminEnabled;

        @Mixin
        SharedOptions.TagList tags;

        @Override
        protected CommandResult execute() {
            String where = location.orConfigured(ctx);
            return new CommandResult(ctx.azure().registries(global.subscription()).create(group.resolve(ctx), name, where, sku,
                    Boolean.TRUE.equals(adminEnabled), tags.parsed()), TABLE);
        }

        @Override
        protected boolean longRunning() {
            return true;
        }
    }

    @Command(name = "show", description = "Show a container registry.",
            footerHeading = "%nExamples:%n",
            footer = {"  acr show --name ws1registry -g rg1 --query \"id\"", "  acr show -n ws1registry --query loginServer -o tsv"})
    static final class Show extends AmlCommand {
        @Mixin
        Registry registry;

        @Override
        protected CommandResult execute() {
            return new CommandResult(ctx.azure().registries(global.subscription())
                    .show(registry.group(ctx), registry.name(ctx, global)), TABLE);
        }
    }

    @Command(name = "list", description = "List container registries of a group, or of the subscription.",
            footerHeading = "%nExamples:%n", footer = {"  acr list -o table", "  acr list -g rg1 --query \"[].loginServer\""})
    static final class ListRegistries extends AmlCommand {
        @Mixin
        SharedOptions.GroupFilter group;

        @Override
        protected CommandResult execute() {
            return new CommandResult(ctx.azure().registries(global.subscription()).list(group.value), TABLE);
        }
    }

    @Command(name = "update", description = "Update a container registry: admin user, SKU or tags.",
            footerHeading = "%nExamples:%n",
            footer = {"  acr update -n ws1registry --admin-enabled true", "  acr update -n ws1registry -g rg1 --sku Standard --tags team=ml"})
    static final class Update extends AmlCommand {
        @Mixin
        Registry registry;

        @Option(names = "--admin-enabled", arity = "0..1", fallbackValue = "true", paramLabel = "true|false", order = 3,
                description = "Enable or disable the admin user.")
        Boolean adminEnabled;

        @Option(names = "--sku", paramLabel = "SKU", order = 4, description = "Basic, Standard or Premium.")
        String sku;

        @Mixin
        SharedOptions.TagList tags;

        @Override
        protected CommandResult execute() {
            return new CommandResult(ctx.azure().registries(global.subscription()).update(registry.group(ctx),
                    registry.name(ctx, global), adminEnabled, sku, tags.values == null ? null : tags.parsed()), TABLE);
        }

        @Override
        protected boolean longRunning() {
            return true;
        }
    }

    @Command(name = "delete", description = "Delete a container registry.",
            footerHeading = "%nExamples:%n", footer = {"  acr delete -n ws1registry -g rg1 --yes"})
    static final class Delete extends AmlCommand {
        @Mixin
        Registry registry;

        @Mixin
        SharedOptions.Yes yes;

        @Override
        protected void prepare() {
            Confirmation.require(ctx, yes.value, "acr delete",
                    "Are you sure you want to delete the registry '" + registry.name + "'? (y/n): ");
        }

        @Override
        protected CommandResult execute() {
            ctx.azure().registries(global.subscription()).delete(registry.group(ctx), registry.name(ctx, global));
            return null;
        }

        @Override
        protected boolean longRunning() {
            return true;
        }
    }

    @Command(name = "credential", description = "Manage the admin credentials of a container registry.",
            subcommands = {CredentialShow.class},
            footerHeading = "%nExamples:%n", footer = {"  acr credential show -n ws1registry"})
    static final class Credential {
    }

    @Command(name = "show", description = "Show the admin user name and passwords of a container registry.",
            footerHeading = "%nExamples:%n",
            footer = {"  acr credential show -n ws1registry -g rg1", "  acr credential show -n ws1registry --query \"passwords[0].value\" -o tsv"})
    static final class CredentialShow extends AmlCommand {
        @Mixin
        Registry registry;

        @Override
        protected CommandResult execute() {
            return CommandResult.of(ctx.azure().registries(global.subscription())
                    .credentials(registry.group(ctx), registry.name(ctx, global)));
        }
    }

    @Command(name = "check-name", description = "Check whether a registry name is valid and not yet taken.",
            footerHeading = "%nExamples:%n", footer = {"  acr check-name -n ws1registry", "  acr check-name -n ws1registry --query nameAvailable"})
    static final class CheckName extends AmlCommand {
        @Option(names = {"-n", "--name"}, required = true, paramLabel = "NAME", order = 1, description = "The name to check.")
        String name;

        @Override
        protected CommandResult execute() {
            return CommandResult.of(ctx.azure().registries(global.subscription()).nameAvailability(name));
        }
    }
}
