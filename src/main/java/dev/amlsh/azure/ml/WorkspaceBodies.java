package dev.amlsh.azure.ml;

import com.google.gson.JsonObject;
import dev.amlsh.core.ResourceId;
import java.util.Locale;
import java.util.Map;

/**
 * The request bodies of the workspace API (api-version 2024-04-01): the PUT of a create and the
 * PATCH of an update.
 *
 * <pre>{@code
 * JsonObject put = WorkspaceBodies.create(options, "eastus", sa, kv, ai, acr);
 * }</pre>
 */
final class WorkspaceBodies {
    private WorkspaceBodies() {
    }

    static JsonObject create(CreateOptions o, String location, ResourceId storage, ResourceId keyVault,
                             ResourceId insights, ResourceId registry) {
        JsonObject body = new JsonObject();
        body.addProperty("location", location);
        JsonObject identity = new JsonObject();
        identity.addProperty("type", "SystemAssigned");
        body.add("identity", identity);
        String sku = o.sku() == null ? "Basic" : capitalize(o.sku());
        JsonObject skuJson = new JsonObject();
        skuJson.addProperty("name", sku);
        skuJson.addProperty("tier", sku);
        body.add("sku", skuJson);
        body.add("tags", tags(o.tags()));
        JsonObject p = new JsonObject();
        p.addProperty("friendlyName", o.friendlyName() == null ? o.name() : o.friendlyName());
        p.addProperty("description", "");
        p.addProperty("storageAccount", storage.id());
        p.addProperty("keyVault", keyVault.id());
        p.addProperty("applicationInsights", insights.id());
        if (registry != null) {
            p.addProperty("containerRegistry", registry.id());
        }
        p.addProperty("hbiWorkspace", o.hbiWorkspace());
        if (o.cmkKeyVault() != null) {
            JsonObject vault = new JsonObject();
            vault.addProperty("keyVaultArmId", o.cmkKeyVault().id());
            vault.addProperty("keyIdentifier", o.cmkKeyUri());
            JsonObject encryption = new JsonObject();
            encryption.addProperty("status", "Enabled");
            encryption.add("keyVaultProperties", vault);
            p.add("encryption", encryption);
        }
        body.add("properties", p);
        return body;
    }

    /** What a v2 create adds to the PUT: description (the name by default), network and identity settings. */
    static void applyV2(JsonObject body, WorkspaceSpec s) {
        JsonObject p = body.getAsJsonObject("properties");
        p.addProperty("description", s.description != null ? s.description : s.name);
        if (s.imageBuildCompute != null) {
            p.addProperty("imageBuildCompute", s.imageBuildCompute);
        }
        p.addProperty("publicNetworkAccess", s.publicNetworkAccess != null ? s.publicNetworkAccess : "Enabled");
        if (s.primaryUserAssignedIdentity != null) {
            p.addProperty("primaryUserAssignedIdentity", s.primaryUserAssignedIdentity);
        }
        if (s.enableDataIsolation != null) {
            p.addProperty("enableDataIsolation", s.enableDataIsolation);
        }
        JsonObject network = s.managedNetwork != null ? s.managedNetwork.deepCopy() : new JsonObject();
        if (!network.has("isolationMode")) {
            network.addProperty("isolationMode", "Disabled");
        }
        p.add("managedNetwork", network);
        if (s.identity != null) {
            body.add("identity", s.identity.deepCopy());
        }
    }

    static JsonObject update(UpdateOptions u) {
        JsonObject body = new JsonObject();
        if (u.tags() != null) {
            body.add("tags", tags(u.tags()));
        }
        JsonObject p = new JsonObject();
        if (u.friendlyName() != null) {
            p.addProperty("friendlyName", u.friendlyName());
        }
        if (u.description() != null) {
            p.addProperty("description", u.description());
        }
        if (u.imageBuildCompute() != null) {
            p.addProperty("imageBuildCompute", u.imageBuildCompute());
        }
        if (u.publicNetworkAccess() != null) {
            p.addProperty("publicNetworkAccess", u.publicNetworkAccess());
        }
        if (u.applicationInsights() != null) {
            p.addProperty("applicationInsights", u.applicationInsights().id());
        }
        if (u.containerRegistry() != null) {
            p.addProperty("containerRegistry", u.containerRegistry().id());
        }
        if (u.v1LegacyMode() != null) {
            p.addProperty("v1LegacyMode", u.v1LegacyMode());
        }
        if (p.size() > 0) {
            body.add("properties", p);
        }
        return body;
    }

    private static JsonObject tags(Map<String, String> tags) {
        JsonObject out = new JsonObject();
        if (tags != null) {
            tags.forEach(out::addProperty);
        }
        return out;
    }

    private static String capitalize(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
