package dev.amlsh.sandbox.provider.ml;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.Json;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Builds a workspace document from a PUT body: the client's properties, the defaults, the server-set values. */
final class WorkspaceBuilder {
    /** Read-only properties the service sets; whatever a client sends for them is ignored. */
    private static final List<String> SERVER_SET = List.of("workspaceId", "provisioningState", "serviceProvisionedResourceGroup",
            "privateLinkCount", "privateEndpointConnections", "notebookInfo", "tenantId", "storageHnsEnabled",
            "mlFlowTrackingUri", "discoveryUrl", "creationTime", "sdkTelemetryAppInsightsKey");
    private static final List<String> IDENTITY_TYPES = List.of("None", "SystemAssigned", "UserAssigned", "SystemAssigned,UserAssigned");

    private WorkspaceBuilder() {
    }

    /**
     * The document of a PUT; {@code existing} (null on create) supplies what a PUT never changes.
     * The caller adds systemData, provisioningState and the CMK group.
     */
    static JsonObject build(String id, String subscriptionId, String group, String name, String location, JsonObject body,
                            JsonObject existing, String tenantId) {
        JsonObject doc = new JsonObject();
        doc.addProperty("id", id);
        doc.addProperty("name", name);
        doc.addProperty("type", WorkspaceDocs.TYPE);
        doc.addProperty("location", location);
        JsonObject tags = tags(body.get("tags"));
        doc.add("tags", tags != null ? tags : new JsonObject()); // Azure answers tags {} when there are none
        doc.add("etag", com.google.gson.JsonNull.INSTANCE); // Azure's 2024-04-01 answer carries etag null
        doc.add("sku", sku(WorkspaceDocs.object(body, "sku")));
        String kind = Json.string(body, "kind");
        doc.addProperty("kind", kind != null ? kind : existing != null && Json.string(existing, "kind") != null
                ? Json.string(existing, "kind") : "Default");
        JsonObject identity = identity(WorkspaceDocs.object(body, "identity"),
                existing == null ? null : WorkspaceDocs.object(existing, "identity"), tenantId);
        if (identity != null) {
            doc.add("identity", identity);
        }
        JsonObject given = WorkspaceDocs.object(body, "properties");
        JsonObject p = given == null ? new JsonObject() : given.deepCopy();
        SERVER_SET.forEach(p::remove);
        JsonObject old = existing == null ? new JsonObject() : WorkspaceDocs.properties(existing);
        if (Json.string(p, "friendlyName") == null) {
            p.addProperty("friendlyName", name);
        }
        if (Json.string(p, "description") == null) {
            p.addProperty("description", "");
        }
        p.addProperty("hbiWorkspace", WorkspaceDocs.bool(p, "hbiWorkspace", WorkspaceDocs.bool(old, "hbiWorkspace", false)));
        if (Json.string(p, "publicNetworkAccess") == null) {
            p.addProperty("publicNetworkAccess", "Enabled");
        }
        p.addProperty("v1LegacyMode", WorkspaceDocs.bool(p, "v1LegacyMode", false));
        if (p.has("allowPublicAccessWhenBehindVnet")) {
            p.addProperty("allowPublicAccessWhenBehindVnet", WorkspaceDocs.bool(p, "allowPublicAccessWhenBehindVnet", false));
        }
        azureDefaults(p, old);
        if (!p.has("encryption") && old.has("encryption")) {
            p.add("encryption", old.get("encryption").deepCopy());
        }
        String workspaceId = old.has("workspaceId") ? Json.string(old, "workspaceId") : UUID.randomUUID().toString();
        p.addProperty("workspaceId", workspaceId);
        p.addProperty("tenantId", tenantId);
        p.addProperty("discoveryUrl", "https://" + location + ".api.azureml.ms/discovery");
        p.addProperty("mlFlowTrackingUri", "azureml://" + location + ".api.azureml.ms/mlflow/v1.0" + id);
        p.addProperty("storageHnsEnabled", false);
        JsonElement connections = old.get("privateEndpointConnections");
        boolean anyConnection = connections != null && connections.isJsonArray() && !connections.getAsJsonArray().isEmpty();
        if (anyConnection) { // Azure leaves the member out while there is no connection
            p.add("privateEndpointConnections", connections.deepCopy());
        }
        p.addProperty("privateLinkCount", anyConnection ? connections.getAsJsonArray().size() : 0);
        p.add("notebookInfo", old.has("notebookInfo") ? old.get("notebookInfo").deepCopy() : notebookInfo(name, location, workspaceId));
        if (old.has("serviceProvisionedResourceGroup")) {
            p.add("serviceProvisionedResourceGroup", old.get("serviceProvisionedResourceGroup"));
        }
        doc.add("properties", p);
        return doc;
    }

