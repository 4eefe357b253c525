package dev.amlsh.sandbox.provider.ml;

import dev.amlsh.sandbox.provider.network.NetworkErrors;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.arm.Json;
import dev.amlsh.sandbox.provider.resources.Locations;
import dev.amlsh.sandbox.store.SandboxStore;
import dev.amlsh.sandbox.store.StoredResource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Private endpoint connections of workspaces: the Network provider connects and disconnects
 * private endpoints here (the workspace's rules apply: group {@code amlworkspace}, no private link
 * in Azure Government regions); the workspace side lists, approves or rejects, and deletes them.
 *
 * <pre>{@code
 * JsonObject state = privateLinks.connect(workspaceId, peId, "pe1", List.of("amlworkspace"), true, null);
 * state.get("status"); // "Approved"
 * }</pre>
 */
public final class PrivateLinks {
    /** The private link group a workspace offers. */
    public static final String GROUP_ID = "amlworkspace";
    private static final String CONNECTIONS = "privateEndpointConnections";
    private static final String WORKSPACE_TYPE = WorkspaceDocs.lower(WorkspaceDocs.TYPE);

    private final SandboxStore store;

    public PrivateLinks(SandboxStore store) {
        this.store = store;
    }

    /**
     * Adds (or replaces) the connection of a private endpoint to a workspace and returns the
     * connection state the endpoint shows: Approved for an automatic connection, Pending for a manual one.
     */
    public JsonObject connect(String workspaceId, String endpointId, String endpointName, List<String> groupIds, boolean approved,
                              String requestMessage) {
        JsonObject ws = store.get(workspaceId).filter(r -> r.type().equals(WORKSPACE_TYPE)).map(StoredResource::json)
                .orElseThrow(() -> NetworkErrors.invalidResourceReference(workspaceId, endpointId));
        if (groupIds.isEmpty()) {
            throw WorkspaceErrors.invalidPrivateLinkGroupId("");
        }
        for (String g : groupIds) {
            if (!GROUP_ID.equalsIgnoreCase(g)) {
                throw WorkspaceErrors.invalidPrivateLinkGroupId(g);
            }
        }
        String location = Json.string(ws, "location");
        if (Locations.isGovernment(location)) {
            throw WorkspaceErrors.privateLinkNotInGovernment(Json.string(ws, "name"), location);
        }
        JsonArray connections = connections(ws);
        removeEndpoint(connections, endpointId);
        JsonObject state = new JsonObject();
        state.addProperty("status", approved ? "Approved" : "Pending");
        state.addProperty("description", approved ? "Auto-Approved" : requestMessage == null ? "" : requestMessage);
        state.addProperty("actionsRequired", "None");
        String name = endpointName + "." + UUID.randomUUID();
        JsonObject c = new JsonObject();
        c.addProperty("id", Json.string(ws, "id") + "/" + CONNECTIONS + "/" + name);
        c.addProperty("name", name);
        c.addProperty("type", WorkspaceDocs.TYPE + "/" + CONNECTIONS);
        c.addProperty("location", location);
        JsonObject p = new JsonObject();
        JsonObject pe = new JsonObject();
        pe.addProperty("id", endpointId);
        p.add("privateEndpoint", pe);
        p.add("privateLinkServiceConnectionState", state.deepCopy());
        p.addProperty("provisioningState", "Succeeded");
        c.add("properties", p);
        connections.add(c);
        save(ws, connections);
        return state;
    }

    /** Removes the connections of a private endpoint (it is being deleted). */
    public void disconnect(String workspaceId, String endpointId) {
        store.get(workspaceId).filter(r -> r.type().equals(WORKSPACE_TYPE)).map(StoredResource::json).ifPresent(ws -> {
            JsonArray connections = connections(ws);
            if (removeEndpoint(connections, endpointId)) {
                save(ws, connections);
            }
        });
    }

    ArmResponse list(JsonObject ws) {
        JsonObject out = new JsonObject();
        out.add("value", connections(ws));
        return ArmResponse.ok(out);
    }

    ArmResponse get(JsonObject ws, String name, String group) {
        return ArmResponse.ok(find(ws, name).orElseThrow(() -> notFound(ws, name, group)));
    }

