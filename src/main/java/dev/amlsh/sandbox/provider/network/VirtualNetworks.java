package dev.amlsh.sandbox.provider.network;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmRequest;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.arm.Json;
import dev.amlsh.sandbox.store.SandboxStore;
import dev.amlsh.sandbox.store.StoredResource;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Virtual networks with their subnets inline (what a private endpoint needs): PUT (201/200), GET,
 * lists, DELETE (200/204; refused while a private endpoint uses a subnet), and subnets as their own
 * resources (GET, PUT, DELETE). The handler turns writes into Network's asynchronous answers.
 */
final class VirtualNetworks {
    private final SandboxStore store;

    VirtualNetworks(SandboxStore store) {
        this.store = store;
    }

    ArmResponse put(ArmRequest req) {
        String name = req.name();
        NetworkDocs.checkName(name);
        JsonObject body = req.bodyObject();
        String location = NetworkDocs.location(body, NetworkDocs.VNET_TYPE);
        String id = NetworkDocs.id(req.subscriptionId(), req.resourceGroup(), NetworkDocs.VNET_TYPE, name);
        JsonObject given = NetworkDocs.object(body, "properties");
        JsonArray prefixes = NetworkDocs.array(NetworkDocs.object(given, "addressSpace"), "addressPrefixes");
        if (prefixes.isEmpty()) {
            throw NetworkErrors.invalidRequestFormat("Virtual network " + id
                    + " must have at least one address prefix in properties.addressSpace.addressPrefixes, e.g. 10.0.0.0/16.");
        }
        JsonArray subnets = subnets(id, location, NetworkDocs.array(given, "subnets"));
        return store.inTransaction(() -> {
            Optional<StoredResource> existing = store.get(id);
            if (existing.isPresent()) {
                checkRemovedSubnetsUnused(req, existing.get().json(), subnets);
            }
            JsonObject doc = new JsonObject();
            doc.addProperty("id", id);
            doc.addProperty("name", name);
            doc.addProperty("type", NetworkDocs.VNET_TYPE);
            doc.addProperty("location", location);
            if (body.has("tags") && body.get("tags").isJsonObject()) {
                doc.add("tags", body.get("tags").deepCopy());
            }
            doc.addProperty("etag", NetworkDocs.etag());
            JsonObject p = new JsonObject();
            p.addProperty("provisioningState", "Succeeded");
            p.addProperty("resourceGuid", existing.map(r -> Json.string(r.json().getAsJsonObject("properties"), "resourceGuid"))
                    .orElse(UUID.randomUUID().toString()));
            JsonObject space = new JsonObject();
            space.add("addressPrefixes", prefixes.deepCopy());
            p.add("addressSpace", space);
            JsonObject dhcp = NetworkDocs.object(given, "dhcpOptions"); // Azure answers dhcpOptions once a client sent them
            if (dhcp != null) {
                JsonObject kept = new JsonObject();
                kept.add("dnsServers", NetworkDocs.array(dhcp, "dnsServers").deepCopy());
                p.add("dhcpOptions", kept);
            }
            p.add("subnets", subnets);
            p.add("virtualNetworkPeerings", new JsonArray());
            p.addProperty("enableDdosProtection", false);
            doc.add("properties", p);
            store.put(id, doc);
            return existing.isPresent() ? ArmResponse.ok(doc) : ArmResponse.created(doc);
        });
    }

    ArmResponse get(ArmRequest req) {
        return ArmResponse.ok(require(req, req.names().get(0)));
    }

    ArmResponse delete(ArmRequest req) {
        String id = NetworkDocs.id(req.subscriptionId(), req.resourceGroup(), NetworkDocs.VNET_TYPE, req.name());
        return store.inTransaction(() -> {
            if (store.get(id).isEmpty()) {
                return ArmResponse.noContent();
            }
            List<JsonObject> users = NetworkDocs.endpointsIn(store, req.subscriptionId(), id + "/subnets/");
            if (!users.isEmpty()) {
                String subnet = Json.string(users.get(0).getAsJsonObject("properties").getAsJsonObject("subnet"), "id");
                throw NetworkErrors.inUseSubnetCannotBeDeleted(subnet.substring(subnet.lastIndexOf('/') + 1), Json.string(users.get(0), "id"));
            }
            store.delete(id);
            return ArmResponse.ok(null);
        });
    }

    ArmResponse subnets(ArmRequest req) {
        JsonObject vnet = require(req, req.names().get(0));
        if (req.isCollection()) {
            JsonObject out = new JsonObject();
            out.add("value", vnet.getAsJsonObject("properties").getAsJsonArray("subnets"));
            return ArmResponse.ok(out);
        }
        return ArmResponse.ok(subnet(vnet, req.name()).orElseThrow(() -> NetworkErrors.networkNotFound(req.resourceId())));
    }

