package dev.amlsh.sandbox.provider.ml;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.Json;
import dev.amlsh.sandbox.store.SandboxStore;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The keys a workspace hands out. The storage key is a snapshot taken at create and at each
 * {@code resyncKeys} (as the real service picks up rotated keys only on sync); the registry
 * credentials and the Application Insights key are read live.
 *
 * <p>Other providers keep their secrets in the key-value table and read them back for this class:
 * {@code StorageKeys.read} and {@code RegistryCredentials.read}.
 *
 * <pre>{@code
 * store.putValue(StorageKeys.SPACE, StorageKeys.key(storageId), "{\"keys\":[...]}");
 * }</pre>
 */
public final class WorkspaceKeys {
    /** Space of the storage accounts' access keys. */
    public static final String STORAGE_KEYS = dev.amlsh.sandbox.provider.storage.StorageKeys.SPACE;
    /** Space of the container registries' admin credentials. */
    public static final String ACR_CREDENTIALS = dev.amlsh.sandbox.provider.containerregistry.RegistryCredentials.SPACE;
    static final String SNAPSHOTS = "ml.workspace.keys";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SandboxStore store;
    private final Dependencies dependencies;

    WorkspaceKeys(SandboxStore store, Dependencies dependencies) {
        this.store = store;
        this.dependencies = dependencies;
    }

    /** Takes the first snapshot and the notebook keys of a new workspace. */
    void create(JsonObject workspace) {
        JsonObject s = new JsonObject();
        s.addProperty("primaryAccessKey", secret());
        s.addProperty("secondaryAccessKey", secret());
        s.addProperty("userStorageKey", currentStorageKey(workspace).orElse(null));
        store.putValue(SNAPSHOTS, key(workspace), Json.GSON.toJson(s));
    }

    /** Refreshes the storage key snapshot ({@code resyncKeys}). */
    void resync(JsonObject workspace) {
        JsonObject s = snapshot(workspace);
        s.addProperty("userStorageKey", currentStorageKey(workspace).orElse(null));
        store.putValue(SNAPSHOTS, key(workspace), Json.GSON.toJson(s));
    }

    void forget(JsonObject workspace) {
        store.deleteValue(SNAPSHOTS, key(workspace));
    }

    /** {@code ListWorkspaceKeysResult}. */
    JsonObject listKeys(JsonObject workspace) {
        JsonObject props = WorkspaceDocs.properties(workspace);
        JsonObject snap = snapshot(workspace);
        JsonObject out = new JsonObject();
        out.add("userStorageKey", snap.get("userStorageKey"));
        out.addProperty("userStorageArmId", Json.string(props, "storageAccount"));
        out.addProperty("appInsightsInstrumentationKey", dependencies.find(Json.string(props, "applicationInsights"))
                .map(c -> Json.string(WorkspaceDocs.object(c, "properties"), "InstrumentationKey")).orElse(null));
        String registry = Json.string(props, "containerRegistry");
        if (registry != null) {
            JsonObject creds = dev.amlsh.sandbox.provider.containerregistry.RegistryCredentials.read(store, registry)
                    .orElseGet(JsonObject::new);
            JsonObject c = new JsonObject();
            c.addProperty("location", dependencies.find(registry).map(r -> Json.string(r, "location")).orElse(null));
            c.add("username", creds.get("username"));
            c.add("passwords", creds.has("passwords") ? creds.get("passwords") : new JsonArray());
            out.add("containerRegistryCredentials", c);
        } else {
            out.add("containerRegistryCredentials", com.google.gson.JsonNull.INSTANCE);
        }
        JsonObject notebook = new JsonObject();
        notebook.add("primaryAccessKey", snap.get("primaryAccessKey"));
        notebook.add("secondaryAccessKey", snap.get("secondaryAccessKey"));
        out.add("notebookAccessKeys", notebook);
        return out;
    }

    /** {@code ListStorageAccountKeysResult}. */
    JsonObject listStorageAccountKeys(JsonObject workspace) {
        JsonObject out = new JsonObject();
        out.add("userStorageKey", snapshot(workspace).get("userStorageKey"));
        return out;
    }

    /** {@code NotebookAccessTokenResult}. */
    JsonObject notebookAccessToken(JsonObject workspace) {
        JsonObject info = WorkspaceDocs.object(WorkspaceDocs.properties(workspace), "notebookInfo");
        JsonObject out = new JsonObject();
        out.addProperty("notebookResourceId", Json.string(info, "resourceId"));
        out.addProperty("hostName", Json.string(info, "fqdn"));
        out.addProperty("publicDns", Json.string(workspace, "location") + ".notebooks.azure.net");
        out.addProperty("accessToken", secret());
        out.addProperty("refreshToken", secret());
        out.addProperty("tokenType", "Bearer");
        out.addProperty("expiresIn", 28800);
        out.addProperty("scope", "aznb_identity");
        return out;
    }

    private Optional<String> currentStorageKey(JsonObject workspace) {
        String storage = Json.string(WorkspaceDocs.properties(workspace), "storageAccount");
        if (storage == null) {
            return Optional.empty();
        }
        return dev.amlsh.sandbox.provider.storage.StorageKeys.read(store, storage).flatMap(k -> {
            JsonElement keys = k.get("keys");
            if (keys == null || !keys.isJsonArray() || keys.getAsJsonArray().isEmpty()) {
                return Optional.empty();
            }
            return Optional.ofNullable(Json.string(keys.getAsJsonArray().get(0).getAsJsonObject(), "value"));
        });
    }

    private JsonObject snapshot(JsonObject workspace) {
        return store.getValue(SNAPSHOTS, key(workspace)).map(Json::parseObject).orElseGet(JsonObject::new);
    }

    private static String key(JsonObject workspace) {
        return WorkspaceDocs.lower(Json.string(workspace, "id"));
    }

    private static String secret() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }
}
