package dev.amlsh.sandbox.provider.storage;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmRequest;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.arm.Json;
import dev.amlsh.sandbox.lro.Operation;
import dev.amlsh.sandbox.lro.OperationResult;
import dev.amlsh.sandbox.lro.OperationSpec;
import dev.amlsh.sandbox.provider.ProviderContext;
import dev.amlsh.sandbox.provider.resources.Locations;
import dev.amlsh.sandbox.store.StoredResource;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Create (a long-running PUT: 202, then the account), update by PUT or PATCH, and delete of
 * storage accounts, with the service's rules: global names, sku and kind values, immutable
 * {@code isHnsEnabled} and {@code kind}, a fixed location.
 *
 * <pre>{@code
 * StorageAccounts accounts = new StorageAccounts(ctx, names);
 * ArmResponse r = accounts.put(request); // 202 with Azure-AsyncOperation for a new account
 * }</pre>
 */
final class StorageAccounts {
    static final String CREATE_KIND = "storage.create";
    /** Properties a PATCH (or a PUT on an existing account) may change. */
    private static final Set<String> MUTABLE = Set.of("accessTier", "allowBlobPublicAccess", "allowSharedKeyAccess",
            "allowCrossTenantReplication", "minimumTlsVersion", "supportsHttpsTrafficOnly", "networkAcls", "encryption",
            "publicNetworkAccess", "defaultToOAuthAuthentication", "isSftpEnabled", "isLocalUserEnabled", "largeFileSharesState",
            "keyPolicy", "sasPolicy", "routingPreference", "customDomain", "azureFilesIdentityBasedAuthentication",
            "allowedCopyScope", "immutableStorageWithVersioning", "enableNfsV3", "dnsEndpointType");

    private final ProviderContext ctx;
    private final StorageNames names;

    StorageAccounts(ProviderContext ctx, StorageNames names) {
        this.ctx = ctx;
        this.names = names;
        ctx.lro().register(CREATE_KIND, op -> {
            StoredResource r = ctx.store().get(op.resourceId())
                    .orElseThrow(() -> ArmErrors.of(404, "StorageAccountNotFound", "The storage account was deleted while it was created."));
            JsonObject doc = r.json();
            doc.getAsJsonObject("properties").addProperty("provisioningState", "Succeeded");
            ctx.store().put(r.id(), doc);
            return OperationResult.ok(doc);
        });
    }

    static String id(String subscriptionId, String group, String name) {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + group + "/providers/" + StorageHandler.TYPE + "/" + name;
    }

    ArmResponse put(ArmRequest req) {
        String name = req.name();
        StorageRules.checkName(name);
        JsonObject body = req.bodyObject();
        String requested = Json.string(body, "location");
        if (requested == null || requested.isBlank()) {
            throw ArmErrors.locationRequired();
        }
        String location = Locations.resolve(requested).map(Locations.Region::name)
                .orElseThrow(() -> StorageErrors.locationNotAvailable(requested, StorageHandler.TYPE));
        String sku = StorageRules.sku(Json.string(object(body, "sku"), "name")).orElseThrow(() -> StorageErrors.invalidValues("sku"));
        String kind = StorageRules.kind(Json.string(body, "kind")).orElseThrow(() -> StorageErrors.invalidValues("kind"));
        JsonObject props = object(body, "properties");
        boolean hns = bool(props, "isHnsEnabled");
        StorageRules.checkCombination(kind, sku, hns);
        String id = id(req.subscriptionId(), req.resourceGroup(), name);
        return ctx.store().inTransaction(() -> {
            Optional<StoredResource> existing = ctx.store().get(id);
            if (existing.isPresent()) {
                JsonObject doc = existing.get().json();
                String old = Json.string(doc, "location");
                if (!old.equalsIgnoreCase(location)) {
                    throw StorageErrors.invalidResourceLocation(name, old, req.resourceGroup(), requested);
                }
                if (props.has("isHnsEnabled") && hns != bool(doc.getAsJsonObject("properties"), "isHnsEnabled")) {
                    throw StorageErrors.propertyCannotBeUpdated("isHnsEnabled");
                }
                StorageImmutability.check(props, doc.getAsJsonObject("properties"));
                JsonObject tags = body.has("tags") ? tags(body.get("tags")) : new JsonObject();
                identity(doc, body);
                update(doc, sku, kind, tags, props);
                doc.addProperty("id", id);
                ctx.store().put(id, doc);
                return ArmResponse.ok(doc);
            }
            StorageImmutability.check(props, null);
            names.requireFree(name, req.subscriptionId());
            Instant now = Instant.now();
            JsonObject doc = document(id, name, location, sku, kind, body.has("tags") ? tags(body.get("tags")) : new JsonObject(),
                    props, hns, now);
            identity(doc, body);
            ctx.store().put(id, doc);
            names.claim(name, id);
            StorageKeys.create(ctx.store(), id, now);
            Operation op = ctx.lro().start(new OperationSpec(CREATE_KIND, req.subscriptionId(), StorageHandler.NAMESPACE, location, id,
                    null));
            // As Microsoft.Storage answers a create: 202 with Location only (recorded), no Azure-AsyncOperation
            java.util.Map<String, String> h = ctx.lro().pollHeaders(op, req.endpoint(), req.apiVersion());
            return ArmResponse.of(202, null).withHeader("Location", h.get("Location")).withHeader("Retry-After", h.get("Retry-After"));
        });
    }