    /** PUT of one subnet as its own resource: added to (201) or replaced in (200) its network. */
    ArmResponse putSubnet(ArmRequest req) {
        String vnetName = req.names().get(0);
        String name = req.name();
        JsonObject given = new JsonObject();
        given.addProperty("name", name);
        JsonObject props = NetworkDocs.object(req.bodyObject(), "properties");
        given.add("properties", props == null ? new JsonObject() : props.deepCopy());
        String vnetId = NetworkDocs.id(req.subscriptionId(), req.resourceGroup(), NetworkDocs.VNET_TYPE, vnetName);
        JsonArray one = new JsonArray();
        one.add(given);
        return store.inTransaction(() -> {
            JsonObject vnet = require(req, vnetName);
            JsonObject subnet = subnets(vnetId, Json.string(vnet, "location"), one).get(0).getAsJsonObject();
            JsonArray list = vnet.getAsJsonObject("properties").getAsJsonArray("subnets");
            boolean existed = false;
            for (int i = 0; i < list.size(); i++) {
                if (Json.string(list.get(i).getAsJsonObject(), "name").equalsIgnoreCase(name)) {
                    list.set(i, subnet);
                    existed = true;
                }
            }
            if (!existed) {
                list.add(subnet);
            }
            store.put(vnetId, vnet);
            return existed ? ArmResponse.ok(subnet) : ArmResponse.created(subnet);
        });
    }

    /** DELETE of one subnet: 200 once gone, 204 when it was not there; refused while an endpoint uses it. */
    ArmResponse deleteSubnet(ArmRequest req) {
        String vnetName = req.names().get(0);
        String vnetId = NetworkDocs.id(req.subscriptionId(), req.resourceGroup(), NetworkDocs.VNET_TYPE, vnetName);
        return store.inTransaction(() -> {
            JsonObject vnet = require(req, vnetName);
            JsonArray list = vnet.getAsJsonObject("properties").getAsJsonArray("subnets");
            for (int i = 0; i < list.size(); i++) {
                JsonObject s = list.get(i).getAsJsonObject();
                if (Json.string(s, "name").equalsIgnoreCase(req.name())) {
                    List<JsonObject> users = NetworkDocs.endpointsIn(store, req.subscriptionId(), Json.string(s, "id"));
                    if (!users.isEmpty()) {
                        throw NetworkErrors.inUseSubnetCannotBeDeleted(req.name(), Json.string(users.get(0), "id"));
                    }
                    list.remove(i);
                    store.put(vnetId, vnet);
                    return ArmResponse.ok(null);
                }
            }
            return ArmResponse.noContent();
        });
    }

    /** The subnet of a stored virtual network, by name (any casing). */
    static Optional<JsonObject> subnet(JsonObject vnet, String name) {
        for (JsonElement e : vnet.getAsJsonObject("properties").getAsJsonArray("subnets")) {
            if (Json.string(e.getAsJsonObject(), "name").equalsIgnoreCase(name)) {
                return Optional.of(e.getAsJsonObject());
            }
        }
        return Optional.empty();
    }

    private JsonObject require(ArmRequest req, String vnet) {
        return store.get(NetworkDocs.id(req.subscriptionId(), req.resourceGroup(), NetworkDocs.VNET_TYPE, vnet))
                .map(StoredResource::json)
                .orElseThrow(() -> ArmErrors.resourceNotFound(NetworkDocs.VNET_TYPE, vnet, req.resourceGroup()));
    }

    private static JsonArray subnets(String vnetId, String location, JsonArray given) {
        JsonArray out = new JsonArray();
        Set<String> seen = new HashSet<>();
        for (JsonElement e : given) {
            if (!e.isJsonObject()) {
                throw ArmErrors.invalidRequestContent("each subnet must be an object");
            }
            String name = Json.string(e.getAsJsonObject(), "name");
            if (name == null) {
                throw NetworkErrors.invalidRequestFormat("Each subnet of virtual network " + vnetId + " needs a name.");
            }
            NetworkDocs.checkName(name);
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw NetworkErrors.invalidRequestFormat("Virtual network " + vnetId + " has two subnets named '" + name + "'.");
            }
            JsonObject s = SubnetDocs.build(vnetId, location, name, NetworkDocs.object(e.getAsJsonObject(), "properties"));
            out.add(s);
        }
        return out;
    }

    private void checkRemovedSubnetsUnused(ArmRequest req, JsonObject old, JsonArray subnets) {
        for (JsonElement e : old.getAsJsonObject("properties").getAsJsonArray("subnets")) {
            String name = Json.string(e.getAsJsonObject(), "name");
            boolean kept = false;
            for (JsonElement n : subnets) {
                kept |= Json.string(n.getAsJsonObject(), "name").equalsIgnoreCase(name);
            }
            if (!kept) {
                List<JsonObject> users = NetworkDocs.endpointsIn(store, req.subscriptionId(), Json.string(e.getAsJsonObject(), "id"));
                if (!users.isEmpty()) {
                    throw NetworkErrors.inUseSubnetCannotBeDeleted(name, Json.string(users.get(0), "id"));
                }
            }
        }
    }
}
