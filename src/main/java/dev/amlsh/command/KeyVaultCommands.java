package dev.amlsh.command;

import dev.amlsh.output.TableColumn;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code keyvault}: create, show, list, delete (soft), list-deleted and purge key vaults.
 *
 * <pre>{@code
 * keyvault create -n kv-ml-01 -g rg1 -l eastus
 * keyvault show --name kv-ml-01 --query "id"
 * }</pre>
 */
@Command(name = "keyvault", description = "Manage key vaults.",
        footerHeading = "%nExamples:%n", footer = {"  keyvault create -n mykv -g rg1 -l eastus", "  keyvault show --name mykv --query id"},
        subcommands = {KeyVaultCommands.Create.class, KeyVaultCommands.Show.class, KeyVaultCommands.ListVaults.class,
                KeyVaultCommands.Delete.class, KeyVaultCommands.ListDeleted.class, KeyVaultCommands.Purge.class})
public final class KeyVaultCommands {
    static final List<TableColumn> TABLE = List.of(new TableColumn("Location", "location"), new TableColumn("Name", "name"),
            new TableColumn("ResourceGroup", "resourceGroup"));

    /** {@code -n} and an optional {@code -g}: the current group, else the whole subscription is searched. */
    static final class Target {
        @Option(names = {"-n", "--name"}, required = true, paramLabel = "NAME", order = 1, description = "The vault name.")
        String name;

        @Mixin
        SharedOptions.GroupOrAll group;

        String group(AmlCommand command) {
            return group.orNull(command.ctx);
        }
    }

    @Command(name = "create", description = "Create a key vault (you get an access policy on it).", footerHeading = "%nExamples:%n",
            footer = {"  keyvault create -n kv-ml-01 -g rg1 -l eastus", "  keyvault create -n kv-ml-02 -g rg1 --sku premium --tags team=ml"})
    static final class Create extends AmlCommand {
        @Option(names = {"-n", "--name"}, required = true, paramLabel = "NAME", order = 1,
                description = "The vault name: 3-24 letters, digits and '-', starting with a letter, unique across Azure.")
        String name;

        @Mixin
        SharedOptions.Group group;

        @Mixin
        SharedOptions.Location location;

        @Option(names = "--sku", paramLabel = "SKU", order = 4, description = "standard (default) or premium.")
        String sku;

        @Mixin
        SharedOptions.TagList tags;

        @Override
        protected CommandResult execute() {
            return new CommandResult(ctx.azure().keyVaults(global.subscription())
                    .create(group.resolve(ctx), name, location.value, sku, tags.parsed()), TABLE);
        }

        @Override
        protected boolean longRunning() {
            return true;
        }
    }

    @Command(name = "show", description = "Show a key vault.", footerHeading = "%nExamples:%n",
            footer = {"  keyvault show --name kv-ml-01 --query \"id\"", "  keyvault show -n kv-ml-01 -g rg1"})
    static final class Show extends AmlCommand {
        @picocli.CommandLine.Mixin
        Target target;

        @Override
        protected CommandResult execute() {
            return new CommandResult(ctx.azure().keyVaults(global.subscription()).show(target.group(this), target.name), TABLE);
        }
    }

    @Command(name = "list", description = "List key vaults of a group, or of the subscription.", footerHeading = "%nExamples:%n",
            footer = {"  keyvault list -g rg1 -o table", "  keyvault list --query \"[].name\""})
    static final class ListVaults extends AmlCommand {
        @Mixin
        SharedOptions.GroupOrAll group;

        @Override
        protected CommandResult execute() {
            String where = group.orNull(ctx);
            return new CommandResult(ctx.azure().keyVaults(global.subscription()).list(where), TABLE);
        }
    }

    @Command(name = "delete", description = "Delete a key vault. It stays soft-deleted (its name taken) until purged.",
            footerHeading = "%nExamples:%n", footer = {"  keyvault delete -n kv-ml-01 -g rg1", "  keyvault delete -n kv-ml-01"})
    static final class Delete extends AmlCommand {
        @picocli.CommandLine.Mixin
        Target target;

        @Override
        protected CommandResult execute() {
            ctx.azure().keyVaults(global.subscription()).delete(target.group(this), target.name);
            return null;
        }
    }

    @Command(name = "list-deleted", description = "List soft-deleted key vaults of the subscription.", footerHeading = "%nExamples:%n",
            footer = {"  keyvault list-deleted", "  keyvault list-deleted --query \"[].name\" -o tsv"})
    static final class ListDeleted extends AmlCommand {
        @Override
        protected CommandResult execute() {
            return CommandResult.of(ctx.azure().keyVaults(global.subscription()).listDeleted());
        }
    }

    @Command(name = "purge", description = "Permanently delete a soft-deleted key vault, freeing its name.", footerHeading = "%nExamples:%n",
            footer = {"  keyvault purge -n kv-ml-01", "  keyvault purge -n kv-ml-01 -l eastus"})
    static final class Purge extends AmlCommand {
        @Option(names = {"-n", "--name"}, required = true, paramLabel = "NAME", order = 1, description = "The deleted vault's name.")
        String name;

        @Option(names = {"-l", "--location"}, paramLabel = "LOCATION", order = 2,
                description = "Its location. Default: looked up among the deleted vaults.")
        String location;

        @Override
        protected CommandResult execute() {
            ctx.azure().keyVaults(global.subscription()).purge(name, location);
            return null;
        }

        @Override
        protected boolean longRunning() {
            return true;
        }
    }

    private KeyVaultCommands() {
    }
}
