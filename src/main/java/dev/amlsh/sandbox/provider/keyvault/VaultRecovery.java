package dev.amlsh.sandbox.provider.keyvault;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmRequest;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.arm.Json;
import dev.amlsh.sandbox.provider.ProviderContext;
import java.time.Instant;
import java.util.Locale;

/**
 * Recovering a soft-deleted vault: {@code PUT .../vaults/{name}} with {@code properties.createMode: recover}
 * (what {@code az keyvault recover} sends) brings the vault back as it was when deleted, in the group it was
 * deleted from, and frees nothing: the name goes from the deleted list back to the live one.
 *
 * <pre>{@code
 * if (VaultRecovery.asked(req)) return recovery.recover(req); // 200 with the vault
 * }</pre>
 */
final class VaultRecovery {
    private final ProviderContext ctx;
    private final DeletedVaults deleted;

    VaultRecovery(ProviderContext ctx, DeletedVaults deleted) {
        this.ctx = ctx;
        this.deleted = deleted;
    }

    /** Whether a PUT asks to recover rather than create. */
    static boolean asked(ArmRequest req) {
        if (!req.isMethod("PUT") || req.body() == null || !req.body().isJsonObject()) {
            return false;
        }
        JsonObject body = req.bodyObject();
        return body.has("properties") && body.get("properties").isJsonObject()
                && "recover".equalsIgnoreCase(Json.string(body.getAsJsonObject("properties"), "createMode"));
    }

    ArmResponse recover(ArmRequest req) {
        String name = req.name();
        String asked = Json.string(req.bodyObject(), "location");
        return ctx.store().inTransaction(() -> {
            JsonObject record = deleted.find(name).filter(d -> req.subscriptionId().equalsIgnoreCase(Json.string(d, "subscriptionId")))
                    .orElseThrow(() -> VaultErrors.deletedNotFound(asked == null ? "" : asked, name));
            JsonObject p = record.getAsJsonObject("properties");
            String vaultId = Json.string(p, "vaultId");
            String id = Vaults.id(req.subscriptionId(), req.resourceGroup(), name);
            if (vaultId != null && !vaultId.equalsIgnoreCase(id)) {
                String group = vaultId.split("/")[4];
                throw VaultErrors.badRequest("The deleted vault '" + name + "' was in resource group '" + group
                        + "'; recover it there (-g " + group + ").");
            }
            String location = Json.string(p, "location");
            if (asked != null && !asked.replace(" ", "").equalsIgnoreCase(location)) {
                throw VaultErrors.badRequest("The deleted vault '" + name + "' is in location '" + location + "', not '" + asked + "'.");
            }
            JsonObject doc = record.has("vault") ? record.getAsJsonObject("vault").deepCopy() : rebuilt(record, name);
            doc.addProperty("id", vaultId == null ? id : vaultId);
            doc.getAsJsonObject("properties").addProperty("provisioningState", "Succeeded");
            doc.getAsJsonObject("properties").remove("createMode");
            if (doc.has("systemData") && doc.get("systemData").isJsonObject()) {
                doc.getAsJsonObject("systemData").addProperty("lastModifiedAt", Instant.now().toString());
            }
            ctx.store().put(Json.string(doc, "id"), doc);
            ctx.store().putValue(Vaults.NAMES, Vaults.key(name), Json.string(doc, "id"));
            deleted.purge(name);
            return ArmResponse.ok(doc);
        });
    }

    /** A deleted vault recorded before its document was kept: what the deleted record says, with the defaults. */
    private JsonObject rebuilt(JsonObject record, String name) {
        JsonObject p = record.getAsJsonObject("properties");
        JsonObject doc = new JsonObject();
        doc.addProperty("name", name);
        doc.addProperty("type", KeyVaultHandler.TYPE);
        doc.addProperty("location", Json.string(p, "location"));
        doc.add("tags", p.has("tags") ? p.get("tags").deepCopy() : new JsonObject());
        JsonObject props = new JsonObject();
        props.addProperty("tenantId", ctx.tenantId());
        props.add("sku", Json.parseObject("{\"family\":\"A\",\"name\":\"standard\"}"));
        props.add("accessPolicies", new JsonArray());
        props.addProperty("enableSoftDelete", true);
        props.addProperty("softDeleteRetentionInDays", Vaults.DEFAULT_RETENTION);
        props.addProperty("vaultUri", "https://" + name.toLowerCase(Locale.ROOT) + ".vault.azure.net/");
        props.addProperty("publicNetworkAccess", "Enabled");
        doc.add("properties", props);
        return doc;
    }
}
