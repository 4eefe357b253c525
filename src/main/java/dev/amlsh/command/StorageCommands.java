package dev.amlsh.command;

import com.google.gson.JsonObject;
import dev.amlsh.core.AmlshException;
import dev.amlsh.core.ResourceId;
import dev.amlsh.azure.StorageAccountService;
import dev.amlsh.output.TableColumn;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code storage account}: create, show, list, delete, keys and name checks of storage accounts.
 *
 * <pre>{@code
 * storage account create -n mlstorage01 -g rg1 -l eastus --sku Standard_LRS
 * storage account show --name mlstorage01 --query "id"
 * }</pre>
 */
@Command(name = "storage", description = "Manage Azure Storage resources.",
        footerHeading = "%nExamples:%n", footer = {"  storage account create -n mysa -g rg1 -l eastus", "  storage account show --name mysa --query id"},
        subcommands = StorageCommands.Account.class)
public final class StorageCommands {
    static final List<TableColumn> TABLE = List.of(new TableColumn("Name", "name"), new TableColumn("ResourceGroup", "resourceGroup"),
            new TableColumn("Location", "location"), new TableColumn("Kind", "kind"), new TableColumn("Sku", "sku.name"),
            new TableColumn("ProvisioningState", "provisioningState"));

    @Command(name = "account", description = "Manage storage accounts.",
            footerHeading = "%nExamples:%n", footer = {"  storage account show --name mysa --query id", "  storage account list -g rg1 -o table"},
            subcommands = {Create.class, Show.class, ListAccounts.class, Delete.class, Keys.class, CheckName.class})
    static final class Account {
    }

    /** {@code -n} and an optional {@code -g} that falls back to the current group, then to the whole subscription. */
    static final class Target {
        @Option(names = {"-n", "--name", "--account-name"}, paramLabel = "NAME", order = 1, description = "The storage account name.")
        String name;

        @Mixin
        SharedOptions.GroupOrAll group;

        @Option(names = "--ids", paramLabel = "ID", order = 3, description = "The account's resource ID (instead of -n and -g).")
        String ids;

        /** The service of the right subscription and the (group, name) to look up. */
        Located locate(AmlCommand command) {
            if (ids != null) {
                ResourceId id = ResourceId.parse(ids, "--ids");
                if (!id.isType("Microsoft.Storage/storageAccounts")) {
                    throw AmlshException.usage("--ids: '" + ids + "' is not a storage account ID.",
                            "Get one with 'storage account show -n <name> --query id -o tsv'.");
                }
                return new Located(command.ctx.azure().storageAccounts(id.subscriptionId()), id.resourceGroup(), id.name());
            }
            if (name == null) {
                throw AmlshException.usage("A storage account name is required.", "Give one with -n/--name (or --ids).");
            }
            String where = group.orNull(command.ctx);
            return new Located(command.ctx.azure().storageAccounts(command.global.subscription()), where, name);
        }
    }

    record Located(StorageAccountService service, String group, String name) {
    }

    @Command(name = "create", description = "Create a storage account.", footerHeading = "%nExamples:%n",
            footer = {"  storage account create -n mlstorage01 -g rg1 -l eastus",
                    "  storage account create -n mladls01 -g rg1 --sku Standard_GRS --kind StorageV2 --hns true --tags team=ml"})
    static final class Create extends AmlCommand {
        @Option(names = {"-n", "--name"}, required = true, paramLabel = "NAME", order = 1,
                description = "The storage account name: 3-24 lower-case letters and digits, unique across Azure.")
        String name;

        @Mixin
        SharedOptions.Group group;

        @Mixin
        SharedOptions.Location location;

        @Option(names = "--sku", paramLabel = "SKU", order = 4, description = "Standard_LRS (default), Standard_GRS, Standard_RAGRS,"
                + " Standard_ZRS, Standard_GZRS, Standard_RAGZRS, Premium_LRS or Premium_ZRS.")
        String sku;

        @Option(names = "--kind", paramLabel = "KIND", order = 5,
                description = "StorageV2 (default), Storage, BlobStorage, FileStorage or BlockBlobStorage.")
        String kind;

        @Option(names = {"--hns", "--enable-hierarchical-namespace"}, arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
                order = 6, description = "Hierarchical namespace (ADLS Gen2). Default: false. A workspace's default storage must not have it.")
        Boolean hns;

