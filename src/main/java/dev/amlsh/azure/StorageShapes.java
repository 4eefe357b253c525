package dev.amlsh.azure;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * Storage accounts and their keys as {@code az storage account show|list|keys list} print them:
 * the SDK model's attributes at the top level ({@code properties} flattened), Python names
 * ({@code enableHttpsTrafficOnly}, {@code networkRuleSet}), {@code resourceGroup} added, nulls kept.
 *
 * <pre>{@code
 * JsonObject az = StorageShapes.account(rest.get(id, "2024-01-01").getAsJsonObject());
 * }</pre>
 */
final class StorageShapes {
    /** The keys {@code az storage account show} prints (azure-cli 2.6x, storage API 2023-05-01 models). */
    static final List<String> ACCOUNT = List.of("accessTier", "accountMigrationInProgress", "allowBlobPublicAccess",
            "allowCrossTenantReplication", "allowSharedKeyAccess", "allowedCopyScope", "azureFilesIdentityBasedAuthentication",
            "blobRestoreStatus", "creationTime", "customDomain", "defaultToOAuthAuthentication", "dnsEndpointType",
            "enableHttpsTrafficOnly", "enableNfsV3", "encryption", "extendedLocation", "failoverInProgress", "geoReplicationStats",
            "id", "identity", "immutableStorageWithVersioning", "isHnsEnabled", "isLocalUserEnabled", "isSftpEnabled",
            "isSkuConversionBlocked", "keyCreationTime", "keyPolicy", "kind", "largeFileSharesState", "lastGeoFailoverTime",
            "location", "minimumTlsVersion", "name", "networkRuleSet", "primaryEndpoints", "primaryLocation",
            "privateEndpointConnections", "provisioningState", "publicNetworkAccess", "resourceGroup", "routingPreference",
            "sasPolicy", "secondaryEndpoints", "secondaryLocation", "sku", "statusOfPrimary", "statusOfSecondary",
            "storageAccountSkuConversionStatus", "tags", "type");
    private static final List<String> ENDPOINTS = List.of("blob", "dfs", "file", "internetEndpoints", "microsoftEndpoints", "queue",
            "table", "web");
    private static final List<String> NETWORK = List.of("bypass", "defaultAction", "ipRules", "ipv6Rules", "resourceAccessRules",
            "virtualNetworkRules");
    private static final List<String> ENCRYPTION = List.of("encryptionIdentity", "keySource", "keyVaultProperties",
            "requireInfrastructureEncryption", "services");
    private static final List<String> SERVICES = List.of("blob", "file", "queue", "table");
    private static final List<String> SERVICE = List.of("enabled", "keyType", "lastEnabledTime");

    private StorageShapes() {
    }

    static JsonObject account(JsonObject arm) {
        JsonObject flat = new JsonObject();
        JsonObject props = arm.has("properties") && arm.get("properties").isJsonObject() ? arm.getAsJsonObject("properties")
                : new JsonObject();
        props.entrySet().forEach(e -> flat.add(pythonName(e.getKey()), e.getValue()));
        for (String top : new String[] {"id", "name", "type", "location", "kind", "sku", "tags", "identity", "extendedLocation"}) {
            if (arm.has(top)) {
                flat.add(top, arm.get(top));
            }
        }
        JsonObject out = AzShapes.template(ACCOUNT, flat);
        out.addProperty("resourceGroup", AzShapes.resourceGroup(arm.get("id").getAsString()));
        out.add("sku", AzShapes.nested(List.of("name", "tier"), flat.get("sku")));
        out.add("primaryEndpoints", AzShapes.nested(ENDPOINTS, flat.get("primaryEndpoints")));
        out.add("secondaryEndpoints", AzShapes.nested(ENDPOINTS, flat.get("secondaryEndpoints")));
        out.add("networkRuleSet", AzShapes.nested(NETWORK, flat.get("networkRuleSet")));
        out.add("encryption", encryption(flat.get("encryption")));
        out.add("creationTime", AzShapes.time(flat.get("creationTime")));
        if (out.get("keyCreationTime").isJsonObject()) {
            AzShapes.times(out.getAsJsonObject("keyCreationTime"), "key1", "key2");
        }
        return (JsonObject) AzJson.sorted(out);
    }

    /** {@code az storage account keys list}: the keys array, times in Python's format. */
    static JsonArray keys(JsonObject listKeysResult) {
        JsonArray out = new JsonArray();
        for (JsonElement k : AzShapes.array(listKeysResult.get("keys"))) {
            JsonObject key = AzShapes.template(List.of("creationTime", "keyName", "permissions", "value"), k.getAsJsonObject());
            AzShapes.times(key, "creationTime");
            out.add(key);
        }
        return out;
    }

    private static JsonElement encryption(JsonElement source) {
        if (source == null || !source.isJsonObject()) {
            return JsonNull.INSTANCE;
        }
        JsonObject enc = AzShapes.template(ENCRYPTION, source.getAsJsonObject());
        JsonElement services = source.getAsJsonObject().get("services");
        if (services != null && services.isJsonObject()) {
            JsonObject s = new JsonObject();
            for (String name : SERVICES) {
                JsonElement one = AzShapes.nested(SERVICE, services.getAsJsonObject().get(name));
                if (one.isJsonObject()) {
                    AzShapes.times(one.getAsJsonObject(), "lastEnabledTime");
                }
                s.add(name, one);
            }
            enc.add("services", s);
        }
        return enc;
    }

    private static String pythonName(String restName) {
        return switch (restName) {
            case "supportsHttpsTrafficOnly" -> "enableHttpsTrafficOnly";
            case "networkAcls" -> "networkRuleSet";
            default -> restName;
        };
    }
}