    /** Approves or rejects a connection ({@code PrivateEndpointConnections_CreateOrUpdate}). */
    ArmResponse put(JsonObject ws, String name, JsonObject body, String group) {
        JsonObject c = find(ws, name).orElseThrow(() -> notFound(ws, name, group));
        JsonObject given = WorkspaceDocs.object(WorkspaceDocs.object(body, "properties"), "privateLinkServiceConnectionState");
        String status = Json.string(given, "status");
        if (status == null || !List.of("Approved", "Rejected", "Pending", "Disconnected").contains(status)) {
            throw WorkspaceErrors.workspaceBadRequest("properties.privateLinkServiceConnectionState.status", "The connection status '"
                    + status + "' is not valid; use Approved, Rejected, Pending or Disconnected.");
        }
        JsonObject state = c.getAsJsonObject("properties").getAsJsonObject("privateLinkServiceConnectionState");
        state.addProperty("status", status);
        String description = Json.string(given, "description");
        state.addProperty("description", description == null ? "" : description);
        JsonArray connections = connections(ws);
        for (int i = 0; i < connections.size(); i++) {
            if (Json.string(connections.get(i).getAsJsonObject(), "name").equalsIgnoreCase(name)) {
                connections.set(i, c);
            }
        }
        save(ws, connections);
        mirror(endpointOf(c), Json.string(ws, "id"), state);
        return ArmResponse.ok(c);
    }

    /** 200 when the connection existed, 204 when not; the private endpoint then shows Disconnected. */
    ArmResponse delete(JsonObject ws, String name) {
        Optional<JsonObject> c = find(ws, name);
        if (c.isEmpty()) {
            return ArmResponse.noContent();
        }
        JsonArray connections = connections(ws);
        connections.remove(indexOf(connections, name));
        save(ws, connections);
        JsonObject state = new JsonObject();
        state.addProperty("status", "Disconnected");
        state.addProperty("description", "The private endpoint connection was deleted from the workspace.");
        state.addProperty("actionsRequired", "None");
        mirror(endpointOf(c.get()), Json.string(ws, "id"), state);
        return ArmResponse.ok(null);
    }

    /** Shows the workspace's decision on the private endpoint's side. */
    private void mirror(String endpointId, String workspaceId, JsonObject state) {
        store.get(endpointId).map(StoredResource::json).ifPresent(pe -> {
            JsonObject p = WorkspaceDocs.properties(pe);
            for (String list : new String[] {"privateLinkServiceConnections", "manualPrivateLinkServiceConnections"}) {
                JsonArray a = p.has(list) && p.get(list).isJsonArray() ? p.getAsJsonArray(list) : new JsonArray();
                for (JsonElement e : a) {
                    JsonObject cp = e.getAsJsonObject().getAsJsonObject("properties");
                    if (cp != null && workspaceId.equalsIgnoreCase(Json.string(cp, "privateLinkServiceId"))) {
                        cp.add("privateLinkServiceConnectionState", state.deepCopy());
                    }
                }
            }
            store.put(Json.string(pe, "id"), pe);
        });
    }

    private static String endpointOf(JsonObject connection) {
        return Json.string(connection.getAsJsonObject("properties").getAsJsonObject("privateEndpoint"), "id");
    }

    private void save(JsonObject ws, JsonArray connections) {
        JsonObject p = WorkspaceDocs.properties(ws);
        if (connections.isEmpty()) {
            p.remove(CONNECTIONS); // Azure leaves the member out while there is no connection
        } else {
            p.add(CONNECTIONS, connections);
        }
        p.addProperty("privateLinkCount", connections.size());
        store.put(Json.string(ws, "id"), ws);
    }

    private static JsonArray connections(JsonObject ws) {
        JsonElement e = WorkspaceDocs.properties(ws).get(CONNECTIONS);
        return e != null && e.isJsonArray() ? e.getAsJsonArray().deepCopy() : new JsonArray();
    }

    private static Optional<JsonObject> find(JsonObject ws, String name) {
        for (JsonElement e : connections(ws)) {
            if (Json.string(e.getAsJsonObject(), "name").equalsIgnoreCase(name)) {
                return Optional.of(e.getAsJsonObject());
            }
        }
        return Optional.empty();
    }

    private static int indexOf(JsonArray connections, String name) {
        for (int i = 0; i < connections.size(); i++) {
            if (Json.string(connections.get(i).getAsJsonObject(), "name").equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean removeEndpoint(JsonArray connections, String endpointId) {
        boolean removed = false;
        for (int i = connections.size() - 1; i >= 0; i--) {
            if (endpointId.equalsIgnoreCase(endpointOf(connections.get(i).getAsJsonObject()))) {
                connections.remove(i);
                removed = true;
            }
        }
        return removed;
    }

    private static RuntimeException notFound(JsonObject ws, String name, String group) {
        return ArmErrors.resourceNotFound(WorkspaceDocs.TYPE, Json.string(ws, "name") + "/" + CONNECTIONS + "/" + name, group);
    }
}
