package dev.amlsh.sandbox.provider.insights;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmRequest;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.arm.Json;
import dev.amlsh.sandbox.provider.TrackedResourceSupport;
import dev.amlsh.sandbox.store.SandboxStore;
import dev.amlsh.sandbox.store.StoredResource;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Application Insights components as the service keeps them: PascalCase property names, keys the
 * service mints once ({@code AppId}, {@code InstrumentationKey}, {@code ConnectionString},
 * {@code CreationDate}) and keeps across PUTs, and IDs and type in the lower-case
 * {@code microsoft.insights} form the service answers with.
 *
 * <pre>{@code
 * Components components = new Components(store, tenantId);
 * ArmResponse created = components.put(req); // 200, for a new name and an existing one alike
 * }</pre>
 */
final class Components {
    static final String TYPE = "Microsoft.Insights/components";
    /** The service answers with the namespace in lower case, in {@code id} and {@code type} alike. */
    static final String WIRE_TYPE = "microsoft.insights/components";

    private final SandboxStore store;
    private final String tenantId;

    Components(SandboxStore store, String tenantId) {
        this.store = store;
        this.tenantId = tenantId;
    }

    ArmResponse put(ArmRequest req) {
        String name = req.name();
        checkName(name);
        JsonObject body = req.bodyObject();
        String location = TrackedResourceSupport.location(body, TYPE);
        String kind = Json.string(body, "kind");
        if (kind == null || kind.isBlank()) {
            throw ArmErrors.valueCannotBeNull("kind");
        }
        JsonElement p = body.get("properties");
        if (p == null || p.isJsonNull()) {
            throw ArmErrors.valueCannotBeNull("properties");
        }
        if (!p.isJsonObject()) {
            throw ArmErrors.invalidRequestContent("'properties' must be an object");
        }
        JsonObject requested = p.getAsJsonObject();
        String applicationType = Json.string(requested, "Application_Type");
        if (applicationType == null || applicationType.isBlank()) {
            throw ArmErrors.valueCannotBeNull("Application_Type");
        }
        if (!applicationType.equalsIgnoreCase("web") && !applicationType.equalsIgnoreCase("other")) {
            throw ArmErrors.invalidParameter("Application_Type", "The value '" + applicationType
                    + "' of 'Application_Type' is not valid. Valid values are 'web' and 'other'.");
        }
        JsonObject tags = TrackedResourceSupport.tags(body.get("tags"));
        String id = id(req);
        return store.inTransaction(() -> {
            Optional<JsonObject> existing = store.get(id).map(StoredResource::json);
            if (existing.isPresent() && !existing.get().get("location").getAsString().equalsIgnoreCase(location)) {
                throw ArmErrors.invalidResourceLocation(name, existing.get().get("location").getAsString(), req.resourceGroup(),
                        Json.string(body, "location"));
            }
            JsonObject doc = document(id, name, location, kind, tags, requested,
                    existing.map(e -> e.getAsJsonObject("properties")).orElse(null));
            store.put(id, doc);
            // The service answers 200 to a create as well: the 2020-02-02 spec lists no 201, and the SDK refuses one.
            return ArmResponse.ok(doc);
        });
    }

    ArmResponse get(ArmRequest req) {
        return ArmResponse.ok(require(req));
    }

    /** {@code PATCH} with {@code {"tags": {...}}}: the tag map is replaced wholesale, nothing else changes. */
    ArmResponse patchTags(ArmRequest req) {
        JsonObject body = req.bodyObject();
        JsonObject tags = TrackedResourceSupport.tags(body.get("tags"));
        return store.inTransaction(() -> {
            JsonObject doc = require(req);
            doc.add("tags", tags == null ? new JsonObject() : tags);
            doc.addProperty("etag", etag());
            store.put(doc.get("id").getAsString(), doc);
            return ArmResponse.ok(doc);
        });
    }

    ArmResponse delete(ArmRequest req, ComponentApiKeys keys) {
        return store.inTransaction(() -> {
            if (!store.delete(id(req))) {
                return ArmResponse.noContent();
            }
            keys.forget(id(req));
            return ArmResponse.ok(null);
        });
    }

    JsonObject require(ArmRequest req) {
        return require(req.name(), req);
    }

    /** The component {@code name} of the request's group, or {@code ResourceNotFound}. */
    JsonObject require(String name, ArmRequest req) {
        return store.get(id(req, name)).map(StoredResource::json)
                .orElseThrow(() -> ArmErrors.resourceNotFound(TYPE, name, req.resourceGroup()));
    }

    /** The service's component lists always carry {@code nextLink}, null on the last page. */
    static ArmResponse withNextLink(ArmResponse list) {
        JsonObject body = list.body().getAsJsonObject();
        if (!body.has("nextLink")) {
            body.add("nextLink", JsonNull.INSTANCE);
        }
        return list;
    }

    private static String id(ArmRequest req) {
        return id(req, req.name());
    }

    private static String id(ArmRequest req, String name) {
        return "/subscriptions/" + req.subscriptionId() + "/resourceGroups/" + req.resourceGroup()
                + "/providers/microsoft.insights/components/" + name;
    }

