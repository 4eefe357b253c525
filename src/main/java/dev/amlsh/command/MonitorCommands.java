package dev.amlsh.command;

import dev.amlsh.output.TableColumn;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code monitor app-insights component}: create, show, list and delete Application Insights
 * components, with the Azure CLI's options ({@code --app/-a}, {@code -g}, {@code -l}).
 *
 * <pre>{@code
 * monitor app-insights component show --app ws1-insights -g rg1 --query "id"
 * }</pre>
 */
@Command(name = "monitor", description = "Manage Azure Monitor resources (Application Insights).",
        subcommands = {MonitorCommands.AppInsights.class},
        footerHeading = "%nExamples:%n", footer = {"  monitor app-insights component show --app ai1 -g rg1 --query \"id\""})
public final class MonitorCommands {
    static final List<TableColumn> TABLE = List.of(new TableColumn("Name", "name"), new TableColumn("Location", "location"),
            new TableColumn("Kind", "kind"), new TableColumn("ResourceGroup", "resourceGroup"),
            new TableColumn("ApplicationType", "applicationType"));

    private MonitorCommands() {
    }

    @Command(name = "app-insights", description = "Manage Application Insights.",
            subcommands = {Component.class},
            footerHeading = "%nExamples:%n", footer = {"  monitor app-insights component create --app ai1 -g rg1 -l eastus"})
    static final class AppInsights {
    }

    @Command(name = "component", description = "Manage Application Insights components.",
            subcommands = {Create.class, Show.class, ListComponents.class, Delete.class},
            footerHeading = "%nExamples:%n", footer = {"  monitor app-insights component list -g rg1 -o table"})
    static final class Component {
    }

    /** {@code --app/-a/--name} and {@code -g}, shared by show and delete. */
    static final class AppAndGroup {
        @Option(names = {"--app", "-a", "--name"}, required = true, paramLabel = "NAME", order = 1,
                description = "Name of the Application Insights component.")
        String app;

        @Mixin
        SharedOptions.Group group;
    }

    @Command(name = "create", description = "Create (or update) an Application Insights component.",
            footerHeading = "%nExamples:%n",
            footer = {"  monitor app-insights component create --app ws1-insights -g rg1 -l eastus",
                    "  monitor app-insights component create -a demoApp -g rg1 --kind web --application-type web --tags team=ml"})
    static final class Create extends AmlCommand {
        @Option(names = {"--app", "-a", "--name"}, required = true, paramLabel = "NAME", order = 1,
                description = "Name of the new component: 1-260 characters, none of %% & \\ ? / and not ending in a space or a period.")
        String app;

        @Mixin
        SharedOptions.Group group;

        @Mixin
        SharedOptions.LocationOrConfigured location;

        @Option(names = "--kind", paramLabel = "KIND", order = 4, defaultValue = "web",
                description = "Kind of application, e.g. web, ios, other. Default: web.")
        String kind;

        @Option(names = "--application-type", paramLabel = "TYPE", order = 5, defaultValue = "web",
                description = "Type of application being monitored: web or other. Default: web.")
        String applicationType;

        @Mixin
        SharedOptions.TagList tags;

        @Override
        protected CommandResult execute() {
            String where = location.orConfigured(ctx);
            return new CommandResult(ctx.azure().appInsights(global.subscription())
                    .create(group.resolve(ctx), app, where, kind, applicationType, tags.parsed()), TABLE);
        }
    }

    @Command(name = "show", description = "Show an Application Insights component.",
            footerHeading = "%nExamples:%n",
            footer = {"  monitor app-insights component show --app ws1-insights -g rg1 --query \"id\"",
                    "  monitor app-insights component show -a ws1-insights --query instrumentationKey -o tsv"})
    static final class Show extends AmlCommand {
        @Mixin
        AppAndGroup target;

        @Override
        protected CommandResult execute() {
            return new CommandResult(ctx.azure().appInsights(global.subscription())
                    .show(MonitorCommands.groupOrNull(ctx, target.group.value), target.app), TABLE);
        }
    }

    @Command(name = "list", description = "List Application Insights components of a group, or of the subscription.",
            footerHeading = "%nExamples:%n",
            footer = {"  monitor app-insights component list -g rg1 -o table", "  monitor app-insights component list --query \"[].id\""})
    static final class ListComponents extends AmlCommand {
        @Mixin
        SharedOptions.GroupFilter group;

        @Override
        protected CommandResult execute() {
            return new CommandResult(ctx.azure().appInsights(global.subscription()).list(group.value), TABLE);
        }
    }

    @Command(name = "delete", description = "Delete an Application Insights component.",
            footerHeading = "%nExamples:%n", footer = {"  monitor app-insights component delete --app ws1-insights -g rg1"})
    static final class Delete extends AmlCommand {
        @Mixin
        AppAndGroup target;

        @Override
        protected CommandResult execute() {
            ctx.azure().appInsights(global.subscription()).delete(target.group.resolve(ctx), target.app);
            return null;
        }
    }

    /** {@code -g}, else the current group, else null (search the subscription). */
    static String groupOrNull(CommandContext ctx, String explicit) {
        if (explicit != null && !explicit.isBlank()) {
            return explicit;
        }
        return ctx.session().state().defaultValue("group").orElse(null);
    }
}
