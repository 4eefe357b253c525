package dev.amlsh.sandbox.provider.network;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmRequest;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.arm.Json;
import dev.amlsh.sandbox.provider.ml.PrivateLinks;
import dev.amlsh.sandbox.store.SandboxStore;
import dev.amlsh.sandbox.store.StoredResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Private endpoints to workspaces: PUT (201/200) with one automatic
 * ({@code privateLinkServiceConnections}, approved at once) or manual
 * ({@code manualPrivateLinkServiceConnections}, pending) connection, GET, list, DELETE (200/204).
 * The subnet must exist in the endpoint's region; the workspace side is kept by {@link PrivateLinks}.
 */
final class PrivateEndpoints {
    private static final Pattern SUBNET = Pattern.compile(
            "^/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/Microsoft\\.Network/virtualNetworks/([^/]+)/subnets/([^/]+)$",
            Pattern.CASE_INSENSITIVE);
    private static final String AUTO = "privateLinkServiceConnections";
    private static final String MANUAL = "manualPrivateLinkServiceConnections";

    private final SandboxStore store;
    private final PrivateLinks links;

    PrivateEndpoints(SandboxStore store) {
        this.store = store;
        this.links = new PrivateLinks(store);
    }

    ArmResponse put(ArmRequest req) {
        String name = req.name();
        NetworkDocs.checkName(name);
        JsonObject body = req.bodyObject();
        String location = NetworkDocs.location(body, NetworkDocs.PE_TYPE);
        String id = NetworkDocs.id(req.subscriptionId(), req.resourceGroup(), NetworkDocs.PE_TYPE, name);
        JsonObject given = NetworkDocs.object(body, "properties");
        String subnetId = Json.string(NetworkDocs.object(given, "subnet"), "id");
        if (subnetId == null || subnetId.isBlank()) {
            throw NetworkErrors.invalidRequestFormat("Private endpoint " + id + " must reference a subnet in properties.subnet.id.");
        }
        JsonArray auto = NetworkDocs.array(given, AUTO);
        JsonArray manual = NetworkDocs.array(given, MANUAL);
        if (auto.size() + manual.size() != 1) {
            throw NetworkErrors.invalidRequestFormat("Private endpoint " + id + " must have exactly one connection, in either "
                    + AUTO + " or " + MANUAL + ".");
        }
        boolean approved = auto.size() == 1;
        JsonObject connection = (approved ? auto : manual).get(0).getAsJsonObject();
        return store.inTransaction(() -> {
            checkSubnet(subnetId, id, location);
            Optional<JsonObject> existing = store.get(id).map(StoredResource::json);
            existing.ifPresent(this::disconnect);
            JsonObject doc = new JsonObject();
            doc.addProperty("id", id);
            doc.addProperty("name", name);
            doc.addProperty("type", NetworkDocs.PE_TYPE);
            doc.addProperty("location", location);
            if (body.has("tags") && body.get("tags").isJsonObject()) {
                doc.add("tags", body.get("tags").deepCopy());
            }
            doc.addProperty("etag", NetworkDocs.etag());
            JsonObject p = new JsonObject();
            p.addProperty("provisioningState", "Succeeded");
            p.addProperty("resourceGuid", UUID.randomUUID().toString());
            JsonObject subnet = new JsonObject();
            subnet.addProperty("id", subnetId);
            p.add("subnet", subnet);
            JsonArray made = new JsonArray();
            made.add(connection(id, name, approved, connection));
            p.add(AUTO, approved ? made : new JsonArray());
            p.add(MANUAL, approved ? new JsonArray() : made);
            JsonArray nics = new JsonArray();
            JsonObject nic = new JsonObject();
            nic.addProperty("id", NetworkDocs.id(req.subscriptionId(), req.resourceGroup(), "Microsoft.Network/networkInterfaces",
                    name + ".nic." + UUID.randomUUID()));
            nics.add(nic);
            p.add("networkInterfaces", nics);
            p.add("customDnsConfigs", new JsonArray());
            doc.add("properties", p);
            store.put(id, doc);
            return existing.isPresent() ? ArmResponse.ok(doc) : ArmResponse.created(doc);
        });
    }

