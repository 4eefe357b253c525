package dev.amlsh.sandbox.provider.resources;

import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The api-versions Azure serves for the sandbox's tracked resource types (newest first), as the
 * provider list advertises them; a request at any other version is refused as ARM refuses it.
 *
 * <pre>{@code
 * ApiVersions.check("Microsoft.Storage", "storageAccounts", "2099-01-01", "eastus"); // throws NoRegisteredProviderFound
 * }</pre>
 */
public final class ApiVersions {
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

    private ApiVersions() {
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
     * Refuses a version Azure does not serve for the type: {@code NoRegisteredProviderFound} when the
     * request names a location, else {@code InvalidResourceType}, both naming the supported versions.
     */
    public static void check(String namespace, String type, String apiVersion, String location) {
        List<String> versions = of(namespace, type);
        if (versions == null || versions.stream().anyMatch(v -> v.equalsIgnoreCase(apiVersion))) {
            return;
        }
        String supported = String.join(", ", versions);
        ArmException e = location != null
                ? ArmErrors.of(400, "NoRegisteredProviderFound", "No registered resource provider found for location '" + location
                        + "' and API version '" + apiVersion + "' for type '" + type + "'. The supported api-versions are '"
                        + supported + "'. The supported locations are '" + String.join(", ", Locations.publicDisplayNames()) + "'.")
                : ArmErrors.of(400, "InvalidResourceType", "The resource type '" + type + "' could not be found in the namespace '"
                        + namespace + "' for api version '" + apiVersion + "'. The supported api-versions are '" + supported + "'.");
        throw e;
    }
}
