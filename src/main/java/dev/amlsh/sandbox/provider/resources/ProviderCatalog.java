package dev.amlsh.sandbox.provider.resources;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The resource provider namespaces ARM knows in the sandbox, with their resource types as
 * {@code GET /subscriptions/{id}/providers/{ns}} lists them.
 *
 * <pre>{@code
 * ProviderCatalog.find("microsoft.storage").map(ProviderCatalog.Namespace::namespace); // "Microsoft.Storage"
 * }</pre>
 */
public final class ProviderCatalog {
    /**
     * One namespace.
     *
     * @param namespace         canonical casing, e.g. {@code Microsoft.Storage}
     * @param registrationFree  true when a subscription never needs to register it
     * @param types             its resource types
     */
    public record Namespace(String namespace, boolean registrationFree, List<ResourceType> types) {
        /** True if {@code type} (the first type segment, any casing) belongs to this namespace. */
        public boolean hasType(String type) {
            return types.stream().anyMatch(t -> t.name().split("/")[0].equalsIgnoreCase(type));
        }
    }

    /**
     * One resource type.
     *
     * @param name        e.g. {@code storageAccounts} or {@code locations/asyncoperations}
     * @param regional    true when it lists the public regions, false for a global type
     * @param apiVersions the versions served, in the order Azure lists them
     */
    public record ResourceType(String name, boolean regional, List<String> apiVersions) {
    }

    private static final List<String> COSMOS = List.of("2024-11-15", "2024-08-15", "2024-05-15");
    private static final List<String> NOTEBOOKS = List.of("2019-10-11-preview");

    private static final List<Namespace> ALL = List.of(
            ns("Microsoft.MachineLearningServices", false, null, "workspaces", "workspaces/computes", "workspaces/connections",
                    "registries", "locations", "locations/workspaceOperationsStatus", "locations/computeOperationsStatus",
                    "locations/usages", "locations/quotas", "-operations"),
            ns("Microsoft.Storage", false, null, "storageAccounts", "storageAccounts/blobServices", "storageAccounts/fileServices",
                    "deletedAccounts", "locations", "locations/asyncoperations", "-checkNameAvailability", "-operations", "-usages"),
            ns("Microsoft.KeyVault", false, null, "vaults", "vaults/secrets", "vaults/accessPolicies", "-deletedVaults",
                    "locations", "locations/deletedVaults", "locations/operationResults", "-checkNameAvailability", "-operations"),
            ns("Microsoft.Insights", false, null, "components", "components/query", "actionGroups", "-diagnosticSettings",
                    "-operations"),
            ns("Microsoft.ContainerRegistry", false, null, "registries", "registries/replications", "registries/webhooks",
                    "locations", "locations/operationResults", "-checkNameAvailability", "-operations"),
            ns("Microsoft.Authorization", true, null, "-roleAssignments", "-roleDefinitions", "-permissions", "-locks",
                    "-policyAssignments", "-classicAdministrators", "-operations"),
            ns("Microsoft.Resources", true, null, "-resourceGroups", "-subscriptions", "-tenants", "-providers",
                    "-deployments", "-tags", "-checkresourcename", "-locations", "-operations"),
            ns("Microsoft.Network", false, null, "virtualNetworks", "virtualNetworks/subnets", "privateEndpoints",
                    "privateDnsZones", "networkSecurityGroups", "publicIPAddresses", "locations", "-operations"),
            ns("Microsoft.DocumentDB", false, COSMOS, "databaseAccounts", "databaseAccountNames", "locations", "-operations"),
            ns("Microsoft.Notebooks", false, NOTEBOOKS, "NotebookProxies", "-operations"));

    private ProviderCatalog() {
    }

    public static List<Namespace> all() {
        return ALL;
    }

    /** The namespace, any casing. */
    public static Optional<Namespace> find(String namespace) {
        return ALL.stream().filter(n -> n.namespace().equalsIgnoreCase(namespace)).findFirst();
    }

    static JsonArray resourceTypesJson(Namespace n) {
        JsonArray out = new JsonArray();
        for (ResourceType t : n.types()) {
            JsonObject o = new JsonObject();
            o.addProperty("resourceType", t.name());
            JsonArray locations = new JsonArray();
            if (t.regional()) {
                Locations.publicDisplayNames().forEach(locations::add);
            }
            o.add("locations", locations);
            JsonArray versions = new JsonArray();
            t.apiVersions().forEach(versions::add);
            o.add("apiVersions", versions);
            if (t.regional() && !t.name().contains("/")) {
                o.addProperty("capabilities", "CrossResourceGroupResourceMove, CrossSubscriptionResourceMove, SupportsTags, SupportsLocation");
            }
            out.add(o);
        }
        return out;
    }

    // A leading '-' marks a global type (no locations). Versions: those the sandbox serves (ApiVersions), else the given ones.
    private static Namespace ns(String name, boolean free, List<String> versions, String... types) {
        List<ResourceType> list = java.util.Arrays.stream(types)
                .map(t -> t.startsWith("-") ? type(name, t.substring(1), false, versions) : type(name, t, true, versions))
                .toList();
        return new Namespace(name, free, list);
    }

    private static ResourceType type(String namespace, String name, boolean regional, List<String> versions) {
        List<String> served = ApiVersions.served(namespace, name);
        return new ResourceType(name, regional, served != null ? served : versions);
    }

    static String key(String namespace) {
        return namespace.toLowerCase(Locale.ROOT);
    }
}
