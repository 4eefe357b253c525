package dev.amlsh.sandbox.provider.network;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmPaging;
import dev.amlsh.sandbox.arm.ArmRequest;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.arm.Json;
import dev.amlsh.sandbox.provider.resources.Locations;
import dev.amlsh.sandbox.store.ResourceFilter;
import dev.amlsh.sandbox.store.SandboxStore;
import dev.amlsh.sandbox.store.StoredResource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** What the Network resources share: names, locations, etags, lists. */
final class NetworkDocs {
    static final String NAMESPACE = "Microsoft.Network";
    static final String VNET_TYPE = NAMESPACE + "/virtualNetworks";
    static final String SUBNET_TYPE = VNET_TYPE + "/subnets";
    static final String PE_TYPE = NAMESPACE + "/privateEndpoints";
    /** The Network provider's name rule: 1 to 80 word characters, '.', '-', '_'; word character first, word or '_' last. */
    private static final Pattern NAME = Pattern.compile("^\\w([\\w.-]{0,78}\\w)?$");

    private NetworkDocs() {
    }

    static String id(String subscriptionId, String group, String type, String name) {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + group + "/providers/" + type + "/" + name;
    }

    static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw NetworkErrors.invalidNetworkResourceName(name);
        }
    }

    static String location(JsonObject body, String type) {
        String requested = Json.string(body, "location");
        if (requested == null || requested.isBlank()) {
            throw ArmErrors.locationRequired();
        }
        return Locations.resolve(requested).map(Locations.Region::name).orElseThrow(() -> ArmErrors.locationNotAvailableForResourceType(
                requested, type, Locations.all().stream().map(Locations.Region::name).collect(Collectors.joining(","))));
    }

    static String etag() {
        return "W/\"" + UUID.randomUUID() + "\"";
    }

    static JsonObject object(JsonObject o, String member) {
        JsonElement e = o == null ? null : o.get(member);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonObject()) {
            throw ArmErrors.invalidRequestContent("'" + member + "' must be an object");
        }
        return e.getAsJsonObject();
    }

    static JsonArray array(JsonObject o, String member) {
        JsonElement e = o == null ? null : o.get(member);
        if (e == null || e.isJsonNull()) {
            return new JsonArray();
        }
        if (!e.isJsonArray()) {
            throw ArmErrors.invalidRequestContent("'" + member + "' must be an array");
        }
        return e.getAsJsonArray();
    }

    /** A page of one type in a group, or in the whole subscription when the request has no group. */
    static ArmResponse list(SandboxStore store, ArmRequest req, String type) {
        ResourceFilter filter = (req.resourceGroup() == null ? ResourceFilter.subscription(req.subscriptionId())
                : ResourceFilter.group(req.subscriptionId(), req.resourceGroup())).ofType(type);
        int size = ArmPaging.pageSize(req);
        List<StoredResource> rows = store.list(filter, req.queryParam("$skiptoken"), size + 1);
        JsonArray values = new JsonArray();
        rows.stream().limit(size).forEach(r -> values.add(r.json()));
        return ArmResponse.ok(ArmPaging.page(values, req, rows.size() > size ? rows.get(size - 1).key() : null));
    }

    /**
     * The private endpoints of a subscription in a subnet: {@code subnet} is a subnet ID, or a
     * prefix ending with '/' (e.g. {@code <vnet ID>/subnets/}) for any subnet below it. Any casing.
     */
    static List<JsonObject> endpointsIn(SandboxStore store, String subscriptionId, String subnet) {
        String wanted = subnet.toLowerCase(java.util.Locale.ROOT);
        List<JsonObject> out = new ArrayList<>();
        ResourceFilter filter = ResourceFilter.subscription(subscriptionId).ofType(PE_TYPE);
        String after = null;
        while (true) {
            List<StoredResource> batch = store.list(filter, after, 500);
            for (StoredResource r : batch) {
                JsonObject pe = r.json();
                String used = Json.string(object(object(pe, "properties"), "subnet"), "id");
                String u = used == null ? "" : used.toLowerCase(java.util.Locale.ROOT);
                if (u.equals(wanted) || (wanted.endsWith("/") && u.startsWith(wanted))) {
                    out.add(pe);
                }
            }
            if (batch.size() < 500) {
                return out;
            }
            after = batch.get(batch.size() - 1).key();
        }
    }
}
