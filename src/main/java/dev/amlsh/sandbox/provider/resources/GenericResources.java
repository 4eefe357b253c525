package dev.amlsh.sandbox.provider.resources;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmPaging;
import dev.amlsh.sandbox.arm.ArmRequest;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.store.ResourceFilter;
import dev.amlsh.sandbox.store.SandboxStore;
import dev.amlsh.sandbox.store.StoredResource;
import java.util.List;

/**
 * ARM's {@code Resources_List} and {@code Resources_ListByResourceGroup}: every top-level
 * resource of a subscription or group, whatever its provider, in the generic shape
 * {@code {id, name, type, kind?, sku?, location, managedBy?, tags?, identity?, systemData?}}, paged with {@code nextLink}
 * ({@code $top} sets the page size), filtered by {@code $filter} ({@link ResourceQuery}), with
 * {@code $expand=createdTime,changedTime,provisioningState}. One call per subscription tells a client
 * everything that exists (amlsh's completion index uses it).
 *
 * <pre>{@code
 * GET /subscriptions/{s}/resources?api-version=2021-04-01&$filter=resourceGroup eq 'rg1' and resourceType eq 'Microsoft.Storage/storageAccounts'
 * }</pre>
 */
public final class GenericResources {
    private static final int BATCH = 500;
    private static final String SYSTEM_DATA_SINCE = "2020-06-01";
    private final SandboxStore store;

    public GenericResources(SandboxStore store) {
        this.store = store;
    }

    /** One page of the resources under the subscription, or under the group when {@code group} is not null. */
    public ArmResponse list(ArmRequest req, String subscriptionId, String group) {
        int size = ArmPaging.pageSize(req);
        ResourceFilter filter = group == null ? ResourceFilter.subscription(subscriptionId)
                : ResourceFilter.group(subscriptionId, group);
        ResourceQuery query = ResourceQuery.parse(req.queryParam("$filter"));
        if (query.type() != null) {
            filter = filter.ofType(query.type());
        }
        if (group == null && query.group() != null) {
            filter = ResourceFilter.group(subscriptionId, query.group()).ofType(query.type());
        }
        java.util.Set<String> expand = expand(req.queryParam("$expand"));
        JsonArray values = new JsonArray();
        String after = req.queryParam("$skiptoken");
        String lastKey = null;
        boolean more = false;
        while (!more) {
            List<StoredResource> batch = store.list(filter, after, BATCH);
            for (StoredResource r : batch) {
                if (!isTopLevelInGroup(r) || !query.matches(named(r), r.resourceGroup())) {
                    continue;
                }
                if (values.size() == size) {
                    more = true;
                    break;
                }
                values.add(expanded(generic(r.json(), r.id(), withSystemData(req.apiVersion())), r.json(), expand));
                lastKey = r.key();
            }
            if (batch.size() < BATCH) {
                break;
            }
            after = batch.get(batch.size() - 1).key();
        }
        return ArmResponse.ok(ArmPaging.page(values, req, more ? lastKey : null));
    }

    private static java.util.Set<String> expand(String expand) {
        java.util.Set<String> out = new java.util.HashSet<>();
        if (expand != null) {
            for (String e : expand.split(",")) {
                out.add(e.trim().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return out;
    }

    /** {@code $expand}: createdTime and changedTime from the resource's systemData, provisioningState from its properties. */
    private static JsonObject expanded(JsonObject out, JsonObject doc, java.util.Set<String> expand) {
        JsonObject system = doc.has("systemData") && doc.get("systemData").isJsonObject() ? doc.getAsJsonObject("systemData") : null;
        if (expand.contains("createdtime") && system != null && system.has("createdAt")) {
            out.add("createdTime", system.get("createdAt").deepCopy());
        }
        if (expand.contains("changedtime") && system != null && system.has("lastModifiedAt")) {
            out.add("changedTime", system.get("lastModifiedAt").deepCopy());
        }
        JsonObject props = doc.has("properties") && doc.get("properties").isJsonObject() ? doc.getAsJsonObject("properties") : null;
        if (expand.contains("provisioningstate") && props != null && props.has("provisioningState")) {
            out.add("provisioningState", props.get("provisioningState").deepCopy());
        }
        return out;
    }

    /** The document with its name, which ARM takes from the ID when a document lacks it. */
    private static JsonObject named(StoredResource r) {
        if (r.json().has("name")) {
            return r.json();
        }
        JsonObject copy = r.json().deepCopy();
        copy.addProperty("name", r.id().substring(r.id().lastIndexOf('/') + 1));
        return copy;
    }

    /**
     * Resources_List returns tracked resources directly in a group: not the groups themselves, not
     * child resources ({@code workspaces/computes}), not extension resources (role assignments).
     */
    private static boolean isTopLevelInGroup(StoredResource r) {
        if (r.resourceGroup() == null || r.type().indexOf('/') != r.type().lastIndexOf('/')
                || r.type().startsWith("microsoft.authorization/") || r.type().startsWith("microsoft.resources/")) {
            return false;
        }
        String[] seg = r.key().substring(1).split("/");
        return seg.length == 8 && seg[4].equals("providers");
    }

    /**
     * Azure's generic list leaves {@code systemData} out at old api-versions (recorded: none at
     * 2015-11-01 for a vault whose own GET has it; present at 2022-09-01); sent from 2020-06-01,
     * the first Resources version after ARM introduced systemData.
     */
    static boolean withSystemData(String apiVersion) {
        return apiVersion == null || apiVersion.compareTo(SYSTEM_DATA_SINCE) >= 0;
    }

    private static JsonObject generic(JsonObject doc, String id, boolean systemData) {
        JsonObject out = new JsonObject();
        out.addProperty("id", id);
        copy(doc, out, "name");
        copy(doc, out, "type");
        copy(doc, out, "kind");
        copy(doc, out, "sku");
        copy(doc, out, "location");
        copy(doc, out, "managedBy");
        copy(doc, out, "tags");
        copy(doc, out, "identity"); // Azure's generic list carries a resource's identity, and systemData at newer versions
        if (systemData) {
            copy(doc, out, "systemData");
        }
        if (!out.has("name")) {
            out.addProperty("name", id.substring(id.lastIndexOf('/') + 1));
        }
        return out;
    }

    private static void copy(JsonObject from, JsonObject to, String key) {
        JsonElement value = from.get(key);
        if (value != null && !value.isJsonNull()) {
            to.add(key, value.deepCopy());
        }
    }
}
