package dev.amlsh.command;

import java.util.List;

/**
 * One step of the {@code tour}: what the workflow says, the command that does it, and how to
 * tell that it worked: exit code 0 and, when {@code check} is set, a JMESPath that must be true on
 * the JSON the command (or {@code verify}, when set) printed.
 *
 * <pre>{@code
 * new TourStep("§1", "Create a resource group", "A workspace always lives in a group.",
 *         "group create -n tour-rg -l eastus --query properties.provisioningState -o tsv", null, "properties.provisioningState == 'Succeeded'", true);
 * }</pre>
 *
 * @param section  where it is in reference/seed-workflow.md
 * @param title    one line
 * @param explain  2-4 lines
 * @param command  the command to run
 * @param verify   a command whose output is checked instead of the step's own (or null)
 * @param check    a JMESPath that must be true (or null: exit code 0 is enough)
 * @param runnable false for steps the sandbox shows but does not run (they are explained only)
 * @param v1Line   on the v2 track: the v1 line of the same step, shown beside it (null on the v1 track)
 */
public record TourStep(String section, String title, String explain, String command, String verify, String check,
                       boolean runnable, String v1Line) {

    public TourStep(String section, String title, String explain, String command, String verify, String check, boolean runnable) {
        this(section, title, explain, command, verify, check, runnable, null);
    }

    /** The walk through reference/seed-workflow.md §0-7 in the sandbox. */
    public static final List<TourStep> WORKFLOW = List.of(
            new TourStep("§0", "Pick the subscription",
                    "Every command runs in a subscription. The sandbox has two: 'Sandbox' (ready to use) and\n"
                            + "'Sandbox Unregistered' (Azure ML not registered, to practise that error).",
                    "account set -s Sandbox", "account show", "name == 'Sandbox'", true),
            new TourStep("§0", "Check that Azure ML is registered",
                    "The resource provider Microsoft.MachineLearningServices must be registered in the\n"
                            + "subscription, or creating a workspace fails with MissingSubscriptionRegistration.",
                    "provider show -n Microsoft.MachineLearningServices --query registrationState -o tsv", null, "registrationState == 'Registered'", true),
            new TourStep("§1", "Create a resource group",
                    "A workspace always lives in a resource group, in a region where Azure ML is offered.\n"
                            + "Tip: after '-l ' press Tab to see the locations.",
                    "group create -n tour-rg -l eastus --query properties.provisioningState -o tsv", null, "properties.provisioningState == 'Succeeded'", true),
            new TourStep("§2", "Create a workspace with its dependent resources",
                    "Without --storage-account and friends, the workspace creates a storage account, a key vault\n"
                            + "and Application Insights for itself (the container registry comes on first need).",
                    "ml workspace create -w tour-ws -g tour-rg", null,
                    "name == 'tour-ws' && storageAccount != null && keyVault != null && applicationInsights != null", true),
            new TourStep("§3", "See the IDs of the dependent resources",
                    "To reuse existing resources, give their full IDs: --storage-account, --keyvault,\n"
                            + "--application-insights, --container-registry. Tab completes IDs segment by segment.",
                    "ml workspace show -w tour-ws -g tour-rg --query storageAccount -o tsv", null, "storageAccount != null", true),
            new TourStep("§4", "Network isolation (explained only)",
                    "With --pe-name, --pe-vnet-name and --pe-subnet-name the workspace is reached through a private\n"
                            + "endpoint in an existing VNet. Private link is not offered in Government regions.",
                    "ml workspace create -w tour-ws-pe -g tour-rg --pe-name tour-pe --pe-vnet-name tour-vnet --pe-auto-approval",
                    null, null, false),
            new TourStep("§5", "Customer-managed key and high business impact (explained only)",
                    "--cmk-keyvault and --resource-cmk-uri encrypt with your key; --hbi-workspace limits the data\n"
                            + "Microsoft collects and can be set only when the workspace is created.",
                    "ml workspace create -w tour-ws-hbi -g tour-rg --hbi-workspace", null, null, false),
            new TourStep("§6", "List the workspaces",
                    "'ml workspace list' shows each workspace's group, subscription and name.",
                    "ml workspace list -g tour-rg --query \"[].workspaceName\"", null, "length([?workspaceName=='tour-ws']) == `1`", true),
            new TourStep("§6", "Update the workspace",
                    "update changes the description, friendly name and tags; it prints the workspace again.",
                    "ml workspace update -w tour-ws -g tour-rg --description \"Made in the tour\" --query description -o tsv", null,
                    "description == 'Made in the tour'", true),
            new TourStep("§7", "Share the workspace",
                    "share gives a user a role on the workspace (Azure RBAC). Tab after --user lists the\n"
                            + "sandbox's users, after --role the role names.",
                    "ml workspace share -w tour-ws -g tour-rg --user alice@sandbox.amlsh --role \"AzureML Data Scientist\"",
                    null, null, true),
            new TourStep("§7", "Delete the workspace",
                    "Deleting a workspace keeps its storage account, key vault, Application Insights and\n"
                            + "registry: they stay in the group.",
                    "ml workspace delete -w tour-ws -g tour-rg --yes", null, null, true),
            new TourStep("§7", "Delete the resource group",
                    "Deleting the group deletes everything in it. This ends the tour.",
                    "group delete -n tour-rg --yes", "group exists -n tour-rg", "@ == `false`", true));

    /** The same workflow in today's CLI (v2, the ml extension), each step with its v1 line beside it. */
    public static final List<TourStep> WORKFLOW_V2 = List.of(
            v2(WORKFLOW.get(0), null, null), v2(WORKFLOW.get(1), null, null), v2(WORKFLOW.get(2), null, null),
            new TourStep("§2", "Create a workspace with its dependent resources",
                    "v2 names the workspace with -n and prints snake_case keys. It makes the storage account, key vault\n"
                            + "and Application Insights, but no registry up front; the description defaults to the name.",
                    "ml workspace create -n tour-ws -g tour-rg", null,
                    "name == 'tour-ws' && storage_account != null && key_vault != null && application_insights != null", true,
                    WORKFLOW.get(3).command()),
            new TourStep("§3", "See the IDs of the dependent resources",
                    "Existing resources are given as -s/--storage-account, -k/--key-vault (v1: --keyvault),\n"
                            + "-a/--application-insights and -c/--container-registry, or in a YAML file with --file.",
                    "ml workspace show -n tour-ws -g tour-rg --query storage_account -o tsv", null, "storage_account != null", true,
                    WORKFLOW.get(4).command()),
            new TourStep("§4", "Network isolation (explained only)",
                    "v2 creates inbound private endpoints separately ('network private-endpoint create'); outbound\n"
                            + "traffic of managed compute is isolated by the managed network and its outbound rules.",
                    "ml workspace create -n tour-ws-pe -g tour-rg --managed-network allow_only_approved_outbound", null, null, false,
                    WORKFLOW.get(5).command()),
            new TourStep("§5", "Customer-managed key and high business impact (explained only)",
                    "v2 sets these with --set (or in the YAML file): customer_managed_key.key_vault, .key_uri, hbi_workspace.",
                    "ml workspace create -n tour-ws-hbi -g tour-rg --set hbi_workspace=true", null, null, false,
                    WORKFLOW.get(6).command()),
            new TourStep("§6", "List the workspaces",
                    "v2 list prints the whole object of each workspace; -o table shows Name, Location, Description.",
                    "ml workspace list -g tour-rg --query \"[].name\"", null, "length([?name=='tour-ws']) == `1`", true,
                    WORKFLOW.get(7).command()),
            new TourStep("§6", "Update the workspace",
                    "v2 update: --display-name (v1 -f/--friendly-name), --description; tags are merged with --set tags.<key>=<value>.",
                    "ml workspace update -n tour-ws -g tour-rg --description \"Made in the tour\" --query description -o tsv", null,
                    "description == 'Made in the tour'", true, WORKFLOW.get(8).command()),
            new TourStep("§7", "Share the workspace",
                    "v2 has no share: give the role on the workspace's ID. $_.id is the ID from the last result.",
                    "role assignment create --assignee alice@sandbox.amlsh --role \"AzureML Data Scientist\" --scope $_.id",
                    null, null, true, WORKFLOW.get(9).command()),
            new TourStep("§7", "Delete the workspace",
                    "v2 asks before deleting unless --yes; -p/--permanently-delete frees the name at once.",
                    "ml workspace delete -n tour-ws -g tour-rg --yes", null, null, true, WORKFLOW.get(10).command()),
            v2(WORKFLOW.get(11), null, null));

    private static TourStep v2(TourStep same, String command, String check) {
        return new TourStep(same.section(), same.title(), same.explain(), command != null ? command : same.command(), same.verify(),
                check != null ? check : same.check(), same.runnable(), same.command());
    }
}
