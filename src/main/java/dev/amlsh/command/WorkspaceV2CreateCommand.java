package dev.amlsh.command;

import dev.amlsh.azure.ml.ManagedNetworkShapes;
import dev.amlsh.azure.ml.V2Shapes;
import dev.amlsh.azure.ml.WorkspaceSpec;
import dev.amlsh.azure.ml.WorkspaceYaml;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * v2 {@code ml workspace create}: from {@code --file} (the v2 YAML), then {@code --set}, then
 * the flags. On a workspace that exists it updates it, as the v2 CLI does.
 *
 * <pre>{@code
 * ml workspace create -n ws1 -g rg1 --managed-network allow_only_approved_outbound
 * }</pre>
 */
@Command(name = "create", description = "Create a workspace (or update it when it exists), v2 dialect.",
        footerHeading = "%nExamples:%n",
        footer = {"  ml workspace create -n ws1 -g rg1",
                "  ml workspace create -g rg1 --file workspace.yml",
                "  ml workspace create -n ws1 -g rg1 --display-name Team --key-vault <key vault id> --storage-account <storage id>",
                "  ml workspace create -n ws1 -g rg1 --managed-network allow_only_approved_outbound --public-network-access Disabled",
                "  v1: ml workspace create -w ws1 -g rg1"})
final class WorkspaceV2CreateCommand extends AmlCommand {
    @Completes(ValueKind.Kind.WORKSPACE)
    @Option(names = {"-n", "--name"}, paramLabel = "NAME", order = 1,
            description = "Name of the workspace. Default: 'name:' of the file.")
    String name;

    @Mixin
    SharedOptions.Group group;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", order = 3, description = "The workspace's v2 YAML file.")
    Path file;

    @Option(names = "--set", arity = "1..*", paramLabel = "KEY=VALUE", order = 4,
            description = "Values of the YAML to set, e.g. hbi_workspace=true tags.team=ml.")
    List<String> set;

    @Mixin
    SharedOptions.Location location;

    @Option(names = "--display-name", paramLabel = "NAME", order = 6, description = "Display name. Default: the name.")
    String displayName;

    @Option(names = "--description", paramLabel = "TEXT", order = 7, description = "Description. Default: the name.")
    String description;

    @Mixin
    SharedOptions.TagList tags;

    @Completes(value = ValueKind.Kind.RESOURCE_ID, type = "Microsoft.Storage/storageAccounts")
    @Option(names = {"-s", "--storage-account"}, paramLabel = "ID", order = 9, description = "ID of an existing storage account. Default: create one.")
    String storageAccount;

    @Completes(value = ValueKind.Kind.RESOURCE_ID, type = "Microsoft.KeyVault/vaults")
    @Option(names = {"-k", "--key-vault"}, paramLabel = "ID", order = 10, description = "ID of an existing key vault. Default: create one.")
    String keyVault;

    @Completes(value = ValueKind.Kind.RESOURCE_ID, type = "Microsoft.Insights/components")
    @Option(names = {"-a", "--application-insights"}, paramLabel = "ID", order = 11,
            description = "ID of an existing Application Insights component. Default: create one.")
    String applicationInsights;

    @Completes(value = ValueKind.Kind.RESOURCE_ID, type = "Microsoft.ContainerRegistry/registries")
    @Option(names = {"-c", "--container-registry"}, paramLabel = "ID", order = 12,
            description = "ID of a container registry (admin user enabled). Default: none until first use.")
    String containerRegistry;

    @Option(names = {"-i", "--image-build-compute"}, paramLabel = "COMPUTE", order = 13, description = "Compute that builds images.")
    String imageBuildCompute;

    @Completes(value = ValueKind.Kind.ENUM, values = {"Enabled", "Disabled"})
    @Option(names = "--public-network-access", paramLabel = "Enabled|Disabled", order = 14, description = "Public network access. Default: Enabled.")
    String publicNetworkAccess;

    @Completes(value = ValueKind.Kind.RESOURCE_ID, type = "Microsoft.ManagedIdentity/userAssignedIdentities")
    @Option(names = {"-p", "--primary-user-assigned-identity"}, paramLabel = "ID", order = 15,
            description = "ID of the user-assigned identity the workspace uses (list it under identity: in the file).")
    String primaryIdentity;

    @Completes(value = ValueKind.Kind.ENUM, values = {"disabled", "allow_internet_outbound", "allow_only_approved_outbound"})
    @Option(names = {"-m", "--managed-network"}, paramLabel = "MODE", order = 16,
            description = "disabled, allow_internet_outbound or allow_only_approved_outbound.")
    String managedNetwork;

    @Option(names = "--hbi-workspace", order = 17, description = "High business impact (only at creation).")
    boolean hbi;

    @Option(names = {"-e", "--enable-data-isolation"}, order = 18, description = "Data isolation (only at creation).")
    boolean dataIsolation;

    @Option(names = {"-u", "--update-dependent-resources"}, order = 19,
            description = "Allow changing the registry or Application Insights of an existing workspace.")
    boolean updateDependents;

    @Option(names = "--no-wait", order = 20, description = "Do not wait for the workspace to be ready.")
    boolean noWait;

    @Override
    protected CommandResult execute() {
        WorkspaceSpec spec = file == null ? new WorkspaceSpec() : WorkspaceYaml.load(dev.amlsh.core.WorkingDir.resolve(file), w -> ctx.warn(global, w));
        for (String pair : set == null ? List.<String>of() : set) {
            spec.set(pair);
        }
        WorkspaceV2Options.apply(spec, name, location.value, displayName, description, tags.values, storageAccount, keyVault,
                applicationInsights, containerRegistry, imageBuildCompute, publicNetworkAccess, primaryIdentity);
        if (managedNetwork != null) {
            spec.managedNetwork = spec.managedNetwork == null ? new com.google.gson.JsonObject() : spec.managedNetwork;
            spec.managedNetwork.addProperty("isolationMode", ManagedNetworkShapes.isolationToArm(managedNetwork));
        }
        if (hbi) {
            spec.hbiWorkspace = true;
        }
        if (dataIsolation) {
            spec.enableDataIsolation = true;
        }
        if (spec.name == null || spec.name.isBlank()) {
            throw dev.amlsh.core.AmlshException.usage("No workspace name given.", "Add -n <name>, or 'name:' to the file given with --file.");
        }
        String rg = ctx.group(spec.resourceGroup != null ? spec.resourceGroup : group.value);
        var made = ctx.azure().workspaces(global.subscription()).createV2(spec, rg, updateDependents, !noWait, ctx.progress(global));
        if (made.isEmpty()) {
            ctx.warn(global, "Workspace create request initiated. Status can be checked using `ml workspace show -n " + spec.name
                    + " -g " + rg + "`");
            return null;
        }
        return new CommandResult(V2Shapes.workspace(made.get()), WorkspaceV2Commands.TABLE);
    }

    @Override
    protected boolean longRunning() {
        return true;
    }
}
