package dev.amlsh.sandbox.provider.ml;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.Json;
import java.util.List;

/**
 * {@code POST .../diagnose}: checks that the workspace's dependencies still exist and that its
 * registry still has the admin user enabled; a healthy workspace gets nine empty lists.
 */
final class Diagnosis {
    private static final List<String> GROUPS = List.of("userDefinedRouteResults", "networkSecurityRuleResults",
            "resourceLockResults", "dnsResolutionResults", "storageAccountResults", "keyVaultResults",
            "containerRegistryResults", "applicationInsightsResults", "otherResults");

    private final Dependencies deps;

    Diagnosis(Dependencies deps) {
        this.deps = deps;
    }

    /** {@code DiagnoseResponseResult}. */
    JsonObject diagnose(JsonObject workspace) {
        JsonObject value = new JsonObject();
        GROUPS.forEach(g -> value.add(g, new JsonArray()));
        JsonObject p = WorkspaceDocs.properties(workspace);
        missing(value, "storageAccountResults", "StorageAccountNotFound", Dependencies.STORAGE, Json.string(p, "storageAccount"));
        missing(value, "keyVaultResults", "KeyVaultNotFound", Dependencies.KEY_VAULT, Json.string(p, "keyVault"));
        missing(value, "applicationInsightsResults", "ApplicationInsightsNotFound", Dependencies.INSIGHTS,
                Json.string(p, "applicationInsights"));
        String registry = Json.string(p, "containerRegistry");
        if (registry != null) {
            if (!missing(value, "containerRegistryResults", "ContainerRegistryNotFound", Dependencies.REGISTRY, registry)
                    && !deps.find(registry).map(Dependencies::adminEnabled).orElse(true)) {
                add(value, "containerRegistryResults", "ContainerRegistryAdminUserDisabled", "The container registry '" + registry
                        + "' has its admin user disabled; the workspace cannot pull or push images. Enable the admin user"
                        + " (az acr update --admin-enabled true), then sync the workspace keys.");
            }
        }
        JsonObject out = new JsonObject();
        out.add("value", value);
        return out;
    }

    private boolean missing(JsonObject value, String group, String code, Dependencies.Kind kind, String id) {
        if (id == null || deps.find(id).isPresent()) {
            return false;
        }
        add(value, group, code, "The " + kind.label() + " '" + id + "' of the workspace was not found. The workspace cannot"
                + " work without it: restore it, or recreate the workspace.");
        return true;
    }

    private static void add(JsonObject value, String group, String code, String message) {
        JsonObject r = new JsonObject();
        r.addProperty("code", code);
        r.addProperty("level", "Error");
        r.addProperty("message", message);
        value.getAsJsonArray(group).add(r);
    }
}
