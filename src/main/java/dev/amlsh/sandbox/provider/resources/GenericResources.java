package dev.amlsh.sandbox.provider.resources;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmPaging;
import dev.amlsh.sandbox.arm.ArmRequest;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.store.ResourceFilter;
import dev.amlsh.sandbox.store.SandboxStore;
import dev.amlsh.sandbox.store.StoredResource;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ARM's {@code Resources_List} and {@code Resources_ListByResourceGroup}: every top-level
 * resource of a subscription or group, whatever its provider, in the generic shape
 * {@code {id, name, type, kind?, sku?, location, managedBy?, tags?}}, paged with {@code nextLink},
 * optionally filtered by {@code $filter=resourceType eq 'Namespace/type'}. One call per
 * subscription tells a client everything that exists (amlsh's completion index uses it).
 *
 * <pre>{@code
 * GET /subscriptions/{s}/resources?api-version=2021-04-01&$filter=resourceType eq 'Microsoft.Storage/storageAccounts'
 * }</pre>
 */
public final class GenericResources {
    private static final Pattern TYPE_FILTER = Pattern.compile("^\\s*resourceType\\s+eq\\s+'([^']+)'\\s*$", Pattern.CASE_INSENSITIVE);
    private static final int BATCH = 500;
    private final SandboxStore store;

    public GenericResources(SandboxStore store) {
        this.store = store;
    }

    /** One page of the resources under the subscription, or under the group when {@code group} is not null. */
    public ArmResponse list(ArmRequest req, String subscriptionId, String group) {
        int size = ArmPaging.pageSize(req);
        ResourceFilter filter = group == null ? ResourceFilter.subscription(subscriptionId)
                : ResourceFilter.group(subscriptionId, group);
        String type = typeFilter(req.queryParam("$filter"));
        if (type != null) {
            filter = filter.ofType(type);
        }
        JsonArray values = new JsonArray();
        String after = req.queryParam("$skiptoken");
        String lastKey = null;
        boolean more = false;
        while (!more) {
            List<StoredResource> batch = store.list(filter, after, BATCH);
            for (StoredResource r : batch) {
                if (!isTopLevelInGroup(r)) {
                    continue;
                }
                if (values.size() == size) {
                    more = true;
                    break;
                }
                values.add(generic(r.json(), r.id()));
                lastKey = r.key();
            }
            if (batch.size() < BATCH) {
                break;
            }
            after = batch.get(batch.size() - 1).key();
        }
        return ArmResponse.ok(ArmPaging.page(values, req, more ? lastKey : null));
    }

    static String typeFilter(String filter) {
        if (filter == null || filter.isBlank()) {
            return null;
        }
        Matcher m = TYPE_FILTER.matcher(filter);
        if (!m.matches()) {
            throw ArmErrors.of(400, "InvalidFilterInQueryString", "The filter '" + filter
                    + "' is not supported here. Supported filter: \"resourceType eq 'Namespace/type'\".");
        }
        return m.group(1);
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

    private static JsonObject generic(JsonObject doc, String id) {
        JsonObject out = new JsonObject();
        out.addProperty("id", id);
        copy(doc, out, "name");
        copy(doc, out, "type");
        copy(doc, out, "kind");
        copy(doc, out, "sku");
        copy(doc, out, "location");
        copy(doc, out, "managedBy");
        copy(doc, out, "tags");
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
