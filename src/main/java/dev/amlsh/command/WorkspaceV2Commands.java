package dev.amlsh.command;

import com.google.gson.JsonArray;
import dev.amlsh.core.AmlshException;
import dev.amlsh.azure.ml.ManagedNetworkShapes;
import dev.amlsh.azure.ml.V2Shapes;
import dev.amlsh.azure.ml.WorkspaceSpec;
import dev.amlsh.azure.ml.WorkspaceYaml;
import dev.amlsh.output.TableColumn;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The v2 {@code ml workspace} commands other than {@code create}: each calls one method of the
 * same workspace manager as v1 and prints v2's shapes.
 *
 * <pre>{@code
 * ml workspace show -n ws1 -g rg1 --query mlflow_tracking_uri
 * }</pre>
 */
final class WorkspaceV2Commands {
    /** v2's {@code -o table}: Name, Location, Description. */
    static final List<TableColumn> TABLE = List.of(new TableColumn("Name", "name"), new TableColumn("Location", "location"),
            new TableColumn("Description", "description"));

    @Command(name = "list", description = "List workspaces (full v2 objects) of a group, or of the subscription.",
            footerHeading = "%nExamples:%n", footer = {"  ml workspace list -g rg1", "  ml workspace list -o table", "  v1: ml workspace list"})
    static final class ListWorkspaces extends AmlCommand {
        @Mixin
        SharedOptions.GroupOrAll group;

        @Option(names = {"-r", "--max-results"}, paramLabel = "N", order = 2, description = "At most this many workspaces.")
        Integer max;

        @Override
        protected CommandResult execute() {
            if (max != null && max < 1) {
                throw AmlshException.usage("--max-results: " + max + " is not a positive number.", "Give 1 or more.");
            }
            String scope = group.value != null ? ctx.group(group.value) : group.orNull(ctx);
            JsonArray out = new JsonArray();
            ctx.azure().workspaces(global.subscription()).forEachWorkspace(scope, ws -> {
                if (max == null || out.size() < max) {
                    out.add(V2Shapes.workspace(ws));
                }
            });
            return new CommandResult(out, TABLE);
        }
    }

    @Command(name = "show", description = "Show a workspace (v2 object).",
            footerHeading = "%nExamples:%n", footer = {"  ml workspace show -n ws1 -g rg1",
                    "  ml workspace show -n ws1 -g rg1 --query managed_network.isolation_mode -o tsv", "  v1: ml workspace show -w ws1 -g rg1"})
    static final class Show extends AmlCommand {
        @Mixin
        WorkspaceV2Options target;

        @Override
        protected CommandResult execute() {
            return new CommandResult(V2Shapes.workspace(ctx.azure().workspaces(global.subscription())
                    .workspace(target.group(ctx), target.workspace(ctx))), TABLE);
        }
    }

    @Command(name = "update", description = "Update a workspace: display name, description, tags, network and dependencies.",
            footerHeading = "%nExamples:%n",
            footer = {"  ml workspace update -n ws1 -g rg1 --display-name Team --description \"For the team\"",
                    "  ml workspace update -n ws1 -g rg1 --set tags.team=ml",
                    "  ml workspace update -n ws1 -g rg1 -c <registry id> -u",
                    "  v1: ml workspace update -w ws1 -g rg1 --friendly-name Team --tags team=ml"})
    static final class Update extends AmlCommand {
        @Mixin
        WorkspaceV2Options target;

        @Option(names = {"-f", "--file"}, paramLabel = "FILE", order = 3, description = "The workspace's v2 YAML (its updatable keys).")
        Path file;

        @Option(names = "--display-name", paramLabel = "NAME", order = 4, description = "New display name.")
        String displayName;

        @Option(names = "--description", paramLabel = "TEXT", order = 5, description = "New description.")
        String description;

        @Option(names = {"-i", "--image-build-compute"}, paramLabel = "COMPUTE", order = 6, description = "Compute that builds images.")
        String imageBuildCompute;

        @Completes(value = ValueKind.Kind.ENUM, values = {"Enabled", "Disabled"})
        @Option(names = "--public-network-access", paramLabel = "Enabled|Disabled", order = 7, description = "Public network access.")
        String publicNetworkAccess;

