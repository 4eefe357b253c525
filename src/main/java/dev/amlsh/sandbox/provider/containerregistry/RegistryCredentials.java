package dev.amlsh.sandbox.provider.containerregistry;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.Json;
import dev.amlsh.sandbox.store.SandboxStore;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The admin credentials of container registries, kept in the store's key-value table (never in
 * the resource document, so no GET can show them). Space {@value #SPACE}, key
 * {@code acr-credentials:<lower-cased registry ID>}, value
 * {@code {"username": ..., "passwords": [{"name": "password", "value": ...}, {"name": "password2", "value": ...}]}}.
 * Other handlers (the ML workspace's {@code listKeys}) read them through {@link #read}.
 *
 * <pre>{@code
 * Optional<JsonObject> creds = RegistryCredentials.read(store, registryId);
 * String password = creds.get().getAsJsonArray("passwords").get(0).getAsJsonObject().get("value").getAsString();
 * }</pre>
 */
public final class RegistryCredentials {
    /** The key-value space of the container registry handler. */
    public static final String SPACE = "containerregistry";
    /** Prefix of a credentials key; the rest is the lower-cased registry ID. */
    public static final String KEY_PREFIX = "acr-credentials:";
    static final String PASSWORD = "password";
    static final String PASSWORD2 = "password2";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private RegistryCredentials() {
    }

    /** The key of a registry's credentials. */
    public static String key(String registryId) {
        return KEY_PREFIX + registryId.toLowerCase(Locale.ROOT);
    }

    /** The registry's credentials (whether or not its admin user is enabled), if it has any. */
    public static Optional<JsonObject> read(SandboxStore store, String registryId) {
        return store.getValue(SPACE, key(registryId)).map(Json::parseObject);
    }

    /** Mints both passwords for a new registry; the username is the registry's name. */
    static JsonObject create(SandboxStore store, String registryId, String username) {
        JsonObject creds = new JsonObject();
        creds.addProperty("username", username);
        JsonArray passwords = new JsonArray();
        passwords.add(password(PASSWORD));
        passwords.add(password(PASSWORD2));
        creds.add("passwords", passwords);
        store.putValue(SPACE, key(registryId), Json.GSON.toJson(creds));
        return creds;
    }

    /** Replaces one password ({@code password} or {@code password2}); returns the new credentials. */
    static JsonObject regenerate(SandboxStore store, String registryId, String username, String which) {
        JsonObject creds = read(store, registryId).orElseGet(() -> create(store, registryId, username));
        JsonArray passwords = creds.getAsJsonArray("passwords");
        for (int i = 0; i < passwords.size(); i++) {
            if (passwords.get(i).getAsJsonObject().get("name").getAsString().equals(which)) {
                passwords.set(i, password(which));
            }
        }
        store.putValue(SPACE, key(registryId), Json.GSON.toJson(creds));
        return creds;
    }

    static void delete(SandboxStore store, String registryId) {
        store.deleteValue(SPACE, key(registryId));
    }

    private static JsonObject password(String name) {
        StringBuilder sb = new StringBuilder(52);
        for (int i = 0; i < 52; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        JsonObject p = new JsonObject();
        p.addProperty("name", name);
        p.addProperty("value", sb.toString());
        return p;
    }
}