    ArmResponse get(ArmRequest req) {
        return ArmResponse.ok(store.get(NetworkDocs.id(req.subscriptionId(), req.resourceGroup(), NetworkDocs.PE_TYPE, req.name()))
                .map(StoredResource::json)
                .orElseThrow(() -> ArmErrors.resourceNotFound(NetworkDocs.PE_TYPE, req.name(), req.resourceGroup())));
    }

    ArmResponse delete(ArmRequest req) {
        String id = NetworkDocs.id(req.subscriptionId(), req.resourceGroup(), NetworkDocs.PE_TYPE, req.name());
        return store.inTransaction(() -> {
            Optional<JsonObject> pe = store.get(id).map(StoredResource::json);
            if (pe.isEmpty()) {
                return ArmResponse.noContent();
            }
            disconnect(pe.get());
            store.delete(id);
            return ArmResponse.ok(null);
        });
    }

    private void checkSubnet(String subnetId, String endpointId, String location) {
        Matcher m = SUBNET.matcher(subnetId);
        if (!m.matches()) {
            throw NetworkErrors.invalidResourceReference(subnetId, endpointId);
        }
        JsonObject vnet = store.get(NetworkDocs.id(m.group(1), m.group(2), NetworkDocs.VNET_TYPE, m.group(3)))
                .map(StoredResource::json).orElseThrow(() -> NetworkErrors.invalidResourceReference(subnetId, endpointId));
        if (VirtualNetworks.subnet(vnet, m.group(4)).isEmpty() || !location.equalsIgnoreCase(Json.string(vnet, "location"))) {
            throw NetworkErrors.invalidResourceReference(subnetId, endpointId);
        }
    }

    private JsonObject connection(String endpointId, String endpointName, boolean approved, JsonObject given) {
        String name = Json.string(given, "name");
        if (name == null) {
            name = endpointName;
        }
        JsonObject gp = NetworkDocs.object(given, "properties");
        String target = Json.string(gp, "privateLinkServiceId");
        if (target == null) {
            throw NetworkErrors.invalidRequestFormat("The connection '" + name + "' of private endpoint " + endpointId
                    + " needs properties.privateLinkServiceId, the workspace ID.");
        }
        List<String> groupIds = new ArrayList<>();
        for (JsonElement g : NetworkDocs.array(gp, "groupIds")) {
            groupIds.add(g.isJsonPrimitive() ? g.getAsString() : String.valueOf(g));
        }
        String message = Json.string(gp, "requestMessage");
        JsonObject state = links.connect(target, endpointId, endpointName, groupIds, approved, message);
        JsonObject c = new JsonObject();
        c.addProperty("id", endpointId + "/" + (approved ? AUTO : MANUAL) + "/" + name);
        c.addProperty("name", name);
        c.addProperty("type", NetworkDocs.PE_TYPE + "/" + (approved ? AUTO : MANUAL));
        c.addProperty("etag", NetworkDocs.etag());
        JsonObject p = new JsonObject();
        p.addProperty("provisioningState", "Succeeded");
        p.addProperty("privateLinkServiceId", target);
        JsonArray groups = new JsonArray();
        groupIds.forEach(groups::add);
        p.add("groupIds", groups);
        if (message != null) {
            p.addProperty("requestMessage", message);
        }
        p.add("privateLinkServiceConnectionState", state);
        c.add("properties", p);
        return c;
    }

    private void disconnect(JsonObject pe) {
        JsonObject p = pe.getAsJsonObject("properties");
        for (String list : new String[] {AUTO, MANUAL}) {
            for (JsonElement e : NetworkDocs.array(p, list)) {
                String target = Json.string(e.getAsJsonObject().getAsJsonObject("properties"), "privateLinkServiceId");
                if (target != null) {
                    links.disconnect(target, Json.string(pe, "id"));
                }
            }
        }
    }
}
