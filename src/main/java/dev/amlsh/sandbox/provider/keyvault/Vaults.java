package dev.amlsh.sandbox.provider.keyvault;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmRequest;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.arm.Json;
import dev.amlsh.sandbox.arm.Principal;
import dev.amlsh.sandbox.provider.ProviderContext;
import dev.amlsh.sandbox.provider.resources.Locations;
import dev.amlsh.sandbox.store.StoredResource;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Key vaults: create or update (201/200), patch, get and delete (a soft delete: the name stays
 * taken until purged), with the service's rules: the name pattern, global names (soft-deleted
 * ones included), the sandbox tenant, soft delete that cannot be turned off.
 *
 * <pre>{@code
 * Vaults vaults = new Vaults(ctx, new DeletedVaults(ctx.store()));
 * ArmResponse r = vaults.put(request); // 201 with properties.vaultUri https://kv1.vault.azure.net/
 * }</pre>
 */
final class Vaults {
    static final int DEFAULT_RETENTION = 90;
    static final String NAMES = "keyvault.names";
    private static final Pattern NAME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$");
    private static final Set<String> MUTABLE = Set.of("accessPolicies", "enabledForDeployment", "enabledForDiskEncryption",
            "enabledForTemplateDeployment", "enableRbacAuthorization", "networkAcls", "publicNetworkAccess");

    private final ProviderContext ctx;
    private final DeletedVaults deleted;

    Vaults(ProviderContext ctx, DeletedVaults deleted) {
        this.ctx = ctx;
        this.deleted = deleted;
    }

