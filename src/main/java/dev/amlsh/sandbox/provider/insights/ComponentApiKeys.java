package dev.amlsh.sandbox.provider.insights;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmRequest;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.arm.Json;
import dev.amlsh.sandbox.store.KeyValue;
import dev.amlsh.sandbox.store.SandboxStore;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * The API keys of an Application Insights component ({@code components/{name}/ApiKeys}, api-version
 * 2015-05-01): create (POST, 200 with the key's secret, the only time it is shown), list, get and
 * delete (200 with the deleted key). Kept in the key-value table, space {@value #SPACE}, key
 * {@code <lower-cased component ID>/<key ID>}; the secret itself is not kept.
 *
 * <pre>{@code
 * POST .../providers/Microsoft.Insights/components/ai1/ApiKeys?api-version=2015-05-01
 * {"name":"readKey","linkedReadProperties":[".../components/ai1/api"],"linkedWriteProperties":[]}
 * }</pre>
 */
final class ComponentApiKeys {
    static final String SPACE = "insights.apikeys";
    /** The service's HTTP-date form, day always two digits: {@code Wed, 23 Aug 2023 04:34:12 GMT}. */
    private static final DateTimeFormatter RFC1123 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SandboxStore store;

    ComponentApiKeys(SandboxStore store) {
        this.store = store;
    }

    ArmResponse create(ArmRequest req, JsonObject component) {
        JsonObject body = req.bodyObject();
        String name = Json.string(body, "name");
        if (name == null || name.isBlank()) {
            throw ArmErrors.invalidParameter("name", "The API key needs a 'name'.");
        }
        JsonArray read = links(body, "linkedReadProperties");
        JsonArray write = links(body, "linkedWriteProperties");
        if (read.isEmpty() && write.isEmpty()) {
            throw ArmErrors.invalidParameter("linkedReadProperties", "The API key needs at least one access right in"
                    + " 'linkedReadProperties' or 'linkedWriteProperties'.");
        }
        String componentId = Json.string(component, "id");
        String keyId = UUID.randomUUID().toString();
        JsonObject key = new JsonObject();
        key.addProperty("id", keyPath(componentId, keyId));
        key.addProperty("name", name);
        key.add("linkedReadProperties", read);
        key.add("linkedWriteProperties", write);
        key.addProperty("createdDate", RFC1123.format(Instant.now()));
        key.add("integrationType", JsonNull.INSTANCE);
        key.add("integrationProperty", JsonNull.INSTANCE);
        store.putValue(SPACE, prefix(componentId) + keyId, Json.GSON.toJson(key));
        JsonObject shown = new JsonObject();
        for (var e : key.entrySet()) {
            shown.add(e.getKey(), e.getValue());
            if (e.getKey().equals("linkedWriteProperties")) {
                shown.addProperty("apiKey", secret()); // shown once, never kept
            }
        }
        return ArmResponse.ok(shown);
    }

    ArmResponse list(JsonObject component) {
        JsonArray values = new JsonArray();
        for (KeyValue kv : store.listValues(SPACE, prefix(Json.string(component, "id")))) {
            values.add(Json.parseObject(kv.value()));
        }
        JsonObject out = new JsonObject();
        out.add("value", values);
        return ArmResponse.ok(out);
    }

    ArmResponse get(JsonObject component, String keyId) {
        return ArmResponse.ok(require(component, keyId));
    }

    ArmResponse delete(JsonObject component, String keyId) {
        JsonObject key = require(component, keyId);
        store.deleteValue(SPACE, prefix(Json.string(component, "id")) + keyId.toLowerCase(Locale.ROOT));
        return ArmResponse.ok(key);
    }

    /** Drops every key of a component (when it is deleted). */
    void forget(String componentId) {
        for (KeyValue kv : store.listValues(SPACE, prefix(componentId))) {
            store.deleteValue(SPACE, kv.key());
        }
    }

    private JsonObject require(JsonObject component, String keyId) {
        return store.getValue(SPACE, prefix(Json.string(component, "id")) + keyId.toLowerCase(Locale.ROOT))
                .map(Json::parseObject)
                .orElseThrow(() -> ArmErrors.of(404, "ResourceNotFound", "The API key '" + keyId + "' of component '"
                        + Json.string(component, "name") + "' was not found. List the keys with GET .../ApiKeys."));
    }

    private static JsonArray links(JsonObject body, String member) {
        JsonElement e = body.get(member);
        if (e == null || e.isJsonNull()) {
            return new JsonArray();
        }
        if (!e.isJsonArray()) {
            throw ArmErrors.invalidRequestContent("'" + member + "' must be an array of access-right IDs");
        }
        for (JsonElement link : e.getAsJsonArray()) {
            if (!link.isJsonPrimitive() || !link.getAsJsonPrimitive().isString()) {
                throw ArmErrors.invalidRequestContent("'" + member + "' must be an array of access-right IDs");
            }
        }
        return e.getAsJsonArray().deepCopy();
    }

    // The service answers key IDs with the group and namespace in lower case.
    private static String keyPath(String componentId, String keyId) {
        String[] s = componentId.split("/");
        return "/subscriptions/" + s[2] + "/resourcegroups/" + s[4]
                + "/providers/microsoft.insights/components/" + s[8] + "/apikeys/" + keyId;
    }

    private static String prefix(String componentId) {
        return componentId.toLowerCase(Locale.ROOT) + "/";
    }

    private static String secret() {
        StringBuilder sb = new StringBuilder(40);
        for (int i = 0; i < 40; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
