package dev.amlsh.sandbox.provider.network;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.Json;
import dev.amlsh.sandbox.provider.resources.Locations;
import java.util.List;
import java.util.Locale;

/**
 * A subnet's document as Microsoft.Network answers it: what the client set is kept
 * ({@code addressPrefix} or {@code addressPrefixes}, {@code networkSecurityGroup},
 * {@code serviceEndpoints}, {@code delegations}, the two network policies) and left out when it
 * was not set, as the recordings show.
 *
 * <pre>{@code
 * JsonObject s = SubnetDocs.build(vnetId, "westus", "default", given.getAsJsonObject("properties"));
 * // properties.serviceEndpoints: [{"provisioningState":"Succeeded","service":"Microsoft.KeyVault","locations":["*"]}]
 * }</pre>
 */
final class SubnetDocs {
    private static final List<String> ENDPOINT_POLICIES = List.of("Enabled", "Disabled", "NetworkSecurityGroupEnabled", "RouteTableEnabled");
    private static final List<String> LINK_POLICIES = List.of("Enabled", "Disabled");

    private SubnetDocs() {
    }

    /** The document of subnet {@code name} of network {@code vnetId} in {@code location}, from the given properties. */
    static JsonObject build(String vnetId, String location, String name, JsonObject given) {
        String prefix = Json.string(given, "addressPrefix");
        JsonArray prefixes = NetworkDocs.array(given, "addressPrefixes");
        for (JsonElement e : prefixes) {
            if (!e.isJsonPrimitive() || e.getAsString().isBlank()) {
                throw NetworkErrors.invalidRequestFormat("properties.addressPrefixes of subnet '" + name + "' must list address prefixes.");
            }
        }
        if ((prefix == null || prefix.isBlank()) && prefixes.isEmpty()) {
            throw NetworkErrors.invalidRequestFormat("Subnet '" + name + "' of virtual network " + vnetId
                    + " needs properties.addressPrefix, e.g. 10.0.0.0/24 (or properties.addressPrefixes).");
        }
        String id = vnetId + "/subnets/" + name;
        String etag = NetworkDocs.etag();
        JsonObject s = new JsonObject();
        s.addProperty("id", id);
        s.addProperty("name", name);
        s.addProperty("type", NetworkDocs.SUBNET_TYPE);
        s.addProperty("etag", etag);
        JsonObject p = new JsonObject();
        p.addProperty("provisioningState", "Succeeded");
        if (prefix != null && !prefix.isBlank()) { // Azure answers the form the client used
            p.addProperty("addressPrefix", prefix);
        }
        if (!prefixes.isEmpty()) {
            p.add("addressPrefixes", prefixes.deepCopy());
        }
        JsonObject nsg = NetworkDocs.object(given, "networkSecurityGroup");
        if (nsg != null) {
            p.add("networkSecurityGroup", reference(nsg, "networkSecurityGroup", "/providers/Microsoft.Network/networkSecurityGroups/"));
        }
        if (given != null && given.has("serviceEndpoints") && !given.get("serviceEndpoints").isJsonNull()) {
            p.add("serviceEndpoints", serviceEndpoints(NetworkDocs.array(given, "serviceEndpoints"), location));
        }
        p.add("delegations", delegations(NetworkDocs.array(given, "delegations"), id, etag));
        p.addProperty("privateEndpointNetworkPolicies", policy(given, "privateEndpointNetworkPolicies", ENDPOINT_POLICIES, "Disabled"));
        p.addProperty("privateLinkServiceNetworkPolicies", policy(given, "privateLinkServiceNetworkPolicies", LINK_POLICIES, "Enabled"));
        s.add("properties", p);
        return s;
    }

    // {"id": "<resource ID>"}: a fully qualified ID of the right type, as ARM requires of a linked resource.
    private static JsonObject reference(JsonObject given, String member, String typePart) {
        String id = Json.string(given, "id");
        if (id == null || !id.toLowerCase(Locale.ROOT).startsWith("/subscriptions/")
                || !id.toLowerCase(Locale.ROOT).contains(typePart.toLowerCase(Locale.ROOT))) {
            throw ArmErrors.of(400, "LinkedInvalidPropertyId", "Property id '" + id + "' at path 'properties." + member
                    + ".id' is invalid. Expect fully qualified resource Id that start with '/subscriptions/{subscriptionId}'"
                    + " and name a resource of type '" + typePart.replace("/providers/", "").replaceAll("/$", "") + "'.");
        }
        JsonObject out = new JsonObject();
        out.addProperty("id", id);
        return out;
    }

    // Each endpoint: the service, its locations (as given; Microsoft.Storage defaults to the region and its pair, others to "*").
    private static JsonArray serviceEndpoints(JsonArray given, String location) {
        JsonArray out = new JsonArray();
        for (JsonElement e : given) {
            String service = e.isJsonObject() ? Json.string(e.getAsJsonObject(), "service") : null;
            if (service == null || service.isBlank()) {
                throw NetworkErrors.invalidRequestFormat("Each service endpoint of a subnet needs a service, e.g. {\"service\":\"Microsoft.Storage\"}.");
            }
            JsonArray locations = NetworkDocs.array(e.getAsJsonObject(), "locations").deepCopy();
            if (locations.isEmpty()) {
                if (service.equalsIgnoreCase("Microsoft.Storage")) {
                    locations.add(location);
                    Locations.resolve(location).map(Locations.Region::paired).filter(p -> !p.equalsIgnoreCase(location))
                            .ifPresent(locations::add);
                } else {
                    locations.add("*");
                }
            }
            JsonObject ep = new JsonObject();
            ep.addProperty("provisioningState", "Succeeded");
            ep.addProperty("service", service);
            ep.add("locations", locations);
            out.add(ep);
        }
        return out;
    }

    private static JsonArray delegations(JsonArray given, String subnetId, String etag) {
        JsonArray out = new JsonArray();
        for (JsonElement e : given) {
            JsonObject d = e.isJsonObject() ? e.getAsJsonObject() : null;
            String name = Json.string(d, "name");
            JsonObject props = NetworkDocs.object(d, "properties");
            String service = Json.string(props, "serviceName");
            if (name == null || service == null) {
                throw NetworkErrors.invalidRequestFormat("Each delegation of a subnet needs a name and properties.serviceName,"
                        + " e.g. {\"name\":\"d1\",\"properties\":{\"serviceName\":\"Microsoft.Web/serverFarms\"}}.");
            }
            JsonObject out1 = new JsonObject();
            out1.addProperty("name", name);
            out1.addProperty("id", subnetId + "/delegations/" + name);
            out1.addProperty("etag", etag);
            JsonObject p = new JsonObject();
            p.addProperty("provisioningState", "Succeeded");
            p.addProperty("serviceName", service);
            p.add("actions", NetworkDocs.array(props, "actions").deepCopy());
            out1.add("properties", p);
            out1.addProperty("type", NetworkDocs.SUBNET_TYPE + "/delegations");
            out.add(out1);
        }
        return out;
    }

    private static String policy(JsonObject given, String member, List<String> allowed, String fallback) {
        String v = Json.string(given, member);
        if (v == null) {
            return fallback;
        }
        return allowed.stream().filter(a -> a.equalsIgnoreCase(v)).findFirst().orElseThrow(() -> NetworkErrors.invalidRequestFormat(
                "Value '" + v + "' of properties." + member + " is not one of " + String.join(", ", allowed) + "."));
    }
}
