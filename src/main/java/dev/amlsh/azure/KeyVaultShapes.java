package dev.amlsh.azure;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * Key vaults as {@code az keyvault show|list|list-deleted} print them: {@code properties} kept
 * nested (the Python model does not flatten it), every model attribute present, {@code resourceGroup}
 * added; {@code list} prints the short generic-resource form.
 *
 * <pre>{@code
 * JsonObject az = KeyVaultShapes.vault(rest.get(id, "2023-07-01").getAsJsonObject());
 * }</pre>
 */
final class KeyVaultShapes {
    static final List<String> VAULT = List.of("id", "location", "name", "properties", "resourceGroup", "systemData", "tags", "type");
    static final List<String> PROPERTIES = List.of("accessPolicies", "createMode", "enablePurgeProtection", "enableRbacAuthorization",
            "enableSoftDelete", "enabledForDeployment", "enabledForDiskEncryption", "enabledForTemplateDeployment",
            "hsmPoolResourceId", "networkAcls", "privateEndpointConnections", "provisioningState", "publicNetworkAccess", "sku",
            "softDeleteRetentionInDays", "tenantId", "vaultUri");
    static final List<String> LIST_ITEM = List.of("id", "location", "name", "resourceGroup", "tags", "type");
    private static final List<String> POLICY = List.of("applicationId", "objectId", "permissions", "tenantId");
    private static final List<String> PERMISSIONS = List.of("certificates", "keys", "secrets", "storage");
    private static final List<String> SYSTEM = List.of("createdAt", "createdBy", "createdByType", "lastModifiedAt", "lastModifiedBy",
            "lastModifiedByType");
    private static final List<String> DELETED = List.of("deletionDate", "location", "purgeProtectionEnabled", "scheduledPurgeDate",
            "tags", "vaultId");

    private KeyVaultShapes() {
    }

    static JsonObject vault(JsonObject arm) {
        JsonObject out = AzShapes.template(VAULT, arm);
        out.addProperty("resourceGroup", AzShapes.resourceGroup(arm.get("id").getAsString()));
        JsonElement p = AzShapes.nested(PROPERTIES, arm.get("properties"));
        if (p.isJsonObject()) {
            JsonObject props = p.getAsJsonObject();
            props.add("sku", AzShapes.nested(List.of("family", "name"), props.get("sku")));
            JsonArray policies = new JsonArray();
            for (JsonElement e : AzShapes.array(props.get("accessPolicies"))) {
                JsonObject policy = AzShapes.template(POLICY, e.getAsJsonObject());
                policy.add("permissions", AzShapes.nested(PERMISSIONS, policy.get("permissions")));
                policies.add(policy);
            }
            props.add("accessPolicies", policies);
        }
        out.add("properties", p);
        JsonElement system = AzShapes.nested(SYSTEM, arm.get("systemData"));
        if (system.isJsonObject()) {
            AzShapes.times(system.getAsJsonObject(), "createdAt", "lastModifiedAt");
        }
        out.add("systemData", system);
        return (JsonObject) AzJson.sorted(out);
    }

    /** The short form {@code az keyvault list} prints. */
    static JsonObject listItem(JsonObject arm) {
        JsonObject out = AzShapes.template(LIST_ITEM, arm);
        out.addProperty("resourceGroup", AzShapes.resourceGroup(arm.get("id").getAsString()));
        return (JsonObject) AzJson.sorted(out);
    }

    static JsonObject deleted(JsonObject arm) {
        JsonObject out = AzShapes.template(List.of("id", "name", "properties", "type"), arm);
        JsonElement p = AzShapes.nested(DELETED, arm.get("properties"));
        if (p.isJsonObject()) {
            AzShapes.times(p.getAsJsonObject(), "deletionDate", "scheduledPurgeDate");
        }
        out.add("properties", p);
        return (JsonObject) AzJson.sorted(out);
    }
}
