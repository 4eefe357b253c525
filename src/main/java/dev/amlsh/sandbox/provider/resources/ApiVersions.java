package dev.amlsh.sandbox.provider.resources;

import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The api-versions Azure serves (in the order Azure lists them), as the provider list advertises them; a request at
 * any other version is refused as ARM refuses it. ARM's own API (tenants, subscriptions, locations,
 * resource groups, providers, resource listings, and Microsoft.Resources' operation URLs) serves one
 * list and refuses others with {@code InvalidApiVersionParameter}; a provider's tracked type serves
 * its own list, and the namespace's other types (child types, location-based operation statuses,
 * deleted vaults, provider-level actions) the list of its main type.
 *
 * <pre>{@code
 * ApiVersions.check("Microsoft.Storage", "storageAccounts", "2099-01-01", "eastus"); // throws NoRegisteredProviderFound
 * ApiVersions.checkArm("2099-01-01");                                              // throws InvalidApiVersionParameter
 * }</pre>
 */
public final class ApiVersions {
    /**
     * ARM's own versions, in the order ARM's {@code InvalidApiVersionParameter} message names them
     * (recorded answer of a resource group request at an unserved version, September 2026).
     */
    static final List<String> ARM = List.of("2026-06-01", "2025-04-01", "2025-03-01", "2024-10-01-preview", "2024-11-01",
            "2024-08-01", "2024-07-01", "2024-06-01-preview", "2024-03-01", "2023-07-01", "2023-07-01-preview",
            "2023-03-01-preview", "2022-12-01", "2022-11-01-preview", "2022-09-01", "2022-06-01", "2022-05-01",
            "2022-03-01-preview", "2022-01-01", "2021-04-01", "2021-01-01", "2020-10-01", "2020-09-01", "2020-08-01",
            "2020-07-01", "2020-06-01", "2020-05-01", "2020-01-01", "2019-11-01", "2019-10-01", "2019-09-01", "2019-08-01",
            "2019-07-01", "2019-06-01", "2019-05-10", "2019-05-01", "2019-03-01", "2018-11-01", "2018-09-01", "2018-08-01",
            "2018-07-01", "2018-06-01", "2018-05-01", "2018-02-01", "2018-01-01", "2017-12-01", "2017-08-01", "2017-06-01",
            "2017-05-10", "2017-05-01", "2017-03-01", "2016-09-01", "2016-07-01", "2016-06-01", "2016-02-01", "2015-11-01",
            "2015-01-01", "2014-04-01-preview", "2014-04-01", "2014-01-01", "2013-03-01", "2014-02-26", "2014-04");
    static final String RESOURCES = "Microsoft.Resources";

