package dev.amlsh.sandbox.provider.containerregistry;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.Json;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A registry's managed identity as ACR keeps and answers it: no {@code identity} member until one
 * is set (and none again after {@code type: None}); the type in ACR's camel case
 * ({@code systemAssigned}, {@code userAssigned}, {@code systemAssigned, userAssigned}); a
 * system-assigned principal minted once and kept until the identity is removed; each user-assigned
 * identity with its {@code principalId} and {@code clientId}.
 *
 * <pre>{@code
 * JsonObject next = RegistryIdentity.resolve(body.get("identity"), doc.getAsJsonObject("identity"), tenantId, false);
 * RegistryIdentity.store(doc, next); // adds, replaces or removes doc.identity
 * }</pre>
 */
final class RegistryIdentity {
    private static final Map<String, String> TYPES = Map.of(
            "none", "none",
            "systemassigned", "systemAssigned",
            "userassigned", "userAssigned",
            "systemassigned,userassigned", "systemAssigned, userAssigned");

    private RegistryIdentity() {
    }

    /**
     * The identity after a request: {@code given} is the request's {@code identity} member (absent or
     * null keeps {@code existing}); a PATCH merges user-assigned identities (an entry set to null is
     * removed), a PUT replaces them. Returns null when the registry has no identity.
     */
    static JsonObject resolve(JsonElement given, JsonObject existing, String tenantId, boolean merge) {
        if (given == null || given.isJsonNull()) {
            return existing == null ? null : existing.deepCopy();
        }
        if (!given.isJsonObject()) {
            throw ArmErrors.invalidRequestContent("'identity' must be an object");
        }
        String raw = Json.string(given.getAsJsonObject(), "type");
        String type = raw == null ? null : TYPES.get(raw.replace(" ", "").toLowerCase(Locale.ROOT));
        if (type == null) {
            throw ArmErrors.invalidParameter("identity.type", "The identity type '" + raw + "' is not valid. Use None,"
                    + " SystemAssigned, UserAssigned or 'SystemAssigned, UserAssigned'.");
        }
        if (type.equals("none")) {
            return null;
        }
        JsonObject out = new JsonObject();
        if (type.startsWith("systemAssigned")) {
            String kept = existing == null ? null : Json.string(existing, "principalId");
            out.addProperty("principalId", kept != null ? kept : UUID.randomUUID().toString());
            out.addProperty("tenantId", tenantId);
        }
        out.addProperty("type", type);
        if (type.endsWith("userAssigned")) {
            JsonObject users = users(given.getAsJsonObject(), existing, merge);
            if (users.isEmpty()) {
                throw ArmErrors.invalidParameter("identity.userAssignedIdentities", "The identity type '" + raw
                        + "' needs at least one user-assigned identity in 'userAssignedIdentities'.");
            }
            out.add("userAssignedIdentities", users);
        }
        return out;
    }

    /** Sets or removes the document's {@code identity}. */
    static void store(JsonObject doc, JsonObject identity) {
        if (identity == null) {
            doc.remove("identity");
        } else {
            doc.add("identity", identity);
        }
    }

    private static JsonObject users(JsonObject given, JsonObject existing, boolean merge) {
        JsonElement e = given.get("userAssignedIdentities");
        if (e != null && !e.isJsonNull() && !e.isJsonObject()) {
            throw ArmErrors.invalidRequestContent("'identity.userAssignedIdentities' must be an object");
        }
        JsonObject before = existing != null && existing.has("userAssignedIdentities")
                ? existing.getAsJsonObject("userAssignedIdentities") : new JsonObject();
        JsonObject out = new JsonObject();
        if (merge) {
            before.entrySet().forEach(b -> out.add(b.getKey(), b.getValue().deepCopy()));
        }
        if (e == null || e.isJsonNull()) {
            return merge ? out : before.deepCopy();
        }
        for (Map.Entry<String, JsonElement> entry : e.getAsJsonObject().entrySet()) {
            String id = entry.getKey();
            String known = find(out, id);
            if (entry.getValue().isJsonNull()) {
                if (known != null) {
                    out.remove(known);
                }
                continue;
            }
            if (!isUserIdentityId(id)) {
                throw ArmErrors.invalidParameter("identity.userAssignedIdentities", "'" + id + "' is not the ID of a"
                        + " user-assigned identity (/subscriptions/{s}/resourceGroups/{g}/providers/"
                        + "Microsoft.ManagedIdentity/userAssignedIdentities/{name}).");
            }
            if (known == null) {
                out.add(id, user(id));
            }
        }
        return out;
    }

    /** A user-assigned identity's IDs: the same identity has the same IDs wherever it is assigned. */
    private static JsonObject user(String id) {
        String key = id.toLowerCase(Locale.ROOT);
        JsonObject o = new JsonObject();
        o.addProperty("principalId", UUID.nameUUIDFromBytes(("principal:" + key).getBytes(StandardCharsets.UTF_8)).toString());
        o.addProperty("clientId", UUID.nameUUIDFromBytes(("client:" + key).getBytes(StandardCharsets.UTF_8)).toString());
        return o;
    }

    private static boolean isUserIdentityId(String id) {
        String[] s = id.replaceAll("^/+", "").split("/");
        return s.length == 8 && s[0].equalsIgnoreCase("subscriptions") && s[2].equalsIgnoreCase("resourceGroups")
                && s[4].equalsIgnoreCase("providers") && s[5].equalsIgnoreCase("Microsoft.ManagedIdentity")
                && s[6].equalsIgnoreCase("userAssignedIdentities") && !s[7].isBlank();
    }

    private static String find(JsonObject map, String id) {
        for (String k : map.keySet()) {
            if (k.equalsIgnoreCase(id)) {
                return k;
            }
        }
        return null;
    }
}
