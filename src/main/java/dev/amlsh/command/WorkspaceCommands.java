package dev.amlsh.command;

import dev.amlsh.core.AmlshException;
import dev.amlsh.azure.ml.UpdateOptions;
import dev.amlsh.output.TableColumn;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code ml workspace} commands other than {@code create}: each calls one method of the
 * session's workspace manager.
 *
 * <pre>{@code
 * ml workspace show -w ws1 -g rg1 --query storageAccount
 * }</pre>
 */
final class WorkspaceCommands {
    static final List<TableColumn> TABLE = List.of(new TableColumn("Name", "name"),
            new TableColumn("ResourceGroup", "resourceGroup"), new TableColumn("Location", "location"),
            new TableColumn("FriendlyName", "friendlyName"));

    @Command(name = "list", description = "List workspaces of a group, or of the subscription without -g.",
            footerHeading = "%nExamples:%n", footer = {"  ml workspace list", "  ml workspace list -g rg1 -o table"})
    static final class ListWorkspaces extends AmlCommand {
        @Mixin
        SharedOptions.GroupFilter group;

        @Override
        protected CommandResult execute() {
            return CommandResult.of(ctx.azure().workspaces(global.subscription()).list(group.value));
        }
    }

    @Command(name = "show", description = "Show a workspace.",
            footerHeading = "%nExamples:%n", footer = {"  ml workspace show -w ws1 -g rg1", "  ml workspace show -w ws1 -g rg1 --query keyVault -o tsv"})
    static final class Show extends AmlCommand {
        @Mixin
        WorkspaceOptions target;

        @Override
        protected CommandResult execute() {
            return new CommandResult(ctx.azure().workspaces(global.subscription())
                    .show(target.group(ctx), target.workspace(ctx)), TABLE);
        }
    }

    @Command(name = "update", description = "Update a workspace's friendly name, description, tags or settings.",
            footerHeading = "%nExamples:%n",
            footer = {"  ml workspace update -w ws1 -g rg1 --friendly-name \"Team workspace\" --description \"For the team\"",
                    "  ml workspace update -w ws1 -g rg1 --tags team=ml",
                    "  ml workspace update -w ws1 -g rg1 --container-registry <registry id>"})
    static final class Update extends AmlCommand {
        @Mixin
        WorkspaceOptions target;

        @Option(names = {"-f", "--friendly-name"}, paramLabel = "NAME", order = 3, description = "New friendly name.")
        String friendlyName;

        @Option(names = {"-d", "--description"}, paramLabel = "TEXT", order = 4, description = "New description.")
        String description;

        @Mixin
        SharedOptions.TagList tags;

        @Option(names = "--image-build-compute", paramLabel = "COMPUTE", order = 6, description = "Compute target that builds images.")
        String imageBuildCompute;

        @Option(names = {"--public-network-access"}, paramLabel = "Enabled|Disabled", order = 7,
                description = "Whether the workspace is reachable from public networks.")
        String publicNetworkAccess;

        @Option(names = "--allow-public-access", paramLabel = "true|false", order = 8,
                description = "Allow public access to a private-link workspace (same as --public-network-access).")
        Boolean allowPublicAccess;

        @Option(names = "--application-insights", paramLabel = "ID", order = 9, description = "ID of another Application Insights component.")
        String applicationInsights;

        @Option(names = "--container-registry", paramLabel = "ID", order = 10,
                description = "ID of a container registry (admin user enabled).")
        String containerRegistry;

        @Option(names = {"-v", "--v1-legacy-mode"}, paramLabel = "true|false", order = 11,
                description = "Prevent using the v2 API service on public ARM.")
        Boolean v1LegacyMode;

        @Override
        protected CommandResult execute() {
            String access = publicNetworkAccess;
            if (access == null && allowPublicAccess != null) {
                access = allowPublicAccess ? "Enabled" : "Disabled";
            }
            if (access != null && !access.equalsIgnoreCase("Enabled") && !access.equalsIgnoreCase("Disabled")) {
                throw AmlshException.usage("--public-network-access: '" + access + "' is not a choice.", "Use Enabled or Disabled.");
            }
            UpdateOptions changes = new UpdateOptions(friendlyName, description, tags.values == null ? null : tags.parsed(),
                    imageBuildCompute, access == null ? null : Character.toUpperCase(access.charAt(0)) + access.substring(1).toLowerCase(),
                    WorkspaceCreateCommand.id(applicationInsights, "--application-insights"),
                    WorkspaceCreateCommand.id(containerRegistry, "--container-registry"), v1LegacyMode);
            return new CommandResult(ctx.azure().workspaces(global.subscription())
                    .update(target.group(ctx), target.workspace(ctx), changes), TABLE);
        }

