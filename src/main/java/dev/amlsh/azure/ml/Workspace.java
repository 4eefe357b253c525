package dev.amlsh.azure.ml;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.amlsh.core.ResourceId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A workspace as the service returned it: the fields amlsh uses, typed, and the whole body.
 *
 * <pre>{@code
 * Workspace ws = Workspace.from(json);
 * ws.storageAccount(); // the ARM ID of its default storage account
 * }</pre>
 */
public record Workspace(ResourceId id, String location, Map<String, String> tags, String identityType,
                        String principalId, String identityTenantId, String workspaceId, String friendlyName,
                        String description, String storageAccount, String keyVault, String applicationInsights,
                        String containerRegistry, boolean hbiWorkspace, String createdAt, String provisioningState,
                        JsonObject raw) {

    public static Workspace from(JsonObject body) {
        JsonObject p = object(body, "properties");
        JsonObject identity = object(body, "identity");
        JsonObject systemData = object(body, "systemData");
        Map<String, String> tags = new LinkedHashMap<>();
        JsonObject t = object(body, "tags");
        t.entrySet().forEach(e -> tags.put(e.getKey(), e.getValue().isJsonNull() ? "" : e.getValue().getAsString()));
        return new Workspace(ResourceId.parse(text(body, "id"), "workspace id"), text(body, "location"), tags,
                text(identity, "type"), text(identity, "principalId"), text(identity, "tenantId"),
                text(p, "workspaceId"), text(p, "friendlyName"), text(p, "description"), text(p, "storageAccount"),
                text(p, "keyVault"), text(p, "applicationInsights"), text(p, "containerRegistry"),
                p.has("hbiWorkspace") && p.get("hbiWorkspace").getAsBoolean(), text(systemData, "createdAt"),
                text(p, "provisioningState"), body);
    }

    public String name() {
        return id.name();
    }

    public String resourceGroup() {
        return id.resourceGroup();
    }

    static JsonObject object(JsonObject o, String key) {
        JsonElement e = o == null ? null : o.get(key);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
    }

    static String text(JsonObject o, String key) {
        JsonElement e = o == null ? null : o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