    private static final Map<String, List<String>> BY_TYPE = Map.of(
            "microsoft.storage/storageaccounts", List.of("2025-06-01", "2025-01-01", "2024-01-01", "2023-05-01", "2023-04-01",
                    "2023-01-01", "2022-09-01", "2022-05-01", "2021-09-01", "2021-08-01", "2021-06-01", "2021-05-01", "2021-04-01",
                    "2021-02-01", "2021-01-01", "2020-08-01-preview", "2019-06-01", "2019-04-01", "2018-11-01", "2018-07-01",
                    "2018-03-01-preview", "2018-02-01", "2017-10-01", "2017-06-01", "2016-12-01", "2016-05-01", "2016-01-01",
                    "2015-06-15", "2015-05-01-preview"),
            "microsoft.keyvault/vaults", List.of("2025-05-01", "2024-12-01-preview", "2024-11-01", "2024-04-01-preview",
                    "2023-08-01-preview", "2023-07-01", "2023-02-01", "2022-11-01", "2022-07-01", "2022-02-01-preview",
                    "2021-11-01-preview", "2021-10-01", "2021-06-01-preview", "2021-04-01-preview", "2020-04-01-preview",
                    "2019-09-01", "2018-02-14", "2018-02-14-preview", "2016-10-01", "2015-06-01"),
            "microsoft.containerregistry/registries", List.of("2025-11-01", "2025-05-01-preview", "2025-04-01",
                    "2025-03-01-preview", "2024-11-01-preview", "2023-11-01-preview", "2023-08-01-preview", "2023-07-01",
                    "2023-06-01-preview", "2023-01-01-preview", "2022-12-01", "2022-02-01-preview", "2021-12-01-preview",
                    "2021-09-01", "2021-08-01-preview", "2021-06-01-preview", "2020-11-01-preview", "2019-12-01-preview",
                    "2019-06-01-preview", "2019-05-01", "2017-10-01", "2017-03-01"),
            "microsoft.insights/components", List.of("2020-02-02", "2020-02-02-preview", "2018-05-01-preview", "2015-05-01",
                    "2014-12-01-preview", "2014-08-01", "2014-04-01"),
            "microsoft.machinelearningservices/workspaces", List.of("2025-12-01", "2025-10-01-preview", "2025-09-01",
                    "2025-07-01-preview", "2025-06-01", "2025-04-01-preview", "2025-04-01", "2025-01-01-preview",
                    "2024-10-01-preview", "2024-10-01", "2024-07-01-preview", "2024-04-01-preview", "2024-04-01",
                    "2024-01-01-preview", "2023-10-01", "2023-08-01-preview", "2023-06-01-preview", "2023-04-01-preview",
                    "2023-04-01", "2023-02-01-preview", "2022-12-01-preview", "2022-10-01-preview", "2022-10-01",
                    "2022-06-01-preview", "2022-05-01", "2022-02-01-preview", "2022-01-01-preview", "2021-07-01", "2021-04-01",
                    "2021-03-01-preview", "2021-01-01", "2020-09-01-preview", "2020-08-01", "2020-06-01", "2020-05-15-preview",
                    "2020-05-01-preview", "2020-04-01-preview", "2020-04-01", "2020-03-01", "2020-02-18-preview", "2020-01-01",
                    "2019-11-01", "2019-06-01", "2019-05-01", "2018-11-19", "2018-03-01-preview"),
            "microsoft.network/virtualnetworks", network(),
            "microsoft.network/privateendpoints", network(),
            "microsoft.authorization/roleassignments", List.of("2022-04-01", "2022-01-01-preview", "2021-04-01-preview",
                    "2020-10-01-preview", "2020-08-01-preview", "2020-04-01-preview", "2020-03-01-preview", "2019-04-01-preview",
                    "2018-12-01-preview", "2018-09-01-preview", "2018-07-01", "2018-01-01-preview", "2017-10-01-preview",
                    "2017-09-01", "2017-05-01", "2016-07-01", "2015-07-01", "2015-06-01", "2015-05-01-preview",
                    "2014-10-01-preview", "2014-07-01-preview", "2014-04-01-preview"),
            "microsoft.authorization/roledefinitions", List.of("2022-05-01-preview", "2022-04-01", "2022-01-01-preview",
                    "2021-03-01-preview", "2018-07-01", "2018-01-01-preview", "2017-09-01", "2017-05-01", "2016-07-01",
                    "2015-07-01", "2015-06-01", "2015-05-01-preview", "2014-10-01-preview", "2014-07-01-preview",
                    "2014-04-01-preview"));

    /** The type whose list a namespace's other types share (Authorization: both of its lists). */
    private static final Map<String, List<String>> BY_NAMESPACE = Map.of(
            "microsoft.storage", BY_TYPE.get("microsoft.storage/storageaccounts"),
            "microsoft.keyvault", BY_TYPE.get("microsoft.keyvault/vaults"),
            "microsoft.containerregistry", BY_TYPE.get("microsoft.containerregistry/registries"),
            "microsoft.insights", BY_TYPE.get("microsoft.insights/components"),
            "microsoft.machinelearningservices", BY_TYPE.get("microsoft.machinelearningservices/workspaces"),
            "microsoft.network", BY_TYPE.get("microsoft.network/virtualnetworks"),
            "microsoft.authorization", union(BY_TYPE.get("microsoft.authorization/roledefinitions"),
                    BY_TYPE.get("microsoft.authorization/roleassignments")));

    private ApiVersions() {
    }

