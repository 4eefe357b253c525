package dev.amlsh.azure;

import dev.amlsh.core.AmlshException;

import com.azure.core.http.HttpMethod;
import com.azure.core.management.exception.ManagementException;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Resource groups of one subscription, in the shapes {@code az group} prints, through
 * {@link ArmRest} on the connection's SDK pipeline (the resources module's generated client and
 * its serializer cost a one-shot {@code group show} about a third of its start-up).
 *
 * <pre>{@code
 * JsonObject rg = azure.groups(null).create("rg1", "eastus", Map.of());
 * }</pre>
 */
public final class ResourceGroupService {
    /** The version azure-resourcemanager-resources speaks for resource groups. */
    static final String API_VERSION = "2025-04-01";
    private final Supplier<ArmRest> rest;
    private final String subscriptionId;

    ResourceGroupService(Supplier<ArmRest> rest, String subscriptionId) {
        this.rest = rest;
        this.subscriptionId = subscriptionId;
    }

    public JsonObject create(String name, String location, Map<String, String> tags) {
        Names.checkResourceGroup(name);
        JsonObject body = new JsonObject();
        body.addProperty("location", location);
        if (!tags.isEmpty()) {
            body.add("tags", AzJson.map(tags));
        }
        return shape(rest.get().send(HttpMethod.PUT, path(name), API_VERSION, body));
    }

    public JsonObject show(String name) {
        Names.checkResourceGroup(name);
        return shape(rest.get().get(path(name), API_VERSION));
    }

    /** The group as {@link #show} prints it, or empty when it does not exist. */
    public java.util.Optional<JsonObject> find(String name) {
        Names.checkResourceGroup(name);
        try {
            return java.util.Optional.of(show(name));
        } catch (ManagementException e) {
            if (notFound(e)) {
                return java.util.Optional.empty();
            }
            throw e;
        }
    }

    /** ARM's check: HEAD answers 204 for a group that exists, 404 for one that does not. */
    public boolean exists(String name) {
        Names.checkResourceGroup(name);
        try {
            rest.get().send(HttpMethod.HEAD, path(name), API_VERSION, null);
            return true;
        } catch (ManagementException e) {
            if (notFound(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Every group, or those with a tag (and value), filtered by ARM as the SDK's {@code listByTag} asks. */
    public JsonArray list(String tagName, String tagValue) {
        String path = "/subscriptions/" + subscriptionId + "/resourcegroups";
        if (tagName != null) {
            String filter = tagValue == null ? "tagname eq '" + tagName + "'"
                    : "tagname eq '" + tagName + "' and tagvalue eq '" + tagValue + "'";
            path += "?$filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
        }
        JsonArray out = new JsonArray();
        rest.get().forEach(path, API_VERSION, g -> out.add(shape(g)));
        return out;
    }

    public JsonObject updateTags(String name, Map<String, String> tags) {
        Names.checkResourceGroup(name);
        JsonObject body = new JsonObject();
        body.add("tags", tags.isEmpty() ? new JsonObject() : AzJson.map(tags));
        return shape(rest.get().send(HttpMethod.PATCH, path(name), API_VERSION, body));
    }

    /** Deletes the group and everything in it; with {@code wait} false, returns once the service accepted. */
    public void delete(String name, boolean wait) {
        Names.checkResourceGroup(name);
        if (!exists(name)) {
            throw AmlshException.notFound("Resource group '" + name + "' could not be found.",
                    "See the groups with 'group list'.");
        }
        var poller = rest.get().beginLro(HttpMethod.DELETE, path(name), API_VERSION, null);
        if (wait) {
            ArmRest.waitFor(poller, "delete resource group '" + name + "'");
        }
    }

    private String path(String name) {
        return "/subscriptions/" + subscriptionId + "/resourcegroups/" + name;
    }

    private static boolean notFound(ManagementException e) {
        return e.getResponse() != null && e.getResponse().getStatusCode() == 404;
    }

    /** The object of the workflow's step 1: keys sorted, {@code type} and missing tags as null. */
    static JsonObject shape(JsonElement answer) {
        JsonObject group = answer.getAsJsonObject();
        JsonObject out = new JsonObject();
        out.add("id", value(group, "id"));
        out.add("location", value(group, "location"));
        out.add("managedBy", value(group, "managedBy"));
        out.add("name", value(group, "name"));
        JsonObject properties = new JsonObject();
        JsonElement given = group.get("properties");
        properties.add("provisioningState", given != null && given.isJsonObject()
                ? value(given.getAsJsonObject(), "provisioningState") : JsonNull.INSTANCE);
        out.add("properties", properties);
        JsonElement tags = group.get("tags");
        out.add("tags", tags == null || !tags.isJsonObject() || tags.getAsJsonObject().size() == 0 ? JsonNull.INSTANCE
                : sorted(tags.getAsJsonObject()));
        out.add("type", JsonNull.INSTANCE);
        return out;
    }

    private static JsonElement value(JsonObject o, String key) {
        JsonElement v = o.get(key);
        return v == null ? JsonNull.INSTANCE : v;
    }

    private static JsonObject sorted(JsonObject o) {
        JsonObject out = new JsonObject();
        new TreeMap<>(o.asMap()).forEach(out::add);
        return out;
    }
}