    ArmResponse patch(ArmRequest req) {
        JsonObject body = req.bodyObject();
        return ctx.store().inTransaction(() -> {
            JsonObject doc = require(req);
            String sku = body.has("sku") ? StorageRules.sku(Json.string(object(body, "sku"), "name"))
                    .orElseThrow(() -> StorageErrors.invalidValues("sku")) : doc.getAsJsonObject("sku").get("name").getAsString();
            String oldKind = Json.string(doc, "kind");
            String kind = oldKind;
            if (body.has("kind") && !body.get("kind").isJsonNull()) {
                kind = StorageRules.kind(Json.string(body, "kind")).orElseThrow(() -> StorageErrors.invalidValues("kind"));
                // The one change the service allows: upgrading a general-purpose v1 account to v2.
                if (!kind.equals(oldKind) && !(oldKind.equals("Storage") && kind.equals("StorageV2"))) {
                    throw StorageErrors.propertyCannotBeUpdated("kind");
                }
            }
            JsonObject props = object(body, "properties");
            if (props.has("isHnsEnabled")
                    && bool(props, "isHnsEnabled") != bool(doc.getAsJsonObject("properties"), "isHnsEnabled")) {
                throw StorageErrors.propertyCannotBeUpdated("isHnsEnabled");
            }
            StorageImmutability.check(props, doc.getAsJsonObject("properties"));
            JsonObject tags = body.has("tags") ? tags(body.get("tags")) : doc.getAsJsonObject("tags");
            identity(doc, body);
            update(doc, sku, kind, tags, props);
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
            forget(r.get());
            ctx.store().delete(r.get().id());
            return ArmResponse.ok(null);
        });
    }

    /** Drops what lives beside the document: the keys and the global name. */
    void forget(StoredResource r) {
        StorageKeys.delete(ctx.store(), r.id());
        names.release(r.name(), r.id());
    }

    ArmResponse listKeys(ArmRequest req) {
        JsonObject doc = require(req);
        String id = Json.string(doc, "id");
        return ArmResponse.ok(StorageKeys.read(ctx.store(), id).orElseGet(() -> StorageKeys.create(ctx.store(), id, Instant.now())));
    }

    ArmResponse regenerateKey(ArmRequest req) {
        JsonObject body = req.bodyObject();
        String keyName = Json.string(body, "keyName");
        if (keyName == null || !(keyName.equalsIgnoreCase("key1") || keyName.equalsIgnoreCase("key2"))) {
            throw StorageErrors.invalidKeyName(keyName);
        }
        String key = StorageRules.lower(keyName);
        return ctx.store().inTransaction(() -> {
            JsonObject doc = require(req);
            String id = Json.string(doc, "id");
            Instant now = Instant.now();
            JsonObject keys = StorageKeys.regenerate(ctx.store(), id, key, now);
            doc.getAsJsonObject("properties").getAsJsonObject("keyCreationTime").addProperty(key, now.toString());
            ctx.store().put(id, doc);
            return ArmResponse.ok(keys);
        });
    }

    private JsonObject require(ArmRequest req) {
        return ctx.store().get(id(req.subscriptionId(), req.resourceGroup(), req.name())).map(StoredResource::json)
                .orElseThrow(() -> StorageErrors.notFound(req.name(), req.resourceGroup()));
    }