    private static List<String> union(List<String> a, List<String> b) {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static List<String> network() {
        return List.of("2024-10-01", "2024-07-01", "2024-05-01", "2024-03-01", "2024-01-01", "2023-11-01", "2023-09-01",
                "2023-06-01", "2023-05-01", "2023-04-01", "2023-02-01", "2022-11-01", "2022-09-01", "2022-07-01", "2022-05-01",
                "2022-01-01", "2021-12-01", "2021-08-01", "2021-06-01", "2021-05-01", "2021-04-01", "2021-03-01", "2021-02-01",
                "2021-01-01", "2020-11-01", "2020-08-01", "2020-07-01", "2020-06-01", "2020-05-01", "2020-04-01", "2020-03-01",
                "2020-01-01", "2019-12-01", "2019-11-01", "2019-09-01", "2019-08-01", "2019-07-01", "2019-06-01", "2019-04-01",
                "2019-02-01", "2018-12-01", "2018-11-01", "2018-10-01", "2018-08-01", "2018-07-01", "2018-06-01", "2018-04-01",
                "2018-02-01", "2018-01-01", "2017-11-01", "2017-10-01", "2017-09-01", "2017-08-01", "2017-06-01", "2017-04-01",
                "2017-03-01", "2016-12-01", "2016-11-01", "2016-10-01", "2016-09-01", "2016-08-01", "2016-07-01", "2016-06-01",
                "2016-03-30", "2015-06-15", "2015-05-01-preview", "2014-12-01-preview");
    }

    /** Azure's versions of a top-level type, or null when the sandbox keeps no list for it. */
    public static List<String> of(String namespace, String type) {
        return BY_TYPE.get((namespace + "/" + type).toLowerCase(Locale.ROOT));
    }

    /**
     * The versions the sandbox serves for a type ({@code storageAccounts}, {@code vaults/accessPolicies},
     * {@code locations/operationResults}, an action such as {@code checkNameAvailability}): its own
     * list, else its top-level type's, else its namespace's; null for a namespace without a list.
     */
    public static List<String> served(String namespace, String typePath) {
        if (namespace.equalsIgnoreCase(RESOURCES)) {
            return ARM;
        }
        List<String> exact = of(namespace, typePath);
        if (exact == null && typePath.contains("/")) {
            exact = of(namespace, typePath.substring(0, typePath.indexOf('/')));
        }
        return exact != null ? exact : BY_NAMESPACE.get(namespace.toLowerCase(Locale.ROOT));
    }

    /** Refuses a version ARM's own API does not serve: 400 {@code InvalidApiVersionParameter} naming ARM's versions. */
    public static void checkArm(String apiVersion) {
        if (!ARM.contains(apiVersion.toLowerCase(Locale.ROOT))) {
            throw ArmErrors.of(400, "InvalidApiVersionParameter", "The api-version '" + apiVersion
                    + "' is invalid. The supported versions are '" + String.join(",", ARM) + "'.");
        }
    }

    /**
     * Refuses a version Azure does not serve for the type: 400 {@code NoRegisteredProviderFound} when the
     * request names a location, else 404 {@code InvalidResourceType}, both naming the supported versions.
     */
    public static void check(String namespace, String type, String apiVersion, String location) {
        List<String> versions = served(namespace, type);
        if (versions == null || versions.stream().anyMatch(v -> v.equalsIgnoreCase(apiVersion))) {
            return;
        }
        // as Azure answers them: 400 and ", " between versions for the one, 404 and "," for the other
        ArmException e = location != null
                ? ArmErrors.of(400, "NoRegisteredProviderFound", "No registered resource provider found for location '" + location
                        + "' and API version '" + apiVersion + "' for type '" + type + "'. The supported api-versions are '"
                        + String.join(", ", versions) + "'. The supported locations are '"
                        + String.join(", ", Locations.publicDisplayNames()) + "'.")
                : ArmErrors.of(404, "InvalidResourceType", "The resource type '" + type + "' could not be found in the namespace '"
                        + namespace + "' for api version '" + apiVersion + "'. The supported api-versions are '"
                        + String.join(",", versions) + "'.");
        throw e;
    }
}