        @Mixin
        SharedOptions.TagList tags;

        @Override
        protected CommandResult execute() {
            JsonObject sa = ctx.azure().storageAccounts(global.subscription()).create(group.resolve(ctx), name, location.value, sku, kind,
                    hns != null && hns, tags.parsed());
            return new CommandResult(sa, TABLE);
        }

        @Override
        protected boolean longRunning() {
            return true;
        }
    }

    @Command(name = "show", description = "Show a storage account.", footerHeading = "%nExamples:%n",
            footer = {"  storage account show --name mlstorage01 --query \"id\"", "  storage account show -n mlstorage01 -g rg1",
                    "  storage account show --ids /subscriptions/<id>/resourceGroups/rg1/providers/Microsoft.Storage/storageAccounts/mlstorage01"})
    static final class Show extends AmlCommand {
        @Mixin
        Target target;

        @Override
        protected CommandResult execute() {
            Located at = target.locate(this);
            return new CommandResult(at.service().show(at.group(), at.name()), TABLE);
        }
    }

    @Command(name = "list", description = "List storage accounts of a group, or of the subscription.", footerHeading = "%nExamples:%n",
            footer = {"  storage account list -g rg1 -o table", "  storage account list --query \"[].name\""})
    static final class ListAccounts extends AmlCommand {
        @Mixin
        SharedOptions.GroupOrAll group;

        @Override
        protected CommandResult execute() {
            String where = group.orNull(ctx);
            return new CommandResult(ctx.azure().storageAccounts(global.subscription()).list(where), TABLE);
        }
    }

    @Command(name = "delete", description = "Delete a storage account and all the data in it.", footerHeading = "%nExamples:%n",
            footer = {"  storage account delete -n mlstorage01 -g rg1 --yes"})
    static final class Delete extends AmlCommand {
        @Mixin
        Target target;

        @Mixin
        SharedOptions.Yes yes;

        @Override
        protected void prepare() {
            Confirmation.require(ctx, yes.value, "storage account delete", "Are you sure you want to perform this operation? (y/n): ");
        }

        @Override
        protected CommandResult execute() {
            Located at = target.locate(this);
            at.service().delete(at.group(), at.name());
            return null;
        }
    }

    @Command(name = "keys", description = "Manage storage account keys.",
            footerHeading = "%nExamples:%n", footer = {"  storage account keys list -n mysa -g rg1", "  storage account keys renew -n mysa -g rg1 --key primary"},
            subcommands = {KeysList.class, KeysRenew.class})
    static final class Keys {
    }

    @Command(name = "list", description = "List the access keys of a storage account.", footerHeading = "%nExamples:%n",
            footer = {"  storage account keys list -n mlstorage01 -g rg1", "  storage account keys list -n mlstorage01 --query \"[0].value\" -o tsv"})
    static final class KeysList extends AmlCommand {
        @Mixin
        Target target;

        @Override
        protected CommandResult execute() {
            Located at = target.locate(this);
            return CommandResult.of(at.service().keys(at.group(), at.name()).get("keys"));
        }
    }

    @Command(name = "renew", description = "Regenerate one access key of a storage account (then 'ml workspace sync-keys').",
            footerHeading = "%nExamples:%n", footer = {"  storage account keys renew -n mlstorage01 -g rg1 --key primary"})
    static final class KeysRenew extends AmlCommand {
        @Mixin
        Target target;

        @Option(names = "--key", required = true, paramLabel = "primary|secondary", order = 4, description = "The key to regenerate.")
        String key;

        @Override
        protected CommandResult execute() {
            Located at = target.locate(this);
            return CommandResult.of(at.service().renewKey(at.group(), at.name(), key).get("keys"));
        }
    }

    @Command(name = "check-name", description = "Check whether a storage account name is valid and free.",
            footerHeading = "%nExamples:%n", footer = {"  storage account check-name -n mlstorage01", "  storage account check-name -n mlstorage01 --query nameAvailable"})
    static final class CheckName extends AmlCommand {
        @Option(names = {"-n", "--name"}, required = true, paramLabel = "NAME", order = 1, description = "The name to check.")
        String name;

        @Override
        protected CommandResult execute() {
            return CommandResult.of(ctx.azure().storageAccounts(global.subscription()).checkName(name));
        }
    }

    private StorageCommands() {
    }
}