        @Completes(value = ValueKind.Kind.RESOURCE_ID, type = "Microsoft.Insights/components")
        @Option(names = {"-a", "--application-insights"}, paramLabel = "ID", order = 8, description = "Another Application Insights (needs -u).")
        String applicationInsights;

        @Completes(value = ValueKind.Kind.RESOURCE_ID, type = "Microsoft.ContainerRegistry/registries")
        @Option(names = {"-c", "--container-registry"}, paramLabel = "ID", order = 9, description = "Another container registry (needs -u).")
        String containerRegistry;

        @Option(names = {"-u", "--update-dependent-resources"}, order = 10, description = "Confirm changing the registry or Application Insights.")
        boolean updateDependents;

        @Completes(value = ValueKind.Kind.RESOURCE_ID, type = "Microsoft.ManagedIdentity/userAssignedIdentities")
        @Option(names = {"-p", "--primary-user-assigned-identity"}, paramLabel = "ID", order = 11, description = "Primary user-assigned identity.")
        String primaryIdentity;

        @Completes(value = ValueKind.Kind.ENUM, values = {"disabled", "allow_internet_outbound", "allow_only_approved_outbound"})
        @Option(names = {"-m", "--managed-network"}, paramLabel = "MODE", order = 12,
                description = "disabled, allow_internet_outbound or allow_only_approved_outbound.")
        String managedNetwork;

        @Option(names = "--set", arity = "1..*", paramLabel = "tags.KEY=VALUE", order = 13, description = "Add or change tags (merged).")
        List<String> set;

        @Option(names = "--remove", arity = "1..*", paramLabel = "tags.KEY", order = 14, description = "Remove tags.")
        List<String> remove;

        @Option(names = "--no-wait", order = 15, description = "Do not wait for the update to finish.")
        boolean noWait;

        @Override
        protected CommandResult execute() {
            WorkspaceSpec spec = file == null ? new WorkspaceSpec() : WorkspaceYaml.load(dev.amlsh.core.WorkingDir.resolve(file), w -> ctx.warn(global, w));
            for (String pair : set == null ? List.<String>of() : set) {
                if (!pair.startsWith("tags.")) {
                    throw AmlshException.usage("--set '" + pair + "' has no effect on update: only tags.<key>=<value> does.",
                            "Use the option for it instead, e.g. --display-name or --description.");
                }
                spec.set(pair);
            }
            for (String key : remove == null ? List.<String>of() : remove) {
                if (!key.startsWith("tags.") || key.length() < 6) {
                    throw AmlshException.usage("--remove '" + key + "': only tags.<key> can be removed.", "Write e.g. --remove tags.team.");
                }
                spec.removeTags = spec.removeTags == null ? new java.util.LinkedHashSet<>() : spec.removeTags;
                spec.removeTags.add(key.substring(5));
            }
            WorkspaceV2Options.apply(spec, null, null, displayName, description, null, null, null, applicationInsights,
                    containerRegistry, imageBuildCompute, publicNetworkAccess, primaryIdentity);
            if (managedNetwork != null) {
                spec.managedNetwork = spec.managedNetwork == null ? new com.google.gson.JsonObject() : spec.managedNetwork;
                spec.managedNetwork.addProperty("isolationMode", ManagedNetworkShapes.isolationToArm(managedNetwork));
            }
            String name = target.workspace(ctx);
            var ws = ctx.azure().workspaces(global.subscription()).updateV2(target.group(ctx), name, spec, updateDependents, !noWait);
            if (ws.isEmpty()) {
                ctx.warn(global, "Workspace update request initiated. Status can be checked using `ml workspace show -n " + name + "`");
                return null;
            }
            return new CommandResult(V2Shapes.workspace(ws.get()), TABLE);
        }

        @Override
        protected boolean longRunning() {
            return true;
        }
    }

    @Command(name = "delete", description = "Delete a workspace (soft delete unless --permanently-delete). Asks unless --yes.",
            footerHeading = "%nExamples:%n",
            footer = {"  ml workspace delete -n ws1 -g rg1 --yes", "  ml workspace delete -n ws1 -g rg1 --all-resources --permanently-delete --yes",
                    "  v1: ml workspace delete -w ws1 -g rg1"})
    static final class Delete extends AmlCommand {
        @Mixin
        WorkspaceV2Options target;

