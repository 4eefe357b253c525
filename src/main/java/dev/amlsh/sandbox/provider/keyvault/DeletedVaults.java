package dev.amlsh.sandbox.provider.keyvault;

import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.Json;
import dev.amlsh.sandbox.store.KeyValue;
import dev.amlsh.sandbox.store.SandboxStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Soft-deleted key vaults, in the key-value table (space {@value #SPACE}, key the lower-cased
 * vault name, value the {@code DeletedVault} resource plus its {@code subscriptionId} and, for a
 * recovery, the last document of the {@code vault}). A deleted
 * vault keeps its name taken, across subscriptions, until it is purged or its retention ends.
 *
 * <pre>{@code
 * deleted.softDelete(vaultDocument, subscriptionId, Instant.now());
 * deleted.find("kv1").ifPresent(d -> ...);
 * }</pre>
 */
final class DeletedVaults {
    static final String SPACE = "keyvault.deleted";
    private final SandboxStore store;

    DeletedVaults(SandboxStore store) {
        this.store = store;
    }

    /** Records a deleted vault from its last document. */
    void softDelete(JsonObject vault, String subscriptionId, Instant now) {
        String name = Json.string(vault, "name");
        String location = Json.string(vault, "location");
        JsonObject vp = vault.getAsJsonObject("properties");
        int days = vp.has("softDeleteRetentionInDays") ? vp.get("softDeleteRetentionInDays").getAsInt() : Vaults.DEFAULT_RETENTION;
        JsonObject p = new JsonObject();
        p.addProperty("vaultId", Json.string(vault, "id"));
        p.addProperty("location", location);
        p.addProperty("deletionDate", now.toString());
        p.addProperty("scheduledPurgeDate", now.plus(Duration.ofDays(days)).toString());
        p.add("tags", vault.has("tags") ? vault.get("tags").deepCopy() : new JsonObject());
        if (vp.has("enablePurgeProtection") && vp.get("enablePurgeProtection").getAsBoolean()) {
            p.addProperty("purgeProtectionEnabled", true); // Key Vault leaves it out when off
        }
        JsonObject d = new JsonObject();
        d.addProperty("id", "/subscriptions/" + subscriptionId + "/providers/Microsoft.KeyVault/locations/" + location + "/deletedVaults/"
                + name);
        d.addProperty("name", name);
        d.addProperty("type", "Microsoft.KeyVault/deletedVaults");
        d.add("properties", p);
        d.addProperty("subscriptionId", subscriptionId);
        d.add("vault", vault.deepCopy());
        store.putValue(SPACE, key(name), Json.GSON.toJson(d));
    }

    /** The record holding this name, unless its retention has ended (then it is purged now). */
    Optional<JsonObject> find(String name) {
        Optional<JsonObject> d = store.getValue(SPACE, key(name)).map(Json::parseObject);
        if (d.isPresent() && expired(d.get())) {
            store.deleteValue(SPACE, key(name));
            return Optional.empty();
        }
        return d;
    }

    /** The deleted vaults of one subscription, as the API shows them. */
    List<JsonObject> list(String subscriptionId) {
        List<JsonObject> out = new ArrayList<>();
        for (KeyValue kv : store.listValues(SPACE, "")) {
            JsonObject d = Json.parseObject(kv.value());
            if (expired(d)) {
                store.deleteValue(SPACE, kv.key());
            } else if (subscriptionId.equalsIgnoreCase(Json.string(d, "subscriptionId"))) {
                out.add(view(d));
            }
        }
        return out;
    }

    void purge(String name) {
        store.deleteValue(SPACE, key(name));
    }

    /** The resource without the bookkeeping fields. */
    static JsonObject view(JsonObject record) {
        JsonObject v = record.deepCopy();
        v.remove("subscriptionId");
        v.remove("vault");
        return v;
    }

    private static boolean expired(JsonObject d) {
        String at = Json.string(d.getAsJsonObject("properties"), "scheduledPurgeDate");
        return at != null && !Instant.now().isBefore(Instant.parse(at));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
