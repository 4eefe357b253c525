package dev.amlsh.sandbox.provider.resources;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmPaging;
import dev.amlsh.sandbox.arm.ArmRequest;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.arm.Json;
import dev.amlsh.sandbox.lro.LroEngine;
import dev.amlsh.sandbox.lro.Operation;
import dev.amlsh.sandbox.lro.OperationResult;
import dev.amlsh.sandbox.lro.OperationSpec;
import dev.amlsh.sandbox.provider.ProviderRegistry;
import dev.amlsh.sandbox.store.ResourceFilter;
import dev.amlsh.sandbox.store.SandboxStore;
import dev.amlsh.sandbox.store.StoredResource;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Resource groups: create or update, get, exists, patch, list with paging and tag filter, and
 * delete as a long-running operation that removes everything under the group.
 *
 * <pre>{@code
 * ResourceGroups groups = new ResourceGroups(store, lro, registry);
 * ArmResponse r = groups.put(request, "0b1f6471-...", "rg1"); // 201 then 200
 * }</pre>
 */
public final class ResourceGroups {
    public static final String TYPE = "Microsoft.Resources/resourceGroups";
    static final String DELETE_KIND = "resources.deleteGroup";
    private static final Pattern NAME = Pattern.compile("^[-\\w._()]+$", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern BAD_CHAR = Pattern.compile("[^-\\w._()]", Pattern.UNICODE_CHARACTER_CLASS);
    private static final String DELETING = "Deleting";

    private final SandboxStore store;
    private final LroEngine lro;

    public ResourceGroups(SandboxStore store, LroEngine lro, ProviderRegistry registry) {
        this.store = store;
        this.lro = lro;
        lro.register(DELETE_KIND, op -> {
            // Providers see their resources first (soft-delete bookkeeping), then the cascade removes them all.
            registry.beforeGroupDelete(store.listUnder(op.resourceId()));
            store.deleteUnder(op.resourceId());
            return new OperationResult(200, null);
        });
    }

    /** The ID of a group. */
    public static String id(String subscriptionId, String group) {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + group;
    }

    /** The group's document, if it exists. */
    public Optional<JsonObject> find(String subscriptionId, String group) {
        return store.get(id(subscriptionId, group)).map(StoredResource::json);
    }

    /** True while the group's delete operation runs. */
    public static boolean isDeleting(JsonObject group) {
        JsonObject p = group.getAsJsonObject("properties");
        return p != null && DELETING.equals(Json.string(p, "provisioningState"));
    }

    public ArmResponse put(ArmRequest req, String subscriptionId, String group) {
        validateName(group);
        JsonObject body = req.bodyObject();
        String requested = Json.string(body, "location");
        if (requested == null || requested.isBlank()) {
            throw ArmErrors.locationRequired();
        }
        String location = Locations.resolve(requested).map(Locations.Region::name)
                .orElseThrow(() -> ArmErrors.locationNotAvailableForResourceGroup(requested, Locations.names()));
        JsonObject tags = tags(body.get("tags"));
        return store.inTransaction(() -> {
            Optional<JsonObject> existing = find(subscriptionId, group);
            if (existing.isPresent()) {
                if (isDeleting(existing.get())) {
                    throw ArmErrors.resourceGroupBeingDeleted(group);
                }
                String old = Json.string(existing.get(), "location");
                if (!old.equalsIgnoreCase(location)) {
                    throw ArmErrors.invalidResourceGroupLocation(requested, old);
                }
            }
            JsonObject doc = document(subscriptionId, group, location, tags, Json.string(body, "managedBy"), "Succeeded");
            store.put(id(subscriptionId, group), doc);
            return existing.isPresent() ? ArmResponse.ok(doc) : ArmResponse.created(doc);
        });
    }

    public ArmResponse get(String subscriptionId, String group) {
        return ArmResponse.ok(require(subscriptionId, group));
    }

    public ArmResponse head(String subscriptionId, String group) {
        return find(subscriptionId, group).isPresent() ? ArmResponse.noContent() : ArmResponse.of(404, null);
    }

    public ArmResponse patch(ArmRequest req, String subscriptionId, String group) {
        JsonObject body = req.bodyObject();
        return store.inTransaction(() -> {
            JsonObject doc = require(subscriptionId, group);
            if (isDeleting(doc)) {
                throw ArmErrors.resourceGroupBeingDeleted(group);
            }
            String location = Json.string(body, "location");
            if (location != null && !Locations.resolve(location).map(r -> r.name().equalsIgnoreCase(Json.string(doc, "location")))
                    .orElse(false)) {
                throw ArmErrors.invalidResourceGroupLocation(location, Json.string(doc, "location"));
            }
            if (body.has("tags")) {
                // ARM replaces the tag map wholesale on PATCH; null removes it.
                JsonObject tags = tags(body.get("tags"));
                doc.remove("tags");
                if (tags != null) {
                    doc.add("tags", tags);
                }
            }
            if (body.has("managedBy")) {
                doc.remove("managedBy");
                String managedBy = Json.string(body, "managedBy");
                if (managedBy != null) {
                    doc.addProperty("managedBy", managedBy);
                }
            }
            doc.addProperty("name", group);
            doc.addProperty("id", id(subscriptionId, group));
            store.put(id(subscriptionId, group), doc);
            return ArmResponse.ok(doc);
        });
    }

    public ArmResponse delete(ArmRequest req, String subscriptionId, String group) {
        Operation op = store.inTransaction(() -> {
            JsonObject doc = require(subscriptionId, group);
            JsonObject props = new JsonObject();
            props.addProperty("provisioningState", DELETING);
            doc.add("properties", props);
            store.put(Json.string(doc, "id"), doc);
            return lro.start(new OperationSpec(DELETE_KIND, subscriptionId, "Microsoft.Resources", Json.string(doc, "location"),
                    Json.string(doc, "id"), null));
        });
        return lro.accepted(op, 202, null, req.endpoint(), req.apiVersion());
    }

    public ArmResponse list(ArmRequest req, String subscriptionId) {
        int size = ArmPaging.pageSize(req);
        TagFilter filter = TagFilter.parse(req.queryParam("$filter"));
        ResourceFilter byType = ResourceFilter.subscription(subscriptionId).ofType(TYPE);
        JsonArray values = new JsonArray();
        String after = req.queryParam("$skiptoken");
        String lastKey = null;
        boolean more = false;
        while (true) {
            List<StoredResource> batch = store.list(byType, after, 200);
            for (StoredResource r : batch) {
                JsonObject doc = r.json();
                if (!filter.matches(doc)) {
                    continue;
                }
                if (values.size() == size) {
                    more = true;
                    break;
                }
                values.add(doc);
                lastKey = r.key();
            }
            if (more || batch.size() < 200) {
                break;
            }
            after = batch.get(batch.size() - 1).key();
        }
        return ArmResponse.ok(ArmPaging.page(values, req, more ? lastKey : null));
    }

    private JsonObject require(String subscriptionId, String group) {
        return find(subscriptionId, group).orElseThrow(() -> ArmErrors.resourceGroupNotFound(group));
    }

    private static JsonObject document(String subscriptionId, String group, String location, JsonObject tags, String managedBy,
                                       String state) {
        JsonObject doc = new JsonObject();
        doc.addProperty("id", id(subscriptionId, group));
        doc.addProperty("name", group);
        doc.addProperty("type", TYPE);
        doc.addProperty("location", location);
        if (managedBy != null) {
            doc.addProperty("managedBy", managedBy);
        }
        if (tags != null) {
            doc.add("tags", tags);
        }
        JsonObject props = new JsonObject();
        props.addProperty("provisioningState", state);
        doc.add("properties", props);
        return doc;
    }

    static void validateName(String group) {
        if (group.isEmpty() || group.length() > 90) {
            throw ArmErrors.invalidResourceGroupName(group, "is invalid. The name must be 1 to 90 characters long.");
        }
        if (!NAME.matcher(group).matches()) {
            StringBuilder bad = new StringBuilder();
            BAD_CHAR.matcher(group).results().forEach(m -> {
                if (bad.indexOf(m.group()) < 0) {
                    bad.append(m.group());
                }
            });
            throw ArmErrors.invalidResourceGroupName(group, "has these invalid characters: '" + bad
                    + "'. The name can only be a letter, digit, '-', '.', '(', ')' or '_'.");
        }
        if (group.endsWith(".")) {
            throw ArmErrors.invalidResourceGroupName(group, "is invalid. The name cannot end with a period.");
        }
    }

    private static JsonObject tags(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return null;
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
