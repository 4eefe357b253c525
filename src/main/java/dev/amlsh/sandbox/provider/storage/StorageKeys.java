package dev.amlsh.sandbox.provider.storage;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.Json;
import dev.amlsh.sandbox.store.SandboxStore;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The access keys of storage accounts, kept apart from the account document (so no GET or list
 * can leak them) in the store's key-value table: space {@value #SPACE}, key
 * {@code storage-keys:<lower-cased account ID>}, value
 * {@code {"keys":[{"keyName":"key1","permissions":"FULL","value":"...","creationTime":"..."},{...key2}]}}.
 * Other handlers (the ML workspace's {@code listKeys}) read them through {@link #read}.
 *
 * <pre>{@code
 * Optional<JsonObject> keys = StorageKeys.read(ctx.store(), storageAccountId);
 * String key1 = keys.orElseThrow().getAsJsonArray("keys").get(0).getAsJsonObject().get("value").getAsString();
 * }</pre>
 */
public final class StorageKeys {
    /** The key-value space. */
    public static final String SPACE = "storage";
    private static final SecureRandom RANDOM = new SecureRandom();

    private StorageKeys() {
    }

    /** The key-value key of an account's keys. */
    public static String key(String accountId) {
        return "storage-keys:" + accountId.toLowerCase(Locale.ROOT);
    }

    /** The keys of an account, {@code {"keys":[...]}}, if it has any. */
    public static Optional<JsonObject> read(SandboxStore store, String accountId) {
        return store.getValue(SPACE, key(accountId)).map(Json::parseObject);
    }

    /** Creates both keys of a new account; returns them. */
    static JsonObject create(SandboxStore store, String accountId, Instant now) {
        JsonArray keys = new JsonArray();
        keys.add(entry("key1", now));
        keys.add(entry("key2", now));
        JsonObject out = new JsonObject();
        out.add("keys", keys);
        store.putValue(SPACE, key(accountId), Json.GSON.toJson(out));
        return out;
    }

    /** Replaces one key with a new random value; returns all keys. */
    static JsonObject regenerate(SandboxStore store, String accountId, String keyName, Instant now) {
        JsonObject all = read(store, accountId).orElseGet(() -> create(store, accountId, now));
        JsonArray keys = all.getAsJsonArray("keys");
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).getAsJsonObject().get("keyName").getAsString().equals(keyName)) {
                keys.set(i, entry(keyName, now));
            }
        }
        store.putValue(SPACE, key(accountId), Json.GSON.toJson(all));
        return all;
    }

    static void delete(SandboxStore store, String accountId) {
        store.deleteValue(SPACE, key(accountId));
    }

    private static JsonObject entry(String name, Instant now) {
        byte[] bytes = new byte[64];
        RANDOM.nextBytes(bytes);
        JsonObject k = new JsonObject();
        k.addProperty("keyName", name);
        k.addProperty("permissions", "FULL");
        k.addProperty("value", Base64.getEncoder().encodeToString(bytes));
        k.addProperty("creationTime", now.toString());
        return k;
    }
}
