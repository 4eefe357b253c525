package dev.amlsh.sandbox.authz;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * A role definition: a name and what it permits ({@code actions} minus {@code notActions}, with
 * {@code *} wildcards, compared case-insensitively as ARM does).
 *
 * <pre>{@code
 * RoleDefinition reader = BuiltInRoles.byName("Reader").orElseThrow();
 * reader.allows("Microsoft.Storage/storageAccounts/read");  // true
 * reader.allows("Microsoft.Storage/storageAccounts/write"); // false
 * }</pre>
 *
 * @param name           the role's GUID (the last segment of its ID)
 * @param roleName       e.g. {@code Owner}
 * @param description    as Azure describes the role
 * @param actions        control-plane actions granted
 * @param notActions     control-plane actions taken back out of {@code actions}
 * @param dataActions    data-plane actions granted
 * @param notDataActions data-plane actions taken back out
 * @param createdOn      ISO timestamp, as Azure reports it
 * @param updatedOn      ISO timestamp, as Azure reports it
 * @param type           {@code BuiltInRole} or {@code CustomRole}
 * @param assignableScopes where the role may be assigned (and below); {@code ["/"]} for built-in roles
 * @param createdBy      object ID of who created a custom role; null for built-in roles
 * @param updatedBy      object ID of who last wrote a custom role; null for built-in roles
 */
public record RoleDefinition(String name, String roleName, String description, List<String> actions, List<String> notActions,
                             List<String> dataActions, List<String> notDataActions, String createdOn, String updatedOn,
                             String type, List<String> assignableScopes, String createdBy, String updatedBy) {
    public static final String TYPE = "Microsoft.Authorization/roleDefinitions";
    public static final String BUILT_IN = "BuiltInRole";
    public static final String CUSTOM = "CustomRole";

    public RoleDefinition {
        actions = List.copyOf(actions);
        notActions = List.copyOf(notActions);
        dataActions = List.copyOf(dataActions);
        notDataActions = List.copyOf(notDataActions);
        assignableScopes = List.copyOf(assignableScopes);
    }

    /** A built-in role: assignable everywhere, created and updated by no one Azure names. */
    public RoleDefinition(String name, String roleName, String description, List<String> actions, List<String> notActions,
                          List<String> dataActions, List<String> notDataActions, String createdOn, String updatedOn) {
        this(name, roleName, description, actions, notActions, dataActions, notDataActions, createdOn, updatedOn, BUILT_IN,
                List.of("/"), null, null);
    }

    /** True for a role a customer defined. */
    public boolean isCustom() {
        return CUSTOM.equals(type);
    }

    /** True when this role permits the control-plane {@code action}. */
    public boolean allows(String action) {
        return ActionPattern.anyMatches(actions, action) && !ActionPattern.anyMatches(notActions, action);
    }

    /** The ID under a subscription ({@code /subscriptions/s/providers/...}), or tenant-relative for null. */
    public String id(String subscriptionId) {
        return (subscriptionId == null ? "" : "/subscriptions/" + subscriptionId) + "/providers/" + TYPE + "/" + name;
    }

    /** The ARM resource ({@code RoleDefinitions_Get}), with its ID under {@code subscriptionId} (null: tenant-relative). */
    public JsonObject toJson(String subscriptionId) {
        JsonObject props = new JsonObject();
        props.addProperty("roleName", roleName);
        props.addProperty("type", type);
        props.addProperty("description", description);
        props.add("assignableScopes", strings(assignableScopes));
        JsonObject permission = new JsonObject();
        permission.add("actions", strings(actions));
        permission.add("notActions", strings(notActions));
        permission.add("dataActions", strings(dataActions));
        permission.add("notDataActions", strings(notDataActions));
        JsonArray permissions = new JsonArray();
        permissions.add(permission);
        props.add("permissions", permissions);
        props.addProperty("createdOn", createdOn);
        props.addProperty("updatedOn", updatedOn);
        // built-in roles: Azure answers null for both; custom roles: who wrote them
        props.add("createdBy", createdBy == null ? com.google.gson.JsonNull.INSTANCE : new com.google.gson.JsonPrimitive(createdBy));
        props.add("updatedBy", updatedBy == null ? com.google.gson.JsonNull.INSTANCE : new com.google.gson.JsonPrimitive(updatedBy));
        JsonObject out = new JsonObject();
        out.add("properties", props);
        out.addProperty("id", id(subscriptionId));
        out.addProperty("type", TYPE);
        out.addProperty("name", name);
        return out;
    }

    /** Reads what {@link #toJson} wrote (a custom role as the store keeps it). */
    public static RoleDefinition fromJson(JsonObject doc) {
        JsonObject p = doc.getAsJsonObject("properties");
        JsonObject perm = p.getAsJsonArray("permissions").size() == 0 ? new JsonObject()
                : p.getAsJsonArray("permissions").get(0).getAsJsonObject();
        return new RoleDefinition(doc.get("name").getAsString(), text(p, "roleName"), text(p, "description"), list(perm, "actions"),
                list(perm, "notActions"), list(perm, "dataActions"), list(perm, "notDataActions"), text(p, "createdOn"),
                text(p, "updatedOn"), text(p, "type"), list(p, "assignableScopes"), text(p, "createdBy"), text(p, "updatedBy"));
    }

    private static String text(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsString() : null;
    }

    private static List<String> list(JsonObject o, String key) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (o.has(key) && o.get(key).isJsonArray()) {
            o.getAsJsonArray(key).forEach(e -> out.add(e.getAsString()));
        }
        return out;
    }

    private static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }
}
