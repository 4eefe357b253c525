package dev.amlsh.azure.ml;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.amlsh.azure.AzJson;

/**
 * The objects the v2 CLI ({@code ml} extension) prints for a workspace
 * ({@code reference/cli-v2-workspace.md} §4): snake_case keys, sorted, nulls left out, both
 * {@code resource_group} and {@code resourceGroup}. Keys that api-version 2024-04-01 has no
 * property for ({@code system_datastores_auth_mode}, {@code allow_roleassignment_on_rg},
 * {@code network_acls}, {@code provision_network_now}) are left out, as the CLI leaves out what
 * the service did not send.
 *
 * <pre>{@code
 * JsonObject out = V2Shapes.workspace(manager.workspace("rg1", "ws1"));
 * }</pre>
 */
public final class V2Shapes {
    private V2Shapes() {
    }

    public static JsonObject workspace(Workspace ws) {
        JsonObject raw = ws.raw();
        JsonObject p = Workspace.object(raw, "properties");
        JsonObject out = new JsonObject();
        put(out, "application_insights", ws.applicationInsights());
        put(out, "container_registry", ws.containerRegistry());
        JsonObject enc = Workspace.object(p, "encryption");
        if ("Enabled".equalsIgnoreCase(Workspace.text(enc, "status"))) {
            JsonObject kvp = Workspace.object(enc, "keyVaultProperties");
            JsonObject cmk = new JsonObject();
            put(cmk, "key_uri", Workspace.text(kvp, "keyIdentifier"));
            put(cmk, "key_vault", Workspace.text(kvp, "keyVaultArmId"));
            out.add("customer_managed_key", cmk);
        }
        out.addProperty("description", ws.description() == null ? "" : ws.description());
        put(out, "discovery_url", Workspace.text(p, "discoveryUrl"));
        out.addProperty("display_name", ws.friendlyName() == null ? ws.name() : ws.friendlyName());
        out.addProperty("enable_data_isolation", p.has("enableDataIsolation") && p.get("enableDataIsolation").getAsBoolean());
        out.addProperty("hbi_workspace", ws.hbiWorkspace());
        out.addProperty("id", ws.id().id());
        JsonObject identity = identity(Workspace.object(raw, "identity"));
        if (identity != null) {
            out.add("identity", identity);
        }
        put(out, "image_build_compute", Workspace.text(p, "imageBuildCompute"));
        put(out, "key_vault", ws.keyVault());
        out.addProperty("location", ws.location());
        JsonElement mn = p.get("managedNetwork");
        out.add("managed_network", ManagedNetworkShapes.managedNetwork(mn != null && mn.isJsonObject() ? mn.getAsJsonObject() : null));
        put(out, "mlflow_tracking_uri", Workspace.text(p, "mlFlowTrackingUri"));
        out.addProperty("name", ws.name());
        put(out, "primary_user_assigned_identity", Workspace.text(p, "primaryUserAssignedIdentity"));
        put(out, "public_network_access", Workspace.text(p, "publicNetworkAccess"));
        out.addProperty("resourceGroup", ws.resourceGroup());
        out.addProperty("resource_group", ws.resourceGroup());
        JsonObject serverless = Workspace.object(p, "serverlessComputeSettings");
        if (serverless.size() > 0) {
            JsonObject s = new JsonObject();
            put(s, "custom_subnet", Workspace.text(serverless, "serverlessComputeCustomSubnet"));
            s.addProperty("no_public_ip", serverless.has("serverlessComputeNoPublicIP")
                    && serverless.get("serverlessComputeNoPublicIP").getAsBoolean());
            out.add("serverless_compute", s);
        }
        put(out, "storage_account", ws.storageAccount());
        JsonObject tags = new JsonObject();
        ws.tags().forEach(tags::addProperty);
        out.add("tags", tags);
        return AzJson.sorted(out).getAsJsonObject();
    }

    /** {@code diagnose}: the result object itself, without ARM's {@code value} wrapper. */
    public static JsonElement diagnose(JsonElement arm) {
        if (arm != null && arm.isJsonObject() && arm.getAsJsonObject().has("value") && arm.getAsJsonObject().get("value").isJsonObject()) {
            return AzJson.sorted(arm.getAsJsonObject().get("value"));
        }
        return arm == null ? null : AzJson.sorted(arm);
    }

    private static JsonObject identity(JsonObject arm) {
        if (arm.size() == 0) {
            return null;
        }
        JsonObject out = new JsonObject();
        put(out, "principal_id", Workspace.text(arm, "principalId"));
        put(out, "tenant_id", Workspace.text(arm, "tenantId"));
        String type = Workspace.text(arm, "type");
        put(out, "type", type == null ? null : ManagedNetworkShapes.snake(type.replace(" ", "")).replace(",_", ","));
        JsonObject uais = Workspace.object(arm, "userAssignedIdentities");
        if (uais.size() > 0) {
            JsonObject u = new JsonObject();
            for (var e : uais.entrySet()) {
                JsonObject v = new JsonObject();
                if (e.getValue().isJsonObject()) {
                    put(v, "client_id", Workspace.text(e.getValue().getAsJsonObject(), "clientId"));
                    put(v, "principal_id", Workspace.text(e.getValue().getAsJsonObject(), "principalId"));
                }
                u.add(e.getKey(), v);
            }
            out.add("user_assigned_identities", u);
        }
        return out;
    }

    private static void put(JsonObject o, String key, String value) {
        if (value != null) {
            o.addProperty(key, value);
        }
    }
}
