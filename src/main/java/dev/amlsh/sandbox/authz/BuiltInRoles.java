package dev.amlsh.sandbox.authz;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The built-in roles the sandbox serves, with the GUIDs every Azure tenant shares and the
 * permissions Azure publishes for them (Azure built-in roles documentation, as mirrored by
 * AzAdvertizer and azure-rbac-catalog.org).
 *
 * <pre>{@code
 * RoleDefinition owner = BuiltInRoles.byId(BuiltInRoles.OWNER).orElseThrow();
 * BuiltInRoles.byName("azureml data scientist"); // names match case-insensitively
 * }</pre>
 */
public final class BuiltInRoles {
    public static final String OWNER = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";
    public static final String CONTRIBUTOR = "b24988ac-6180-42a0-ab88-20f7382dd24c";
    public static final String READER = "acdd72a7-3385-48ef-bd42-f606fba81ae7";
    public static final String USER_ACCESS_ADMINISTRATOR = "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9";
    public static final String AZUREML_DATA_SCIENTIST = "f6c7c914-8db3-469d-8ca1-694a8f32e121";
    public static final String AZUREML_COMPUTE_OPERATOR = "e503ece1-11d0-4e8e-8e2c-7a6c3bf38815";
    public static final String AZUREML_METRICS_WRITER = "635dd51f-9968-44d3-b7fb-6d9a6bd613ae";
    public static final String AZUREML_REGISTRY_USER = "1823dd4f-9b8c-4ab6-ab4e-7397a3684615";

    private static final String ML = "Microsoft.MachineLearningServices/";
    private static final String CREATED_2015 = "2015-02-02T21:55:09.8806423Z";

    private static final List<RoleDefinition> ALL = List.of(
            new RoleDefinition(OWNER, "Owner",
                    "Grants full access to manage all resources, including the ability to assign roles in Azure RBAC.",
                    List.of("*"), List.of(), List.of(), List.of(), CREATED_2015, "2021-11-11T20:13:45.8978856Z"),
            new RoleDefinition(CONTRIBUTOR, "Contributor",
                    "Grants full access to manage all resources, but does not allow you to assign roles in Azure RBAC, manage"
                            + " assignments in Azure Blueprints, or share image galleries.",
                    List.of("*"),
                    List.of("Microsoft.Authorization/*/Delete", "Microsoft.Authorization/*/Write",
                            "Microsoft.Authorization/elevateAccess/Action", "Microsoft.Blueprint/blueprintAssignments/write",
                            "Microsoft.Blueprint/blueprintAssignments/delete", "Microsoft.Compute/galleries/share/action",
                            "Microsoft.Purview/consents/write", "Microsoft.Purview/consents/delete",
                            "Microsoft.Resources/deploymentStacks/manageDenySetting/action", "Microsoft.Subscription/cancel/action",
                            "Microsoft.Subscription/enable/action"),
                    List.of(), List.of(), CREATED_2015, "2024-11-21T20:29:48.368Z"),
            new RoleDefinition(READER, "Reader", "View all resources, but does not allow you to make any changes.",
                    List.of("*/read"), List.of(), List.of(), List.of(), CREATED_2015, "2021-11-11T20:13:50.6046305Z"),
            new RoleDefinition(USER_ACCESS_ADMINISTRATOR, "User Access Administrator", "Lets you manage user access to Azure resources.",
                    List.of("*/read", "Microsoft.Authorization/*", "Microsoft.Support/*"), List.of(), List.of(), List.of(),
                    CREATED_2015, "2021-11-11T20:13:57.7932952Z"),
            new RoleDefinition(AZUREML_DATA_SCIENTIST, "AzureML Data Scientist",
                    "Can perform all actions within an Azure Machine Learning workspace, except for creating or deleting compute"
                            + " resources and modifying the workspace itself.",
                    List.of(ML + "workspaces/*/read", ML + "workspaces/*/action", ML + "workspaces/*/delete", ML + "workspaces/*/write"),
                    List.of(ML + "workspaces/delete", ML + "workspaces/write", ML + "workspaces/computes/*/write",
                            ML + "workspaces/computes/*/delete", ML + "workspaces/computes/listKeys/action",
                            ML + "workspaces/listKeys/action", ML + "workspaces/hubs/write", ML + "workspaces/hubs/delete",
                            ML + "workspaces/featurestores/write", ML + "workspaces/featurestores/delete"),
                    List.of(), List.of(), "2021-07-14T21:51:06.036Z", "2023-06-01T15:29:07.409Z"),
            new RoleDefinition(AZUREML_COMPUTE_OPERATOR, "AzureML Compute Operator",
                    "Can access and perform CRUD operations on Machine Learning Services managed compute resources (including"
                            + " Notebook VMs).",
                    List.of(ML + "workspaces/computes/*", ML + "workspaces/notebooks/vm/*"), List.of(), List.of(), List.of(),
                    "2022-09-27T15:13:11.399Z", "2022-09-27T15:13:11.399Z"),
            new RoleDefinition(AZUREML_METRICS_WRITER, "AzureML Metrics Writer (preview)", "Lets you write metrics to AzureML workspace",
                    List.of(), List.of(), List.of(ML + "workspaces/metrics/*/write"), List.of(),
                    "2021-01-27T21:03:45.5377519Z", "2021-01-27T21:03:45.5377519Z"),
            new RoleDefinition(AZUREML_REGISTRY_USER, "AzureML Registry User",
                    "Can perform all actions on Machine Learning Services Registry assets\u00a0as well as get Registry resources.",
                    List.of(ML + "registries/read", ML + "registries/assets/*"), List.of(), List.of(), List.of(),
                    "2022-09-27T15:13:11.415Z", "2022-09-27T15:13:11.415Z"));

    private BuiltInRoles() {
    }

    public static List<RoleDefinition> all() {
        return ALL;
    }

    /** The role with this GUID (any casing). */
    public static Optional<RoleDefinition> byId(String guid) {
        return ALL.stream().filter(r -> r.name().equalsIgnoreCase(guid)).findFirst();
    }

    /** The role with this name, compared case-insensitively. */
    public static Optional<RoleDefinition> byName(String roleName) {
        String wanted = roleName.toLowerCase(Locale.ROOT);
        return ALL.stream().filter(r -> r.roleName().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    /** The GUID at the end of a role definition ID ({@code /subscriptions/s/providers/.../roleDefinitions/{guid}} or tenant-relative). */
    public static Optional<String> guidOf(String roleDefinitionId) {
        if (roleDefinitionId == null) {
            return Optional.empty();
        }
        String marker = "/providers/microsoft.authorization/roledefinitions/";
        int at = roleDefinitionId.toLowerCase(Locale.ROOT).lastIndexOf(marker);
        if (at < 0) {
            return Optional.empty();
        }
        String guid = roleDefinitionId.substring(at + marker.length());
        return guid.isEmpty() || guid.contains("/") ? Optional.empty() : Optional.of(guid);
    }
}
