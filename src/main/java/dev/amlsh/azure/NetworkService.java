package dev.amlsh.azure;

import dev.amlsh.core.ResourceId;

import com.azure.core.http.HttpMethod;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Virtual networks, so a workspace's private endpoint has a subnet to live in
 * ({@code network vnet create}); printed as the service sends them, with {@code resourceGroup}
 * added as the Azure CLI does.
 *
 * <pre>{@code
 * azure.networks(null).createVnet("rg1", "vnet1", "eastus", "10.0.0.0/16", "default", "10.0.0.0/24");
 * }</pre>
 */
public final class NetworkService {
    static final String API_VERSION = "2023-09-01";
    private final ArmRest rest;
    private final String subscriptionId;

    NetworkService(ArmRest rest, String subscriptionId) {
        this.rest = rest;
        this.subscriptionId = subscriptionId;
    }

    public JsonObject createVnet(String group, String name, String location, String addressPrefix, String subnet,
                                 String subnetPrefix) {
        Names.checkResourceGroup(group);
        JsonArray prefixes = new JsonArray();
        prefixes.add(addressPrefix);
        JsonObject addressSpace = new JsonObject();
        addressSpace.add("addressPrefixes", prefixes);
        JsonObject subnetProperties = new JsonObject();
        subnetProperties.addProperty("addressPrefix", subnetPrefix);
        JsonObject subnetJson = new JsonObject();
        subnetJson.addProperty("name", subnet);
        subnetJson.add("properties", subnetProperties);
        JsonArray subnets = new JsonArray();
        subnets.add(subnetJson);
        JsonObject properties = new JsonObject();
        properties.add("addressSpace", addressSpace);
        properties.add("subnets", subnets);
        JsonObject body = new JsonObject();
        body.addProperty("location", location);
        body.add("properties", properties);
        rest.beginLro(HttpMethod.PUT, path(group, name), API_VERSION, body).getFinalResult();
        return showVnet(group, name);
    }

    public JsonObject showVnet(String group, String name) {
        return withGroup(rest.get(path(group, name), API_VERSION).getAsJsonObject(), group);
    }

    public JsonArray listVnets(String group) {
        String scope = "/subscriptions/" + subscriptionId + (group == null ? "" : "/resourceGroups/" + group);
        JsonArray out = new JsonArray();
        rest.list(scope + "/providers/Microsoft.Network/virtualNetworks", API_VERSION)
                .forEach(v -> out.add(withGroup(v.getAsJsonObject(), ResourceId.parse(v.getAsJsonObject().get("id").getAsString(), "id").resourceGroup())));
        return out;
    }

    public void deleteVnet(String group, String name) {
        ArmRest.waitFor(rest.beginLro(HttpMethod.DELETE, path(group, name), API_VERSION, null), "delete virtual network " + name);
    }

    private String path(String group, String name) {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + group + "/providers/Microsoft.Network/virtualNetworks/" + name;
    }

    private static JsonObject withGroup(JsonObject resource, String group) {
        JsonObject out = resource.deepCopy();
        out.addProperty("resourceGroup", group);
        return AzJson.sorted(out).getAsJsonObject();
    }
}
