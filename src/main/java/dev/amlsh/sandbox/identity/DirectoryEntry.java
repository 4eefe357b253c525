package dev.amlsh.sandbox.identity;

import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.Json;

/** A user or service principal of the sandbox tenant, as stored (secret hashed). */
record DirectoryEntry(String objectId, String clientId, String displayName, String userPrincipalName, String type,
                      String secretHash) {
    static final String SPACE = "identity.principal";

    String toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("objectId", objectId);
        o.addProperty("clientId", clientId);
        o.addProperty("displayName", displayName);
        o.addProperty("userPrincipalName", userPrincipalName);
        o.addProperty("type", type);
        o.addProperty("secretHash", secretHash);
        return Json.GSON.toJson(o);
    }

    static DirectoryEntry fromJson(String text) {
        JsonObject o = Json.parseObject(text);
        return new DirectoryEntry(Json.string(o, "objectId"), Json.string(o, "clientId"), Json.string(o, "displayName"),
                Json.string(o, "userPrincipalName"), Json.string(o, "type"), Json.string(o, "secretHash"));
    }

    boolean isUser() {
        return "User".equals(type);
    }
}
