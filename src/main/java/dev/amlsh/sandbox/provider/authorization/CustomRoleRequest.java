package dev.amlsh.sandbox.provider.authorization;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.Json;
import dev.amlsh.sandbox.authz.RoleDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The body of a custom role definition PUT, checked by Azure's rules: a name, at least one
 * assignable scope, each a fully qualified scope, type {@code CustomRole} if given at all.
 *
 * <pre>{@code
 * CustomRoleRequest r = CustomRoleRequest.parse(req.bodyObject()); // or a 400 with Azure's code
 * }</pre>
 */
record CustomRoleRequest(String roleName, String description, List<String> actions, List<String> notActions,
                         List<String> dataActions, List<String> notDataActions, List<String> assignableScopes) {
    private static final Pattern SCOPE = Pattern.compile(
            "(?i)^/(subscriptions/[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}(/resourceGroups/[-\\w._()]+(/providers/.+)?)?"
                    + "|providers/Microsoft\\.Management/managementGroups/[^/]+)$", Pattern.UNICODE_CHARACTER_CLASS);

    static CustomRoleRequest parse(JsonObject body) {
        JsonElement pe = body.get("properties");
        if (pe == null || !pe.isJsonObject()) {
            throw ArmErrors.invalidRequestContent("'properties' is required");
        }
        JsonObject p = pe.getAsJsonObject();
        String type = Json.string(p, "type");
        if (type != null && !type.equalsIgnoreCase(RoleDefinition.CUSTOM)) {
            throw ArmErrors.of(400, "InvalidRoleDefinitionType", "The role definition type '" + type
                    + "' is not valid. Only custom roles (type 'CustomRole') can be created or updated.");
        }
        String roleName = Json.string(p, "roleName");
        if (roleName == null || roleName.isBlank()) {
            throw ArmErrors.of(400, "RoleDefinitionNameNullOrEmpty", "The role definition name (properties.roleName) cannot be null or empty.");
        }
        List<String> scopes = strings(p, "assignableScopes", "properties.assignableScopes");
        if (scopes.isEmpty()) {
            throw ArmErrors.of(400, "MissingAssignableScopes",
                    "The role definition must have at least one assignable scope (properties.assignableScopes).");
        }
        for (int i = 0; i < scopes.size(); i++) {
            if (!SCOPE.matcher(scopes.get(i)).matches()) {
                throw ArmErrors.of(400, "LinkedInvalidPropertyId", "Property id '" + scopes.get(i) + "' at path 'properties.assignableScopes["
                        + i + "]' is invalid. Expect fully qualified resource Id that start with '/subscriptions/{subscriptionId}' or"
                        + " '/providers/{resourceProviderNamespace}/'.");
            }
        }
        JsonElement perms = p.get("permissions");
        JsonObject permission = new JsonObject();
        if (perms != null && !perms.isJsonNull()) {
            if (!perms.isJsonArray()) {
                throw ArmErrors.invalidRequestContent("'properties.permissions' must be an array");
            }
            JsonArray list = perms.getAsJsonArray();
            if (list.size() > 1) {
                throw ArmErrors.invalidRequestContent("the sandbox keeps one entry of 'properties.permissions' per role; merge them into one");
            }
            if (list.size() == 1) {
                if (!list.get(0).isJsonObject()) {
                    throw ArmErrors.invalidRequestContent("'properties.permissions[0]' must be an object");
                }
                permission = list.get(0).getAsJsonObject();
            }
        }
        return new CustomRoleRequest(roleName, Json.string(p, "description"),
                strings(permission, "actions", "permissions[0].actions"), strings(permission, "notActions", "permissions[0].notActions"),
                strings(permission, "dataActions", "permissions[0].dataActions"),
                strings(permission, "notDataActions", "permissions[0].notDataActions"), scopes);
    }

    private static List<String> strings(JsonObject o, String key, String path) {
        List<String> out = new ArrayList<>();
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return out;
        }
        if (!e.isJsonArray()) {
            throw ArmErrors.invalidRequestContent("'" + path + "' must be an array of strings");
        }
        for (JsonElement item : e.getAsJsonArray()) {
            if (!item.isJsonPrimitive()) {
                throw ArmErrors.invalidRequestContent("'" + path + "' must be an array of strings");
            }
            out.add(item.getAsString());
        }
        return out;
    }
}
