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
 */
public record RoleDefinition(String name, String roleName, String description, List<String> actions, List<String> notActions,
                             List<String> dataActions, List<String> notDataActions, String createdOn, String updatedOn) {
    public static final String TYPE = "Microsoft.Authorization/roleDefinitions";

    public RoleDefinition {
        actions = List.copyOf(actions);
        notActions = List.copyOf(notActions);
        dataActions = List.copyOf(dataActions);
        notDataActions = List.copyOf(notDataActions);
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
        props.addProperty("type", "BuiltInRole");
        props.addProperty("description", description);
        JsonArray scopes = new JsonArray();
        scopes.add("/");
        props.add("assignableScopes", scopes);
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
        props.add("createdBy", com.google.gson.JsonNull.INSTANCE); // built-in roles: Azure answers null for both
        props.add("updatedBy", com.google.gson.JsonNull.INSTANCE);
        JsonObject out = new JsonObject();
        out.add("properties", props);
        out.addProperty("id", id(subscriptionId));
        out.addProperty("type", TYPE);
        out.addProperty("name", name);
        return out;
    }

    private static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }
}