        @Override
        protected boolean longRunning() {
            return true;
        }
    }

    @Command(name = "share", description = "Share a workspace with a user, giving them a role on it (Azure RBAC).",
            footerHeading = "%nExamples:%n",
            footer = {"  ml workspace share -w ws1 -g rg1 --user bob@sandbox.amlsh --role \"AzureML Data Scientist\"",
                    "  ml workspace share -w ws1 -g rg1 --user alice@sandbox.amlsh --role Reader"})
    static final class Share extends AmlCommand {
        @Mixin
        WorkspaceOptions target;

        @Option(names = "--user", required = true, paramLabel = "USER", order = 3, description = "User to share with (sign-in name or object ID).")
        String user;

        @Option(names = "--role", required = true, paramLabel = "ROLE", order = 4,
                description = "Role to give, e.g. Reader, Contributor, Owner, \"AzureML Data Scientist\".")
        String role;

        @Override
        protected CommandResult execute() {
            return CommandResult.of(ctx.azure().workspaces(global.subscription())
                    .share(target.group(ctx), target.workspace(ctx), user, role));
        }
    }

    @Command(name = "sync-keys", description = "Make the workspace pick up its dependencies' new keys now (else it takes about an hour).",
            footerHeading = "%nExamples:%n", footer = {"  ml workspace sync-keys -w ws1 -g rg1"})
    static final class SyncKeys extends AmlCommand {
        @Mixin
        WorkspaceOptions target;

        @Override
        protected CommandResult execute() {
            ctx.azure().workspaces(global.subscription()).syncKeys(target.group(ctx), target.workspace(ctx));
            return null;
        }

        @Override
        protected boolean longRunning() {
            return true;
        }
    }

    @Command(name = "list-keys", description = "List the keys of the workspace's storage, registry and Application Insights (secrets!).",
            footerHeading = "%nExamples:%n", footer = {"  ml workspace list-keys -w ws1 -g rg1"})
    static final class ListKeys extends AmlCommand {
        @Mixin
        WorkspaceOptions target;

        @Override
        protected CommandResult execute() {
            return CommandResult.of(ctx.azure().workspaces(global.subscription()).listKeys(target.group(ctx), target.workspace(ctx)));
        }
    }

    @Command(name = "diagnose", description = "Diagnose problems with the workspace's setup (e.g. a deleted dependency).",
            footerHeading = "%nExamples:%n", footer = {"  ml workspace diagnose -w ws1 -g rg1"})
    static final class Diagnose extends AmlCommand {
        @Mixin
        WorkspaceOptions target;

        @Override
        protected CommandResult execute() {
            return CommandResult.of(ctx.azure().workspaces(global.subscription()).diagnose(target.group(ctx), target.workspace(ctx)));
        }

        @Override
        protected boolean longRunning() {
            return true;
        }
    }

    @Command(name = "delete", description = "Delete a workspace. Its storage, key vault, Application Insights and registry stay unless --all-resources.",
            footerHeading = "%nExamples:%n",
            footer = {"  ml workspace delete -w ws1 -g rg1", "  ml workspace delete -w ws1 -g rg1 --all-resources --yes",
                    "  ml workspace delete -w ws1 -g rg1 --permanently-delete --yes"})
    static final class Delete extends AmlCommand {
        @Mixin
        WorkspaceOptions target;

        @Option(names = "--all-resources", order = 3, description = "Also delete its storage account, key vault, Application Insights and container registry.")
        boolean allResources;

        @Option(names = "--permanently-delete", order = 4,
                description = "Purge at once instead of soft-deleting (a soft-deleted name cannot be reused until purged).")
        boolean purge;

        @Option(names = "--no-wait", order = 5, description = "Do not wait for the deletion to finish.")
        boolean noWait;

        @Mixin
        SharedOptions.Yes yes;

        @Override
        protected void prepare() {
            // The v1 CLI never asked; at a terminal amlsh asks, in scripts it runs as the v1 CLI did.
            if (ctx.io().interactive()) {
                Confirmation.require(ctx, yes.value, "ml workspace delete", "Delete workspace '" + target.workspace(ctx) + "'"
                        + (allResources ? " and its storage account, key vault, Application Insights and registry" : "") + "? (y/n): ");
            }
        }

        @Override
        protected CommandResult execute() {
            ctx.azure().workspaces(global.subscription()).delete(target.group(ctx), target.workspace(ctx), allResources,
                    purge, !noWait, ctx.progress(global));
            return null;
        }

        @Override
        protected boolean longRunning() {
            return !noWait;
        }
    }

    private WorkspaceCommands() {
    }
}