    private static JsonObject document(String id, String name, String location, String sku, String kind, JsonObject tags,
                                       JsonObject requested, boolean hns, Instant now) {
        JsonObject doc = new JsonObject();
        doc.addProperty("id", id);
        doc.addProperty("name", name);
        doc.addProperty("type", StorageHandler.TYPE);
        doc.addProperty("location", location);
        doc.addProperty("kind", kind);
        doc.add("tags", tags);
        JsonObject p = new JsonObject();
        p.addProperty("allowBlobPublicAccess", false);
        p.addProperty("creationTime", now.toString());
        p.add("encryption", StorageRules.encryption(now));
        if (hns || requested != null && requested.has("isHnsEnabled")) {
            p.addProperty("isHnsEnabled", hns); // Azure leaves isHnsEnabled (and allowCrossTenantReplication) out until set
        }
        JsonObject keyTimes = new JsonObject();
        keyTimes.addProperty("key1", now.toString());
        keyTimes.addProperty("key2", now.toString());
        p.add("keyCreationTime", keyTimes);
        p.addProperty("minimumTlsVersion", "TLS1_2");
        p.add("networkAcls", StorageRules.networkAcls());
        p.addProperty("primaryLocation", location);
        p.add("privateEndpointConnections", new com.google.gson.JsonArray());
        p.addProperty("provisioningState", "Creating");
        p.addProperty("statusOfPrimary", "available");
        p.addProperty("supportsHttpsTrafficOnly", true);
        doc.add("properties", p);
        update(doc, sku, kind, tags, requested);
        return doc;
    }

    /** Applies the writable parts: sku, kind, tags and the mutable properties (read-only ones are ignored). */
    private static void update(JsonObject doc, String sku, String kind, JsonObject tags, JsonObject requested) {
        String name = Json.string(doc, "name");
        JsonObject p = doc.getAsJsonObject("properties");
        StorageRules.checkCombination(kind, sku, bool(p, "isHnsEnabled"));
        String tier = StorageRules.accessTier(kind, sku, Json.string(requested, "accessTier") == null
                ? Json.string(p, "accessTier") : Json.string(requested, "accessTier"));
        doc.add("sku", StorageRules.skuJson(sku));
        doc.addProperty("kind", kind);
        doc.add("tags", tags == null ? new JsonObject() : tags);
        for (var e : requested.entrySet()) {
            if (!MUTABLE.contains(e.getKey()) || e.getKey().equals("accessTier")) {
                continue;
            }
            if (e.getValue().isJsonObject() && p.has(e.getKey()) && p.get(e.getKey()).isJsonObject()) {
                Json.mergePatch(p.getAsJsonObject(e.getKey()), e.getValue().getAsJsonObject());
            } else if (e.getValue().isJsonNull()) {
                p.remove(e.getKey());
            } else {
                p.add(e.getKey(), e.getValue().deepCopy());
            }
        }
        p.remove("accessTier");
        if (tier != null) {
            p.addProperty("accessTier", tier);
        }
        p.add("primaryEndpoints", StorageRules.endpoints(name, "", kind)); // an upgrade to StorageV2 adds dfs and web
        StorageRules.addSecondary(p, name, sku, Json.string(doc, "location"), kind);
    }

    // Azure keeps the identity a client set (and its IDs); an account made without one has no member.
    private void identity(JsonObject doc, JsonObject body) {
        JsonObject old = doc.has("identity") && doc.get("identity").isJsonObject() ? doc.getAsJsonObject("identity") : null;
        JsonObject identity = StorageIdentity.of(body.get("identity"), old, ctx.tenantId());
        if (identity != null) {
            doc.add("identity", identity);
        }
    }

    private static JsonObject object(JsonObject o, String member) {
        JsonElement e = o == null ? null : o.get(member);
        if (e == null || e.isJsonNull()) {
            return new JsonObject();
        }
        if (!e.isJsonObject()) {
            throw ArmErrors.invalidRequestContent("'" + member + "' must be an object");
        }
        return e.getAsJsonObject();
    }

    private static boolean bool(JsonObject o, String member) {
        JsonElement e = o == null ? null : o.get(member);
        if (e == null || e.isJsonNull()) {
            return false;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw ArmErrors.invalidRequestContent("'" + member + "' must be true or false");
        }
        return e.getAsBoolean();
    }

    static JsonObject tags(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return new JsonObject();
        }
        if (!e.isJsonObject()) {
            throw ArmErrors.invalidRequestContent("'tags' must be an object of string values");
        }
        for (var entry : e.getAsJsonObject().entrySet()) {
            if (!entry.getValue().isJsonPrimitive()) {
                throw ArmErrors.invalidRequestContent("the value of tag '" + entry.getKey() + "' must be a string");
            }
        }
        return e.getAsJsonObject().deepCopy();
    }
}