        @Option(names = "--all-resources", order = 3, description = "Also delete its storage account, key vault, Application Insights and registry.")
        boolean allResources;

        @Option(names = {"-p", "--permanently-delete"}, order = 4, description = "Purge at once: the name is free again.")
        boolean purge;

        @Option(names = "--no-wait", order = 5, description = "Do not wait for the deletion to finish.")
        boolean noWait;

        @Mixin
        SharedOptions.Yes yes;

        @Override
        protected void prepare() {
            Confirmation.require(ctx, yes.value, "ml workspace delete", "Are you sure you want to perform this operation? (y/n): ");
        }

        @Override
        protected CommandResult execute() {
            ctx.azure().workspaces(global.subscription()).delete(target.group(ctx), target.workspace(ctx), allResources, purge,
                    !noWait, ctx.progress(global));
            return null;
        }

        @Override
        protected boolean longRunning() {
            return !noWait;
        }
    }

    @Command(name = "list-keys", description = "List the keys of the workspace's dependencies (secrets!).",
            footerHeading = "%nExamples:%n", footer = {"  ml workspace list-keys -n ws1 -g rg1"})
    static final class ListKeys extends AmlCommand {
        @Mixin
        WorkspaceV2Options target;

        @Override
        protected CommandResult execute() {
            return CommandResult.of(ctx.azure().workspaces(global.subscription()).listKeys(target.group(ctx), target.workspace(ctx)));
        }
    }

    @Command(name = "sync-keys", description = "Make the workspace pick up its dependencies' new keys now.",
            footerHeading = "%nExamples:%n", footer = {"  ml workspace sync-keys -n ws1 -g rg1"})
    static final class SyncKeys extends AmlCommand {
        @Mixin
        WorkspaceV2Options target;

        @Option(names = "--no-wait", order = 3, description = "Do not wait for the sync to finish.")
        boolean noWait;

        @Override
        protected CommandResult execute() {
            ctx.azure().workspaces(global.subscription()).syncKeys(target.group(ctx), target.workspace(ctx), !noWait);
            return null;
        }

        @Override
        protected boolean longRunning() {
            return !noWait;
        }
    }

    @Command(name = "diagnose", description = "Diagnose problems with the workspace's setup.",
            footerHeading = "%nExamples:%n", footer = {"  ml workspace diagnose -n ws1 -g rg1"})
    static final class Diagnose extends AmlCommand {
        @Mixin
        WorkspaceV2Options target;

        @Option(names = "--no-wait", order = 3, description = "Do not wait for the result.")
        boolean noWait;

        @Override
        protected CommandResult execute() {
            var result = ctx.azure().workspaces(global.subscription()).diagnose(target.group(ctx), target.workspace(ctx));
            return noWait ? null : CommandResult.of(V2Shapes.diagnose(result));
        }

        @Override
        protected boolean longRunning() {
            return true;
        }
    }

    @Command(name = "provision-network", description = "Provision the workspace's managed network now (else at first use).",
            footerHeading = "%nExamples:%n", footer = {"  ml workspace provision-network -n ws1 -g rg1",
                    "  ml workspace provision-network -n ws1 -g rg1 --include-spark"})
    static final class ProvisionNetwork extends AmlCommand {
        @Mixin
        WorkspaceV2Options target;

        @Option(names = "--include-spark", order = 3, description = "Also make it ready for serverless Spark (cannot be undone).")
        boolean includeSpark;

        @Option(names = "--no-wait", order = 4, description = "Do not wait for the network.")
        boolean noWait;

        @Override
        protected CommandResult execute() {
            var status = ctx.azure().workspaces(global.subscription()).provisionNetwork(target.group(ctx), target.workspace(ctx),
                    includeSpark, !noWait);
            return status == null ? null : CommandResult.of(dev.amlsh.azure.AzJson.sorted(status));
        }

        @Override
        protected boolean longRunning() {
            return !noWait;
        }
    }

    private WorkspaceV2Commands() {
    }
}
