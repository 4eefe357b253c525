package dev.amlsh.sandbox.provider.containerregistry;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmRequest;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.provider.AsyncAnswers;
import dev.amlsh.sandbox.arm.Json;
import dev.amlsh.sandbox.lro.LroEngine;
import dev.amlsh.sandbox.lro.Operation;
import dev.amlsh.sandbox.lro.OperationResult;
import dev.amlsh.sandbox.lro.OperationSpec;
import dev.amlsh.sandbox.provider.TrackedResourceSupport;
import dev.amlsh.sandbox.store.SandboxStore;
import dev.amlsh.sandbox.store.StoredResource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Container registries: create (201 {@code Creating} finished by an operation, or 200 for an
 * existing one), get, update (SKU, admin user, tags), delete (an operation), with names unique
 * across every subscription of the sandbox (a registry's name is its DNS name).
 *
 * <pre>{@code
 * Registries registries = new Registries(store, lro);
 * ArmResponse r = registries.put(req); // 201 + Azure-AsyncOperation
 * }</pre>
 */
final class Registries {
    static final String TYPE = "Microsoft.ContainerRegistry/registries";
    static final String NAMESPACE = "Microsoft.ContainerRegistry";
    static final String NAME_RULE = "Registry names may contain only alpha numeric characters and must be between 5 and 50 characters.";
    static final List<String> SKUS = List.of("Basic", "Standard", "Premium");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9]{5,50}");
    private static final String CREATE = "containerregistry.create";
    private static final String DELETE = "containerregistry.delete";
    private static final String NAME_KEY = "acr-name:";

    private final SandboxStore store;
    private final LroEngine lro;
    private final String tenantId;

    Registries(SandboxStore store, LroEngine lro, String tenantId) {
        this.store = store;
        this.lro = lro;
        this.tenantId = tenantId;
        lro.register(CREATE, op -> {
            JsonObject doc = store.get(op.resourceId()).orElseThrow(() -> ArmErrors.conflict("The registry was deleted.")).json();
            doc.getAsJsonObject("properties").addProperty("provisioningState", "Succeeded");
            store.put(op.resourceId(), doc);
            return OperationResult.ok(doc);
        });
        lro.register(DELETE, op -> {
            store.get(op.resourceId()).ifPresent(r -> forget(r.json()));
            store.delete(op.resourceId());
            return new OperationResult(200, null);
        });
    }

    static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** The ID of the registry holding this name in any subscription (names are global), if any. */
    Optional<String> holderOf(String name) {
        return store.getValue(RegistryCredentials.SPACE, NAME_KEY + name.toLowerCase(Locale.ROOT));
    }

    ArmResponse put(ArmRequest req) {
        String name = req.name();
        if (!validName(name)) {
            throw ArmErrors.invalidResourceName(name, NAME_RULE);
        }
        JsonObject body = req.bodyObject();
        String location = TrackedResourceSupport.location(body, TYPE);
        String sku = sku(body.get("sku"), true);
        JsonObject tags = TrackedResourceSupport.tags(body.get("tags"));
        JsonObject requested = properties(body);
        JsonElement identity = body.get("identity");
        String id = id(req);
        return store.inTransaction(() -> {
            Optional<JsonObject> existing = store.get(id).map(StoredResource::json);
            if (existing.isPresent()) {
                JsonObject doc = existing.get();
                if (!doc.get("location").getAsString().equalsIgnoreCase(location)) {
                    throw ArmErrors.invalidResourceLocation(name, doc.get("location").getAsString(), req.resourceGroup(),
                            Json.string(body, "location"));
                }
                doc.addProperty("id", id);
                doc.addProperty("name", name);
                doc.add("tags", tags == null ? new JsonObject() : tags);
                doc.add("sku", skuJson(sku));
                doc.add("systemData", TrackedResourceSupport.systemData(req, doc.getAsJsonObject("systemData")));
                apply(doc.getAsJsonObject("properties"), requested, sku);
                RegistryIdentity.store(doc, RegistryIdentity.resolve(identity, doc.getAsJsonObject("identity"), tenantId, false));
                store.put(id, doc);
                // ACR answers a PUT on an existing registry as a create: 201 and an operation to poll.
                return AsyncAnswers.of(lro, req, NAMESPACE, location, id, 201, doc, false);
            }
            Optional<String> holder = holderOf(name);
            if (holder.isPresent()) {
                throw ArmErrors.registryNameInUse(name);
            }
            JsonObject doc = document(req, id, name, location, sku, tags, requested);
            RegistryIdentity.store(doc, RegistryIdentity.resolve(identity, null, tenantId, false));
            store.put(id, doc);
            store.putValue(RegistryCredentials.SPACE, NAME_KEY + name.toLowerCase(Locale.ROOT), id.toLowerCase(Locale.ROOT));
            RegistryCredentials.create(store, id, name);
            Operation op = lro.start(new OperationSpec(CREATE, req.subscriptionId(), NAMESPACE, location, id, null));
            java.util.Map<String, String> poll = lro.pollHeaders(op, req.endpoint(), req.apiVersion());
            return ArmResponse.of(201, doc).withHeader("Azure-AsyncOperation", poll.get("Azure-AsyncOperation"))
                    .withHeader("Retry-After", poll.get("Retry-After"));
        });
    }

    ArmResponse get(ArmRequest req) {
        return ArmResponse.ok(require(req));
    }

    /** {@code PATCH}: {@code sku}, {@code tags} (replaced wholesale) and the writable properties, merged. */
    ArmResponse patch(ArmRequest req) {
        JsonObject body = req.bodyObject();
        String sku = sku(body.get("sku"), false);
        JsonObject requested = properties(body);
        return store.inTransaction(() -> {
            JsonObject doc = require(req);
            if (sku != null) {
                doc.add("sku", skuJson(sku));
            }
            if (body.has("tags")) {
                JsonObject tags = TrackedResourceSupport.tags(body.get("tags"));
                doc.add("tags", tags == null ? new JsonObject() : tags);
            }
            String effectiveSku = doc.getAsJsonObject("sku").get("name").getAsString();
            apply(doc.getAsJsonObject("properties"), requested, effectiveSku);
            RegistryIdentity.store(doc, RegistryIdentity.resolve(body.get("identity"), doc.getAsJsonObject("identity"), tenantId, true));
            doc.add("systemData", TrackedResourceSupport.systemData(req, doc.getAsJsonObject("systemData")));
            store.put(doc.get("id").getAsString(), doc);
            // Changes that reprovision the registry (identity, SKU, anonymous pull) answer as ACR does:
            // 201 with an operation to poll; the others 200 at once.
            boolean reprovision = body.has("identity") || body.has("sku")
                    || requested != null && requested.has("anonymousPullEnabled");
            return reprovision ? AsyncAnswers.of(lro, req, NAMESPACE, doc.get("location").getAsString(), doc.get("id").getAsString(),
                    201, doc, false) : ArmResponse.ok(doc);
        });
    }

    /** {@code DELETE}: as ACR does, at once: 200 when it was there, 204 when not. */
    ArmResponse delete(ArmRequest req) {
        return store.inTransaction(() -> {
            Optional<JsonObject> found = store.get(id(req)).map(StoredResource::json);
            if (found.isEmpty()) {
                return ArmResponse.noContent();
            }
            forget(found.get());
            store.delete(found.get().get("id").getAsString());
            return ArmResponse.ok(null);
        });
    }

    /** Releases what a registry holds outside its document: its name and its credentials. */
    void forget(JsonObject doc) {
        store.deleteValue(RegistryCredentials.SPACE, NAME_KEY + doc.get("name").getAsString().toLowerCase(Locale.ROOT));
        RegistryCredentials.delete(store, doc.get("id").getAsString());
    }

    JsonObject require(ArmRequest req) {
        return store.get(id(req)).map(StoredResource::json)
                .orElseThrow(() -> ArmErrors.resourceNotFound(TYPE, req.name(), req.resourceGroup()));
    }

    static String id(ArmRequest req) {
        return "/subscriptions/" + req.subscriptionId() + "/resourceGroups/" + req.resourceGroup() + "/providers/" + TYPE
                + "/" + req.name();
    }

    private static JsonObject document(ArmRequest req, String id, String name, String location, String sku, JsonObject tags,
                                       JsonObject requested) {
        JsonObject doc = new JsonObject();
        doc.addProperty("id", id);
        doc.addProperty("name", name);
        doc.addProperty("type", TYPE);
        doc.addProperty("location", location);
        doc.add("tags", tags == null ? new JsonObject() : tags);
        doc.add("sku", skuJson(sku));
        doc.add("systemData", TrackedResourceSupport.systemData(req, null));
        String now = TrackedResourceSupport.now();
        JsonObject p = new JsonObject();
        p.addProperty("loginServer", name.toLowerCase(Locale.ROOT) + ".azurecr.io");
        p.addProperty("creationDate", now);
        p.addProperty("provisioningState", "Creating");
        p.addProperty("adminUserEnabled", false);
        JsonObject policies = new JsonObject();
        policies.add("quarantinePolicy", status("disabled"));
        JsonObject trust = status("disabled");
        trust.addProperty("type", "Notary");
        policies.add("trustPolicy", trust);
        JsonObject retention = status("disabled");
        retention.addProperty("days", 7);
        retention.addProperty("lastUpdatedTime", now);
        policies.add("retentionPolicy", retention);
        policies.add("exportPolicy", status("enabled"));
        p.add("policies", policies);
        p.add("encryption", status("disabled"));
        p.addProperty("dataEndpointEnabled", false);
        p.add("dataEndpointHostNames", new JsonArray());
        p.add("privateEndpointConnections", new JsonArray());
        p.addProperty("publicNetworkAccess", "Enabled");
        p.addProperty("networkRuleBypassOptions", "AzureServices");
        p.addProperty("zoneRedundancy", "Disabled");
        p.addProperty("anonymousPullEnabled", false);
        apply(p, requested, sku);
        doc.add("properties", p);
        return doc;
    }

    /** Merges the writable properties; network rules exist only on Premium, as in the service. */
    private static void apply(JsonObject p, JsonObject requested, String sku) {
        for (String flag : List.of("adminUserEnabled", "anonymousPullEnabled")) {
            JsonElement e = requested.get(flag);
            if (e != null && !e.isJsonNull()) {
                if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
                    throw ArmErrors.invalidRequestContent("'" + flag + "' must be true or false");
                }
                p.addProperty(flag, e.getAsBoolean());
            }
        }
        for (String text : List.of("publicNetworkAccess", "networkRuleBypassOptions")) {
            String v = Json.string(requested, text);
            if (v != null) {
                p.addProperty(text, v);
            }
        }
        if (sku.equals("Premium") && !p.has("networkRuleSet")) {
            JsonObject rules = new JsonObject();
            rules.addProperty("defaultAction", "Allow");
            rules.add("ipRules", new JsonArray());
            p.add("networkRuleSet", rules);
        } else if (!sku.equals("Premium")) {
            p.remove("networkRuleSet");
        }
    }

    private static JsonObject properties(JsonObject body) {
        JsonElement e = body.get("properties");
        if (e == null || e.isJsonNull()) {
            return new JsonObject();
        }
        if (!e.isJsonObject()) {
            throw ArmErrors.invalidRequestContent("'properties' must be an object");
        }
        return e.getAsJsonObject();
    }

    /** The canonical SKU name of a {@code sku} member; null when absent and not required. */
    private static String sku(JsonElement e, boolean required) {
        if (e == null || e.isJsonNull()) {
            if (required) {
                throw ArmErrors.invalidParameter("sku", "The 'sku' property is required. Valid SKUs are Basic, Standard and Premium.");
            }
            return null;
        }
        if (!e.isJsonObject()) {
            throw ArmErrors.invalidRequestContent("'sku' must be an object");
        }
        String name = Json.string(e.getAsJsonObject(), "name");
        return SKUS.stream().filter(s -> s.equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> ArmErrors.invalidRegistrySku(String.valueOf(name)));
    }

    private static JsonObject skuJson(String sku) {
        JsonObject o = new JsonObject();
        o.addProperty("name", sku);
        o.addProperty("tier", sku);
        return o;
    }

    private static JsonObject status(String value) {
        JsonObject o = new JsonObject();
        o.addProperty("status", value);
        return o;
    }
}
