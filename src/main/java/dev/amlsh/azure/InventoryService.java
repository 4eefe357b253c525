package dev.amlsh.azure;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * What exists, for the completion index: one paged {@code Resources_List} per subscription
 * (every top-level resource of every type), its groups and locations; and the tenant's users
 * (the sandbox's Graph-like {@code /graph/v1.0/users}; none elsewhere until Graph sign-in exists).
 *
 * <pre>{@code
 * InventoryService.Listing what = azure.inventory().list(subscriptionId);
 * }</pre>
 */
public final class InventoryService {
    static final String RESOURCES_API = "2021-04-01";
    static final String LOCATIONS_API = "2022-12-01";
    private final Azure azure;

    InventoryService(Azure azure) {
        this.azure = azure;
    }

    /** One resource as ARM lists it: its ID, and its type as the service spells it (may be null). */
    public record Listed(String id, String type) {
    }

    /** What one subscription holds: group names, location names, every resource. */
    public record Listing(List<String> groups, List<String> locations, List<Listed> resources) {
    }

    /** Lists one subscription; blocks on the network. */
    public Listing list(String subscriptionId) {
        ArmRest rest = azure.clients().rest();
        String sub = "/subscriptions/" + subscriptionId;
        List<String> groups = names(rest.list(sub + "/resourcegroups", RESOURCES_API), "name");
        List<String> locations = names(rest.list(sub + "/locations", LOCATIONS_API), "name");
        List<Listed> resources = new ArrayList<>();
        for (JsonElement e : rest.list(sub + "/resources", RESOURCES_API)) {
            JsonObject o = e.getAsJsonObject();
            JsonElement type = o.get("type");
            resources.add(new Listed(o.get("id").getAsString(),
                    type == null || type.isJsonNull() ? null : type.getAsString()));
        }
        return new Listing(groups, locations, resources);
    }

    /** User principal names of the tenant (empty where the directory cannot be read). */
    public List<String> users() {
        if (!azure.clients().connection().isSandbox()) {
            return List.of();
        }
        return names(azure.clients().rest().list("/graph/v1.0/users", "1.0"), "userPrincipalName");
    }

    private static List<String> names(JsonArray items, String key) {
        List<String> out = new ArrayList<>(items.size());
        for (JsonElement e : items) {
            JsonElement v = e.getAsJsonObject().get(key);
            if (v != null && !v.isJsonNull()) {
                out.add(v.getAsString());
            }
        }
        return out;
    }
}