    /** The 2024-04-01 properties Azure returns on every workspace, with Azure's values where the client set none. */
    private static void azureDefaults(JsonObject p, JsonObject old) {
        keep(p, old, "imageBuildCompute", com.google.gson.JsonNull.INSTANCE);
        keep(p, old, "allowRoleAssignmentOnRG", new com.google.gson.JsonPrimitive(true));
        keep(p, old, "softDeleteEnabled", new com.google.gson.JsonPrimitive(false));
        keep(p, old, "linkedModelInventoryArmId", com.google.gson.JsonNull.INSTANCE);
        keep(p, old, "ipAllowlist", new JsonArray());
        JsonObject acls = new JsonObject();
        acls.addProperty("defaultAction", "Allow");
        acls.addProperty("bypass", "");
        acls.add("ipRules", new JsonArray());
        acls.add("resourceAccessRules", new JsonArray());
        keep(p, old, "networkAcls", acls);
        keep(p, old, "serverlessComputeSettings", com.google.gson.JsonNull.INSTANCE);
        keep(p, old, "EnableSoftwareBillOfMaterials", new com.google.gson.JsonPrimitive(false));
        keep(p, old, "enableDataIsolation", new com.google.gson.JsonPrimitive(false));
        p.add("creationTime", old.has("creationTime") ? old.get("creationTime")
                : new com.google.gson.JsonPrimitive(WorkspaceDocs.timestamp(java.time.Instant.now())));
        p.add("sdkTelemetryAppInsightsKey", old.has("sdkTelemetryAppInsightsKey") ? old.get("sdkTelemetryAppInsightsKey")
                : new com.google.gson.JsonPrimitive(UUID.randomUUID().toString()));
    }

    /** What the client sent, else what the workspace had, else Azure's default. */
    private static void keep(JsonObject p, JsonObject old, String member, JsonElement fallback) {
        if (!p.has(member)) {
            p.add(member, old.has(member) ? old.get(member).deepCopy() : fallback);
        }
    }

    static JsonObject tags(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonObject()) {
            throw ArmErrors.invalidRequestContent("'tags' must be an object of string values");
        }
        for (var entry : e.getAsJsonObject().entrySet()) {
            if (!entry.getValue().isJsonPrimitive()) {
                throw ArmErrors.invalidRequestContent("the value of tag '" + entry.getKey() + "' must be a string");
            }
        }
        return e.getAsJsonObject().deepCopy();
    }

    static JsonObject sku(JsonObject given) {
        JsonObject sku = given == null ? new JsonObject() : given.deepCopy();
        if (Json.string(sku, "name") == null) {
            sku.addProperty("name", "Basic");
        }
        if (Json.string(sku, "tier") == null) {
            sku.addProperty("tier", Json.string(sku, "name"));
        }
        return sku;
    }

    /** The managed identity as the service returns it: principal IDs kept across updates. */
    static JsonObject identity(JsonObject given, JsonObject existing, String tenantId) {
        if (given == null) {
            return existing == null ? null : existing.deepCopy();
        }
        String raw = Json.string(given, "type");
        String type = raw == null ? null : IDENTITY_TYPES.stream().filter(t -> t.equalsIgnoreCase(raw.replace(" ", "")))
                .findFirst().orElse(null);
        if (type == null) {
            throw WorkspaceErrors.workspaceBadRequest("identity.type", "The identity type '" + raw
                    + "' is not valid; use one of None, SystemAssigned, UserAssigned, 'SystemAssigned,UserAssigned'.");
        }
        JsonObject out = new JsonObject();
        out.addProperty("type", type);
        if (type.startsWith("SystemAssigned")) {
            String previous = existing == null ? null : Json.string(existing, "principalId");
            out.addProperty("principalId", previous != null ? previous : UUID.randomUUID().toString());
            out.addProperty("tenantId", tenantId);
        }
        if (type.endsWith("UserAssigned")) {
            JsonObject uais = WorkspaceDocs.object(given, "userAssignedIdentities");
            if (uais == null || uais.isEmpty()) {
                throw WorkspaceErrors.workspaceBadRequest("identity.userAssignedIdentities",
                        "The identity type '" + type + "' needs at least one entry in userAssignedIdentities.");
            }
            JsonObject before = existing == null ? null : WorkspaceDocs.object(existing, "userAssignedIdentities");
            JsonObject resolved = new JsonObject();
            for (String uai : uais.keySet()) {
                JsonObject kept = find(before, uai);
                JsonObject v = new JsonObject();
                v.addProperty("principalId", kept != null ? Json.string(kept, "principalId") : UUID.randomUUID().toString());
                v.addProperty("clientId", kept != null ? Json.string(kept, "clientId") : UUID.randomUUID().toString());
                resolved.add(uai, v);
            }
            out.add("userAssignedIdentities", resolved);
        }
        return out;
    }

    private static JsonObject find(JsonObject map, String key) {
        if (map == null) {
            return null;
        }
        for (var e : map.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key) && e.getValue().isJsonObject()) {
                return e.getValue().getAsJsonObject();
            }
        }
        return null;
    }

    private static JsonObject notebookInfo(String name, String location, String workspaceId) {
        JsonObject n = new JsonObject();
        n.addProperty("resourceId", UUID.randomUUID().toString().replace("-", ""));
        n.addProperty("fqdn", "ml-" + name.toLowerCase(Locale.ROOT) + "-" + location + "-" + workspaceId + "." + location
                + ".notebooks.azure.net");
        n.addProperty("isPrivateLinkEnabled", false);
        return n;
    }
}
