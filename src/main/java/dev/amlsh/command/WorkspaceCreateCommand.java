package dev.amlsh.command;

import dev.amlsh.core.AmlshException;
import dev.amlsh.core.ResourceId;
import dev.amlsh.azure.ml.CreateOptions;
import dev.amlsh.azure.ml.PrivateEndpointOptions;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ml workspace create}: a workspace and, unless given, its storage account, key vault,
 * Application Insights and container registry.
 *
 * <pre>{@code
 * ml workspace create -w ws1 -g rg1 --storage-account <id> --keyvault <id>
 * }</pre>
 */
@Command(name = "create", description = "Create a workspace and the resources it needs.",
        footerHeading = "%nExamples:%n",
        footer = {"  ml workspace create -w ws1 -g rg1",
                "  ml workspace create -w ws1 -g rg1 --storage-account /subscriptions/<id>/resourceGroups/rg1/providers/Microsoft.Storage/storageAccounts/mysa",
                "  ml workspace create -w ws1 -g newrg -l eastus --yes",
                "  ml workspace create -w ws1 -g rg1 --pe-name ws1-pe --pe-vnet-name vnet1 --pe-auto-approval",
                "  ml workspace create -w ws1 -g rg1 --cmk-keyvault <key vault id> --resource-cmk-uri https://kv1.vault.azure.net/keys/k1/<version> --hbi-workspace"})
final class WorkspaceCreateCommand extends AmlCommand {
    @Option(names = {"-w", "--workspace-name"}, required = true, paramLabel = "WORKSPACE", order = 1,
            description = "Name of the new workspace (3-33 letters, digits, '-', '_'; case-insensitive).")
    String workspace;

    @Mixin
    SharedOptions.Group group;

    @Mixin
    SharedOptions.Location location;

    @Option(names = {"-f", "--friendly-name"}, paramLabel = "NAME", order = 4, description = "Friendly name. Default: the workspace name.")
    String friendlyName;

    @Option(names = "--storage-account", paramLabel = "ID", order = 5,
            description = "ID of an existing storage account (Standard, Blob and File, no hierarchical namespace). Default: create one.")
    String storageAccount;

    @Option(names = "--keyvault", paramLabel = "ID", order = 6, description = "ID of an existing key vault. Default: create one.")
    String keyVault;

    @Option(names = "--application-insights", paramLabel = "ID", order = 7,
            description = "ID of an existing Application Insights component. Default: create one.")
    String applicationInsights;

    @Option(names = "--container-registry", paramLabel = "ID", order = 8,
            description = "ID of an existing container registry with the admin user enabled. Default: create one.")
    String containerRegistry;

    @Option(names = "--cmk-keyvault", paramLabel = "ID", order = 9, description = "ID of the key vault holding the customer-managed key.")
    String cmkKeyVault;

    @Option(names = "--resource-cmk-uri", paramLabel = "URL", order = 10, description = "URL of the customer-managed key.")
    String cmkKeyUri;

    @Option(names = "--hbi-workspace", order = 11,
            description = "High business impact: less diagnostic data is collected. Can only be set at creation. Default: false.")
    boolean hbi;

    @Option(names = "--sku", paramLabel = "SKU", order = 12, defaultValue = "basic",
            description = "basic or enterprise. Default: ${DEFAULT-VALUE}.")
    String sku;

    @Option(names = {"-t", "--tags"}, arity = "0..*", paramLabel = "KEY=VALUE", order = 13, description = "Space-separated tags: key[=value] ...")
    List<String> tags;

    @Option(names = "--pe-name", paramLabel = "NAME", order = 14, description = "Create a private endpoint with this name.")
    String peName;

    @Option(names = "--pe-auto-approval", order = 15, description = "Approve the private endpoint connection at once. Default: false.")
    boolean peAutoApproval;

    @Option(names = "--pe-resource-group", paramLabel = "GROUP", order = 16,
            description = "Group of the virtual network (and the private endpoint). Default: the workspace's group.")
    String peGroup;

    @Option(names = "--pe-vnet-name", paramLabel = "VNET", order = 17, description = "Existing virtual network for the private endpoint.")
    String peVnet;

    @Option(names = "--pe-subnet-name", paramLabel = "SUBNET", order = 18, defaultValue = "default",
            description = "Existing subnet of that network. Default: ${DEFAULT-VALUE}.")
    String peSubnet;

    @Option(names = "--exist-ok", order = 19, description = "Do not fail if the workspace exists.")
    boolean existOk;

    @Option(names = {"-y", "--yes"}, order = 20, description = "Create the resource group if it does not exist (needs -l).")
    boolean yes;

    @Option(names = "--no-wait", order = 21, description = "Do not wait for the workspace to be ready.")
    boolean noWait;

    @Override
    protected CommandResult execute() {
        if (!sku.equalsIgnoreCase("basic") && !sku.equalsIgnoreCase("enterprise")) {
            throw AmlshException.usage("--sku: '" + sku + "' is not a workspace SKU.", "Use basic or enterprise.");
        }
        PrivateEndpointOptions pe = null;
        if (peName != null || peVnet != null) {
            if (peName == null || peVnet == null) {
                throw AmlshException.usage("A private endpoint needs both --pe-name and --pe-vnet-name.",
                        "Give both (the network must exist: see 'network vnet list').");
            }
            pe = new PrivateEndpointOptions(peName, peAutoApproval, peGroup, peVnet, peSubnet);
        }
        CreateOptions options = new CreateOptions(workspace, group.resolve(ctx), location.value, friendlyName,
                id(storageAccount, "--storage-account"), id(keyVault, "--keyvault"),
                id(applicationInsights, "--application-insights"), id(containerRegistry, "--container-registry"),
                id(cmkKeyVault, "--cmk-keyvault"), cmkKeyUri, hbi, sku, Tags.parse(tags), pe, existOk, yes, !noWait);
        var result = ctx.azure().workspaces(global.subscription()).create(options, ctx.progress(global));
        if (result == null) {
            ctx.warn(global, "Workspace create request accepted. Check it with 'ml workspace show -w " + workspace
                    + " -g " + options.group() + "'.");
            return null;
        }
        return new CommandResult(result, WorkspaceCommands.TABLE);
    }

    @Override
    protected boolean longRunning() {
        return true;
    }

    static ResourceId id(String value, String option) {
        return value == null ? null : ResourceId.parse(value, option);
    }
}