    private JsonObject document(String id, String name, String location, String kind, JsonObject tags, JsonObject requested,
                                JsonObject previous) {
        JsonObject doc = new JsonObject();
        doc.addProperty("id", id);
        doc.addProperty("name", name);
        doc.addProperty("type", WIRE_TYPE);
        doc.addProperty("location", location);
        doc.add("tags", tags == null ? new JsonObject() : tags);
        doc.addProperty("kind", kind);
        doc.addProperty("etag", etag());
        String appId = kept(previous, "AppId", UUID.randomUUID().toString());
        String key = kept(previous, "InstrumentationKey", UUID.randomUUID().toString());
        JsonObject p = new JsonObject();
        p.addProperty("ApplicationId", name);
        p.addProperty("AppId", appId);
        p.addProperty("Application_Type", Json.string(requested, "Application_Type").toLowerCase(Locale.ROOT));
        p.add("Flow_Type", given(requested, "Flow_Type"));
        p.add("Request_Source", given(requested, "Request_Source"));
        p.addProperty("InstrumentationKey", key);
        p.addProperty("ConnectionString", "InstrumentationKey=" + key + ";IngestionEndpoint=https://" + location
                + "-0.in.applicationinsights.azure.com/;LiveEndpoint=https://" + location
                + ".livediagnostics.monitor.azure.com/;ApplicationId=" + appId);
        p.addProperty("Name", name);
        p.addProperty("CreationDate", kept(previous, "CreationDate", TrackedResourceSupport.now()));
        p.addProperty("TenantId", tenantId);
        p.addProperty("provisioningState", "Succeeded");
        // as Azure answers: SamplingPercentage null until set; DisableIpMasking, DisableLocalAuth and
        // ForceCustomerStorageForProfiler only once set; Retention (ISO 8601) once RetentionInDays was asked for,
        // and both kept by PUTs that leave them out; Ver v2
        p.add("SamplingPercentage", orDefault(requested, "SamplingPercentage", com.google.gson.JsonNull.INSTANCE));
        JsonElement days = requested.get("RetentionInDays");
        boolean daysGiven = days != null && days.isJsonPrimitive();
        p.add("RetentionInDays", daysGiven ? days.deepCopy()
                : previous != null && previous.has("RetentionInDays") ? previous.get("RetentionInDays").deepCopy()
                : new JsonPrimitive(90));
        if (daysGiven) {
            p.addProperty("Retention", "P" + days.getAsInt() + "D");
        } else if (previous != null && previous.has("Retention")) {
            p.add("Retention", previous.get("Retention").deepCopy());
        }
        optional(p, requested, "DisableIpMasking");
        // a component linked to a Log Analytics workspace stays linked (no PUT takes it back to classic);
        // LaMigrationDate marks when a classic component was moved to a workspace (not one created linked)
        String before = previous == null ? null : Json.string(previous, "WorkspaceResourceId");
        String workspace = Json.string(requested, "WorkspaceResourceId");
        workspace = workspace != null ? workspace : before;
        if (workspace != null) {
            p.addProperty("WorkspaceResourceId", workspace);
            if (previous != null && previous.has("LaMigrationDate")) {
                p.add("LaMigrationDate", previous.get("LaMigrationDate").deepCopy());
            } else if (previous != null && before == null) {
                p.addProperty("LaMigrationDate", TrackedResourceSupport.now());
            }
        }
        p.add("IngestionMode", workspace != null ? new JsonPrimitive("LogAnalytics")
                : orDefault(requested, "IngestionMode", new JsonPrimitive("ApplicationInsights")));
        p.add("publicNetworkAccessForIngestion", orDefault(requested, "publicNetworkAccessForIngestion",
                new JsonPrimitive("Enabled")));
        p.add("publicNetworkAccessForQuery", orDefault(requested, "publicNetworkAccessForQuery",
                new JsonPrimitive("Enabled")));
        optional(p, requested, "DisableLocalAuth");
        optional(p, requested, "ForceCustomerStorageForProfiler");
        p.addProperty("Ver", "v2");
        doc.add("properties", p);
        return doc;
    }

    /** 1-260 characters, none of {@code %&\?/} or control characters, not ending in a space or a period. */
    static void checkName(String name) {
        boolean bad = name.isEmpty() || name.length() > 260 || name.endsWith(" ") || name.endsWith(".")
                || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f || "%&\\?/".indexOf(c) >= 0);
        if (bad) {
            throw ArmErrors.invalidResourceName(name, "The name can be up to 260 characters long. It cannot contain '%', '&',"
                    + " '\\', '?', '/' or control characters, and cannot end with a space or a period.");
        }
    }

    private static void optional(JsonObject p, JsonObject requested, String member) {
        JsonElement e = requested == null ? null : requested.get(member);
        if (e != null && !e.isJsonNull()) {
            p.add(member, e.deepCopy());
        }
    }

    private static String kept(JsonObject previous, String member, String fresh) {
        String old = previous == null ? null : Json.string(previous, member);
        return old == null ? fresh : old;
    }

    private static JsonElement given(JsonObject requested, String member) {
        JsonElement e = requested.get(member);
        return e == null ? JsonNull.INSTANCE : e.deepCopy();
    }

    private static JsonElement orDefault(JsonObject requested, String member, JsonElement fallback) {
        JsonElement e = requested.get(member);
        return e == null || e.isJsonNull() ? fallback : e.deepCopy();
    }

    private static String etag() {
        return "\"" + UUID.randomUUID() + "\"";
    }
}
