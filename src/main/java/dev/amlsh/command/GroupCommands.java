package dev.amlsh.command;

import com.google.gson.JsonPrimitive;
import dev.amlsh.core.AmlshException;
import dev.amlsh.output.TableColumn;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code group}: create, show, list, update and delete resource groups.
 *
 * <pre>{@code
 * group create -n rg1 -l eastus --tags team=ml
 * }</pre>
 */
@Command(name = "group", description = "Manage resource groups.",
        footerHeading = "%nExamples:%n", footer = {"  group create -n rg1 -l eastus", "  group list -o table"},
        subcommands = {GroupCommands.Create.class, GroupCommands.Show.class, GroupCommands.Exists.class,
                GroupCommands.ListGroups.class, GroupCommands.Update.class, GroupCommands.Delete.class})
public final class GroupCommands {
    static final List<TableColumn> TABLE = List.of(new TableColumn("Name", "name"),
            new TableColumn("Location", "location"), new TableColumn("Status", "properties.provisioningState"));

    /** {@code -n/--name}, also spelt {@code -g/--resource-group} as in the Azure CLI. */
    static final class NameOption {
        @Option(names = {"-n", "--name", "-g", "--resource-group"}, paramLabel = "GROUP", order = 1,
                description = "Name of the resource group. Default: the current group ('use <group>').")
        String name;
    }

    @Command(name = "create", description = "Create a new resource group.",
            footerHeading = "%nExamples:%n",
            footer = {"  group create --name rg1 --location eastus",
                    "  group create -n rg1 -l westus2 --tags team=ml env=dev"})
    static final class Create extends AmlCommand {
        @Option(names = {"-n", "--name", "-g", "--resource-group"}, required = true, paramLabel = "GROUP", order = 1,
                description = "Name of the new resource group.")
        String name;

        @Option(names = {"-l", "--location"}, paramLabel = "LOCATION", order = 2,
                description = "Location, e.g. eastus ('account list-locations'). Default: the configured location.")
        String location;

        @Mixin
        SharedOptions.TagList tags;

        @Override
        protected CommandResult execute() {
            String where = location != null ? location : ctx.session().state().defaultValue("location")
                    .orElseThrow(() -> AmlshException.usage("A location is required.",
                            "Add -l <location> (see 'account list-locations'), or set one with 'configure --defaults location=eastus'."));
            return new CommandResult(ctx.azure().groups(global.subscription()).create(name, where, tags.parsed()), TABLE);
        }
    }

    @Command(name = "show", description = "Show a resource group.",
            footerHeading = "%nExamples:%n", footer = {"  group show -n rg1", "  group show -n rg1 --query id -o tsv"})
    static final class Show extends AmlCommand {
        @picocli.CommandLine.Mixin
        NameOption group;

        @Override
        protected CommandResult execute() {
            return new CommandResult(ctx.azure().groups(global.subscription()).show(ctx.group(group.name)), TABLE);
        }
    }

    @Command(name = "exists", description = "Check whether a resource group exists (prints true or false).",
            footerHeading = "%nExamples:%n", footer = {"  group exists -n rg1"})
    static final class Exists extends AmlCommand {
        @picocli.CommandLine.Mixin
        NameOption group;

        @Override
        protected CommandResult execute() {
            return CommandResult.of(new JsonPrimitive(ctx.azure().groups(global.subscription()).exists(ctx.group(group.name))));
        }
    }

    @Command(name = "list", description = "List resource groups of the subscription.",
            footerHeading = "%nExamples:%n", footer = {"  group list -o table", "  group list --tag team=ml --query \"[].name\""})
    static final class ListGroups extends AmlCommand {
        @Option(names = "--tag", paramLabel = "KEY[=VALUE]", order = 1, description = "Only groups with this tag.")
        String tag;

        @Override
        protected CommandResult execute() {
            String key = null;
            String value = null;
            if (tag != null) {
                int eq = tag.indexOf('=');
                key = eq < 0 ? tag : tag.substring(0, eq);
                value = eq < 0 ? null : tag.substring(eq + 1);
            }
            return new CommandResult(ctx.azure().groups(global.subscription()).list(key, value), TABLE);
        }
    }

    @Command(name = "update", description = "Update a resource group's tags (they replace the old ones).",
            footerHeading = "%nExamples:%n", footer = {"  group update -n rg1 --tags team=ml env=prod", "  group update -n rg1 --tags \"\""})
    static final class Update extends AmlCommand {
        @picocli.CommandLine.Mixin
        NameOption group;

        @Option(names = "--tags", arity = "0..*", required = true, paramLabel = "KEY=VALUE", order = 2,
                description = "Space-separated tags: key[=value] ...; \"\" clears them.")
        List<String> tags;

        @Override
        protected CommandResult execute() {
            return new CommandResult(ctx.azure().groups(global.subscription())
                    .updateTags(ctx.group(group.name), Tags.parse(tags)), TABLE);
        }
    }

    @Command(name = "delete", description = "Delete a resource group and everything in it.",
            footerHeading = "%nExamples:%n", footer = {"  group delete -n rg1 --yes", "  group delete -n rg1 --yes --no-wait"})
    static final class Delete extends AmlCommand {
        @Option(names = {"-n", "--name", "-g", "--resource-group"}, required = true, paramLabel = "GROUP", order = 1,
                description = "Name of the resource group.")
        String name;

        @Mixin
        SharedOptions.Yes yes;

        @Option(names = "--no-wait", order = 3, description = "Do not wait for the deletion to finish.")
        boolean noWait;

        @Override
        protected void prepare() {
            Confirmation.require(ctx, yes.value, "group delete",
                    "Are you sure you want to delete resource group '" + name + "' and everything in it? (y/n): ");
        }

        @Override
        protected CommandResult execute() {
            ctx.azure().groups(global.subscription()).delete(name, !noWait);
            if (name.equalsIgnoreCase(ctx.session().state().defaultValue("group").orElse(""))) {
                ctx.session().update(ctx.session().state().withDefault("group", null));
            }
            return null;
        }

        @Override
        protected boolean longRunning() {
            return !noWait;
        }
    }

    private GroupCommands() {
    }
}
