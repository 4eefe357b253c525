package dev.amlsh.azure.ml;

import com.azure.core.http.HttpMethod;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.amlsh.azure.ArmRest;
import java.util.function.Consumer;

/**
 * Creates the private endpoint that {@code ml workspace create --pe-*} asks for: a
 * {@code Microsoft.Network/privateEndpoints} resource in the given subnet, connected to the
 * workspace (approved at once with {@code --pe-auto-approval}, else pending).
 *
 * <pre>{@code
 * new PrivateEndpoints(rest, sub).create(ws, new PrivateEndpointOptions("pe1", true, null, "vnet1", "default"), p -> {});
 * }</pre>
 */
final class PrivateEndpoints {
    static final String API_VERSION = "2023-09-01";
    private final ArmRest rest;
    private final String subscriptionId;

    PrivateEndpoints(ArmRest rest, String subscriptionId) {
        this.rest = rest;
        this.subscriptionId = subscriptionId;
    }

    void create(Workspace ws, PrivateEndpointOptions pe, Consumer<String> progress) {
        String group = pe.group() == null ? ws.resourceGroup() : pe.group();
        String subnet = "/subscriptions/" + subscriptionId + "/resourceGroups/" + group
                + "/providers/Microsoft.Network/virtualNetworks/" + pe.vnet() + "/subnets/"
                + (pe.subnet() == null ? "default" : pe.subnet());
        JsonObject connectionProperties = new JsonObject();
        connectionProperties.addProperty("privateLinkServiceId", ws.id().id());
        JsonArray groupIds = new JsonArray();
        groupIds.add("amlworkspace");
        connectionProperties.add("groupIds", groupIds);
        JsonObject connection = new JsonObject();
        connection.addProperty("name", pe.name());
        connection.add("properties", connectionProperties);
        JsonArray connections = new JsonArray();
        connections.add(connection);
        JsonObject subnetRef = new JsonObject();
        subnetRef.addProperty("id", subnet);
        JsonObject properties = new JsonObject();
        properties.add("subnet", subnetRef);
        properties.add(pe.autoApproval() ? "privateLinkServiceConnections" : "manualPrivateLinkServiceConnections", connections);
        JsonObject body = new JsonObject();
        body.addProperty("location", ws.location());
        body.add("properties", properties);
        progress.accept("Creating private endpoint " + pe.name() + " ...");
        String path = "/subscriptions/" + subscriptionId + "/resourceGroups/" + group
                + "/providers/Microsoft.Network/privateEndpoints/" + pe.name();
        rest.beginLro(HttpMethod.PUT, path, API_VERSION, body).getFinalResult();
    }
}
