package dev.amlsh.sandbox.provider.storage;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.Json;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A storage account's managed identity as Microsoft.Storage returns it: {@code type}, and for a
 * system-assigned identity its {@code principalId} and {@code tenantId}; user-assigned identities
 * each with {@code principalId}, {@code clientId} and {@code tenantId}. IDs are kept across updates;
 * an account made without an identity has no {@code identity} member.
 *
 * <pre>{@code
 * JsonObject id = StorageIdentity.of(body.getAsJsonObject("identity"), storedOrNull, ctx.tenantId());
 * }</pre>
 */
final class StorageIdentity {
    private static final List<String> TYPES = List.of("None", "SystemAssigned", "UserAssigned", "SystemAssigned,UserAssigned");

    private StorageIdentity() {
    }

    /** The identity to store: the given one resolved, or the stored one when none is given. */
    static JsonObject of(JsonElement given, JsonObject existing, String tenantId) {
        if (given == null || given.isJsonNull()) {
            return existing == null ? null : existing.deepCopy();
        }
        if (!given.isJsonObject()) {
            throw ArmErrors.invalidRequestContent("'identity' must be an object");
        }
        String raw = Json.string(given.getAsJsonObject(), "type");
        String type = raw == null ? null : TYPES.stream().filter(t -> t.equalsIgnoreCase(raw.replace(" ", ""))).findFirst().orElse(null);
        if (type == null) {
            throw ArmErrors.of(400, "InvalidValuesForRequestParameters", "Values for request parameters are invalid: identity.type. '"
                    + raw + "' is not one of None, SystemAssigned, UserAssigned, 'SystemAssigned,UserAssigned'.");
        }
        JsonObject out = new JsonObject();
        if (type.startsWith("SystemAssigned")) {
            String previous = existing == null ? null : Json.string(existing, "principalId");
            out.addProperty("principalId", previous != null ? previous : UUID.randomUUID().toString());
            out.addProperty("tenantId", tenantId);
        }
        if (type.endsWith("UserAssigned")) {
            JsonElement uais = given.getAsJsonObject().get("userAssignedIdentities");
            if (uais == null || !uais.isJsonObject() || uais.getAsJsonObject().isEmpty()) {
                throw ArmErrors.of(400, "InvalidValuesForRequestParameters", "Values for request parameters are invalid:"
                        + " identity.userAssignedIdentities. The identity type '" + type + "' needs at least one user-assigned identity.");
            }
            JsonObject before = existing == null || !(existing.get("userAssignedIdentities") instanceof JsonObject o) ? null : o;
            JsonObject resolved = new JsonObject();
            for (String id : uais.getAsJsonObject().keySet()) {
                if (!id.toLowerCase(Locale.ROOT).contains("/providers/microsoft.managedidentity/userassignedidentities/")) {
                    throw ArmErrors.of(400, "InvalidValuesForRequestParameters", "Values for request parameters are invalid:"
                            + " identity.userAssignedIdentities. '" + id + "' is not the ID of a user-assigned identity.");
                }
                JsonObject kept = find(before, id);
                JsonObject v = new JsonObject();
                v.addProperty("principalId", kept != null ? Json.string(kept, "principalId") : UUID.randomUUID().toString());
                v.addProperty("tenantId", tenantId);
                v.addProperty("clientId", kept != null ? Json.string(kept, "clientId") : UUID.randomUUID().toString());
                resolved.add(id, v);
            }
            out.add("userAssignedIdentities", resolved);
        }
        out.addProperty("type", type);
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
}