    static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches() && !name.contains("--");
    }

    static String id(String subscriptionId, String group, String name) {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + group + "/providers/" + KeyVaultHandler.TYPE + "/" + name;
    }

    ArmResponse put(ArmRequest req) {
        String name = req.name();
        if (!validName(name)) {
            throw VaultErrors.nameNotValid(name);
        }
        JsonObject body = req.bodyObject();
        String requested = Json.string(body, "location");
        if (requested == null || requested.isBlank()) {
            throw ArmErrors.locationRequired();
        }
        String location = Locations.resolve(requested).map(Locations.Region::name)
                .orElseThrow(() -> VaultErrors.locationNotAvailable(requested));
        JsonElement rawProps = body.get("properties");
        if (rawProps == null || !rawProps.isJsonObject()) {
            throw VaultErrors.badRequest("The request must have 'properties' with at least 'tenantId' and 'sku'.");
        }
        JsonObject props = rawProps.getAsJsonObject();
        if (Json.string(props, "tenantId") == null || !props.has("sku")) {
            throw VaultErrors.badRequest("The properties 'tenantId' and 'sku' of a vault are required.");
        }
        String id = id(req.subscriptionId(), req.resourceGroup(), name);
        return ctx.store().inTransaction(() -> {
            Optional<StoredResource> existing = ctx.store().get(id);
            JsonObject doc;
            if (existing.isPresent()) {
                doc = existing.get().json();
                String old = Json.string(doc, "location");
                if (!old.equalsIgnoreCase(location)) {
                    throw VaultErrors.invalidResourceLocation(name, old, req.resourceGroup(), requested);
                }
            } else {
                requireFree(name, req.subscriptionId());
                doc = document(id, name, location, req.principal());
            }
            apply(doc, props, req.subscriptionId());
            doc.add("tags", tags(body.get("tags")));
            doc.addProperty("id", id);
            doc.addProperty("name", name);
            touch(doc, req.principal());
            ctx.store().put(id, doc);
            ctx.store().putValue(NAMES, key(name), id);
            return ArmResponse.ok(doc); // Key Vault answers 200 to a create as to an update
        });
    }

    ArmResponse patch(ArmRequest req) {
        JsonObject body = req.bodyObject();
        return ctx.store().inTransaction(() -> {
            JsonObject doc = require(req);
            JsonElement props = body.get("properties");
            if (props != null && props.isJsonObject()) {
                apply(doc, props.getAsJsonObject(), req.subscriptionId());
            }
            if (body.has("tags")) {
                doc.add("tags", tags(body.get("tags")));
            }
            touch(doc, req.principal());
            ctx.store().put(Json.string(doc, "id"), doc);
            return ArmResponse.ok(doc);
        });
    }

    ArmResponse get(ArmRequest req) {
        return ArmResponse.ok(require(req));
    }

    ArmResponse delete(ArmRequest req) {
        return ctx.store().inTransaction(() -> {
            Optional<StoredResource> r = ctx.store().get(id(req.subscriptionId(), req.resourceGroup(), req.name()));
            if (r.isEmpty()) {
                return ArmResponse.noContent();
            }
            softDelete(r.get());
            ctx.store().delete(r.get().id());
            return ArmResponse.ok(null);
        });
    }

    /** Keeps the vault as deleted (its name stays taken) and drops its live name. */
    void softDelete(StoredResource r) {
        deleted.softDelete(r.json(), canonicalSubscription(r), Instant.now());
        ctx.store().getValue(NAMES, key(r.name())).filter(r.id()::equalsIgnoreCase).ifPresent(v -> ctx.store().deleteValue(NAMES, key(r.name())));
    }

    /** Why a name cannot be used, or null when it is free. */
    String unavailableReason(String name) {
        if (ctx.store().getValue(NAMES, key(name)).flatMap(ctx.store()::get).isPresent() || deleted.find(name).isPresent()) {
            return VaultErrors.inUseMessage(name);
        }
        return null;
    }

    private void requireFree(String name, String subscriptionId) {
        if (ctx.store().getValue(NAMES, key(name)).flatMap(ctx.store()::get).isPresent()) {
            throw VaultErrors.alreadyExists(name);
        }
        Optional<JsonObject> gone = deleted.find(name);
        if (gone.isPresent()) {
            throw subscriptionId.equalsIgnoreCase(Json.string(gone.get(), "subscriptionId"))
                    ? VaultErrors.deletedVaultExists(name) : VaultErrors.alreadyExists(name);
        }
    }

    private JsonObject require(ArmRequest req) {
        return ctx.store().get(id(req.subscriptionId(), req.resourceGroup(), req.name())).map(StoredResource::json)
                .orElseThrow(() -> VaultErrors.notFound(req.name(), req.resourceGroup()));
    }

    private JsonObject document(String id, String name, String location, Principal who) {
        JsonObject doc = new JsonObject();
        doc.addProperty("id", id);
        doc.addProperty("name", name);
        doc.addProperty("type", KeyVaultHandler.TYPE);
        doc.addProperty("location", location);
        doc.add("tags", new JsonObject());
        JsonObject system = new JsonObject();
        system.addProperty("createdBy", who.displayName());
        system.addProperty("createdByType", byType(who));
        system.addProperty("createdAt", Instant.now().toString());
        doc.add("systemData", system);
        JsonObject p = new JsonObject();
        p.add("accessPolicies", new JsonArray());
        p.addProperty("enabledForDeployment", false);
        // enabledForDiskEncryption, enabledForTemplateDeployment, enableRbacAuthorization: Azure leaves them out until set
        p.addProperty("enableSoftDelete", true);
        p.addProperty("softDeleteRetentionInDays", DEFAULT_RETENTION);
        p.addProperty("vaultUri", "https://" + name.toLowerCase(Locale.ROOT) + ".vault.azure.net/");
        p.addProperty("provisioningState", "Succeeded");
        p.addProperty("publicNetworkAccess", "Enabled");
        doc.add("properties", p);
        return doc;
    }

    /** Applies requested properties with the service's checks; read-only ones are ignored. */
    private void apply(JsonObject doc, JsonObject requested, String subscriptionId) {
        JsonObject p = doc.getAsJsonObject("properties");
        String tenant = Json.string(requested, "tenantId");
        if (tenant != null) {
            if (!tenant.equalsIgnoreCase(ctx.tenantId())) {
                throw VaultErrors.badRequest("An invalid value was given to parameter tenantId: '" + tenant
                        + "' is not the tenant of subscription '" + subscriptionId + "'. Use '" + ctx.tenantId() + "'.");
            }
            p.addProperty("tenantId", ctx.tenantId());
        }
        if (requested.has("sku")) {
            p.add("sku", sku(requested.get("sku")));
        }
        if (requested.has("enableSoftDelete") && !bool(requested, "enableSoftDelete")) {
            throw VaultErrors.badRequest("The property \"enableSoftDelete\" has been set to false. Enabling the 'soft delete'"
                    + " functionality is mandatory for all key vaults. Ensure the property is set to true.");
        }
        if (requested.has("softDeleteRetentionInDays") && !requested.get("softDeleteRetentionInDays").isJsonNull()) {
            int days = requested.get("softDeleteRetentionInDays").getAsInt();
            if (days < 7 || days > 90) {
                throw VaultErrors.badRequest("The property 'softDeleteRetentionInDays' must be between 7 and 90 days, not " + days + ".");
            }
            p.addProperty("softDeleteRetentionInDays", days);
        }
        if (requested.has("enablePurgeProtection") && !requested.get("enablePurgeProtection").isJsonNull()) {
            boolean on = bool(requested, "enablePurgeProtection");
            if (!on && p.has("enablePurgeProtection") && p.get("enablePurgeProtection").getAsBoolean()) {
                throw VaultErrors.badRequest("The property \"enablePurgeProtection\" cannot be set to false. Enabling the purge"
                        + " protection for a vault is an irreversible action.");
            }
            if (on) {
                p.addProperty("enablePurgeProtection", true);
            }
        }
        for (var e : requested.entrySet()) {
            if (!MUTABLE.contains(e.getKey())) {
                continue;
            }
            if (e.getKey().equals("accessPolicies")) {
                p.add("accessPolicies", accessPolicies(e.getValue()));
            } else if (e.getKey().equals("networkAcls")) {
                JsonObject acls = NetworkAcls.normalize(e.getValue());
                if (acls == null) {
                    p.remove("networkAcls");
                } else {
                    p.add("networkAcls", acls);
                }
            } else if (e.getValue().isJsonNull()) {
                p.remove(e.getKey());
            } else {
                p.add(e.getKey(), e.getValue().deepCopy());
            }
        }
    }

    private static JsonObject sku(JsonElement e) {
        if (e == null || !e.isJsonObject()) {
            throw VaultErrors.badRequest("An invalid value was given to parameter sku: it must be {\"family\":\"A\",\"name\":\"standard\"}.");
        }
        String name = Json.string(e.getAsJsonObject(), "name");
        String family = Json.string(e.getAsJsonObject(), "family");
        if (name == null || !(name.equalsIgnoreCase("standard") || name.equalsIgnoreCase("premium"))) {
            throw VaultErrors.badRequest("An invalid value was given to parameter sku.name: '" + name + "'. Use 'standard' or 'premium'.");
        }
        if (family != null && !family.equalsIgnoreCase("A")) {
            throw VaultErrors.badRequest("An invalid value was given to parameter sku.family: '" + family + "'. Use 'A'.");
        }
        JsonObject out = new JsonObject();
        out.addProperty("family", "A");
        out.addProperty("name", name.toLowerCase(Locale.ROOT));
        return out;
    }

    private static JsonArray accessPolicies(JsonElement e) {
        if (e.isJsonNull()) {
            return new JsonArray();
        }
        if (!e.isJsonArray()) {
            throw ArmErrors.invalidRequestContent("'accessPolicies' must be an array");
        }
        for (JsonElement policy : e.getAsJsonArray()) {
            if (!policy.isJsonObject() || Json.string(policy.getAsJsonObject(), "objectId") == null
                    || Json.string(policy.getAsJsonObject(), "tenantId") == null) {
                throw VaultErrors.badRequest("Every access policy needs a 'tenantId', an 'objectId' and 'permissions'.");
            }
        }
        return e.getAsJsonArray().deepCopy();
    }

    private static void touch(JsonObject doc, Principal who) {
        JsonObject system = doc.getAsJsonObject("systemData");
        system.addProperty("lastModifiedBy", who.displayName());
        system.addProperty("lastModifiedByType", byType(who));
        system.addProperty("lastModifiedAt", Instant.now().toString());
    }

    private static String byType(Principal who) {
        return "ServicePrincipal".equals(who.type()) ? "Application" : "User";
    }

    private static boolean bool(JsonObject o, String member) {
        JsonElement e = o.get(member);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw ArmErrors.invalidRequestContent("'" + member + "' must be true or false");
        }
        return e.getAsBoolean();
    }

    private static JsonObject tags(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return new JsonObject();
        }
        if (!e.isJsonObject()) {
            throw ArmErrors.invalidRequestContent("'tags' must be an object of string values");
        }
        return e.getAsJsonObject().deepCopy();
    }

    private static String canonicalSubscription(StoredResource r) {
        return r.id().split("/")[2];
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
