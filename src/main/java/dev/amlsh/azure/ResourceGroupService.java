package dev.amlsh.azure;

import dev.amlsh.core.AmlshException;

import com.azure.resourcemanager.resources.fluent.ResourceGroupsClient;
import com.azure.resourcemanager.resources.fluent.models.ResourceGroupInner;
import com.azure.resourcemanager.resources.fluentcore.utils.ResourceManagerUtils;
import com.azure.resourcemanager.resources.models.ResourceGroupPatchable;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Resource groups of the current subscription, in the shapes {@code az group} prints.
 *
 * <pre>{@code
 * JsonObject rg = azure.groups().create("rg1", "eastus", Map.of());
 * }</pre>
 */
public final class ResourceGroupService {
    private final Supplier<ResourceGroupsClient> groups;

    ResourceGroupService(Supplier<ResourceGroupsClient> groups) {
        this.groups = groups;
    }

    public JsonObject create(String name, String location, Map<String, String> tags) {
        Names.checkResourceGroup(name);
        ResourceGroupInner group = new ResourceGroupInner().withLocation(location);
        return shape(groups.get().createOrUpdate(name, tags.isEmpty() ? group : group.withTags(tags)));
    }

    public JsonObject show(String name) {
        Names.checkResourceGroup(name);
        return shape(groups.get().get(name));
    }

    /** The group as {@link #show} prints it, or empty when it does not exist. */
    public java.util.Optional<JsonObject> find(String name) {
        Names.checkResourceGroup(name);
        try {
            return java.util.Optional.of(shape(groups.get().get(name)));
        } catch (com.azure.core.management.exception.ManagementException e) {
            if (e.getResponse() != null && e.getResponse().getStatusCode() == 404) {
                return java.util.Optional.empty();
            }
            throw e;
        }
    }

    public boolean exists(String name) {
        Names.checkResourceGroup(name);
        return groups.get().checkExistence(name);
    }

    public JsonArray list(String tagName, String tagValue) {
        JsonArray out = new JsonArray();
        ResourceGroupsClient client = groups.get();
        (tagName == null ? client.list() : client.list(ResourceManagerUtils.createOdataFilterForTags(tagName, tagValue), null,
                com.azure.core.util.Context.NONE)).forEach(g -> out.add(shape(g)));
        return out;
    }

    public JsonObject updateTags(String name, Map<String, String> tags) {
        Names.checkResourceGroup(name);
        ResourceGroupInner updated = groups.get().update(name, new ResourceGroupPatchable().withTags(tags));
        return shape(updated);
    }

    /** Deletes the group and everything in it; with {@code wait} false, returns once the service accepted. */
    public void delete(String name, boolean wait) {
        Names.checkResourceGroup(name);
        ResourceGroupsClient client = groups.get();
        if (!client.checkExistence(name)) {
            throw AmlshException.notFound("Resource group '" + name + "' could not be found.",
                    "See the groups with 'group list'.");
        }
        if (wait) {
            client.delete(name);
        } else {
            client.beginDelete(name);
        }
    }

    /** The object of the workflow's step 1: keys sorted, {@code type} and missing tags as null. */
    static JsonObject shape(ResourceGroupInner group) {
        JsonObject out = new JsonObject();
        out.addProperty("id", group.id());
        out.addProperty("location", group.location());
        out.add("managedBy", AzJson.string(group.managedBy()));
        out.addProperty("name", group.name());
        JsonObject properties = new JsonObject();
        properties.addProperty("provisioningState",
                group.properties() == null ? null : group.properties().provisioningState());
        out.add("properties", properties);
        out.add("tags", AzJson.map(group.tags()));
        out.add("type", com.google.gson.JsonNull.INSTANCE);
        return out;
    }
}
