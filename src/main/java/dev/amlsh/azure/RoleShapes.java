package dev.amlsh.azure;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The objects {@code az role assignment} and {@code az role definition} print: the SDK models' flattened dicts. */
final class RoleShapes {
    private static final Pattern GROUP = Pattern.compile("(?i)/resourceGroups/([^/]+)");
    private static final List<String> ASSIGNMENT_KEYS = List.of("condition", "conditionVersion", "createdBy", "createdOn",
            "delegatedManagedIdentityResourceId", "description", "principalId", "principalType", "roleDefinitionId", "scope",
            "updatedBy", "updatedOn");
    private static final List<String> DEFINITION_KEYS = List.of("assignableScopes", "createdBy", "createdOn", "description",
            "roleName", "updatedBy", "updatedOn");
    private static final List<String> PERMISSION_KEYS = List.of("actions", "dataActions", "notActions", "notDataActions");

    private RoleShapes() {
    }

    /** An ARM role assignment as az prints it: properties at the top level, {@code resourceGroup} when it has one. */
    static JsonObject assignment(JsonObject arm) {
        JsonObject props = arm.has("properties") && arm.get("properties").isJsonObject() ? arm.getAsJsonObject("properties") : new JsonObject();
        JsonObject out = new JsonObject();
        for (String key : ASSIGNMENT_KEYS) {
            out.add(key, valueOrNull(props.get(key)));
        }
        out.add("id", valueOrNull(arm.get("id")));
        out.add("name", valueOrNull(arm.get("name")));
        out.add("type", valueOrNull(arm.get("type")));
        String group = groupOf(arm.has("id") ? arm.get("id").getAsString() : "");
        if (group != null) {
            out.addProperty("resourceGroup", group);
        }
        return AzJson.sorted(out).getAsJsonObject();
    }

    /** An ARM role definition as az prints it: {@code type} of the role becomes {@code roleType}. */
    static JsonObject definition(JsonObject arm) {
        JsonObject props = arm.getAsJsonObject("properties");
        JsonObject out = new JsonObject();
        for (String key : DEFINITION_KEYS) {
            out.add(key, valueOrNull(props.get(key)));
        }
        out.add("roleType", valueOrNull(props.get("type")));
        JsonArray permissions = new JsonArray();
        if (props.has("permissions") && props.get("permissions").isJsonArray()) {
            for (JsonElement p : props.getAsJsonArray("permissions")) {
                JsonObject one = new JsonObject();
                for (String key : PERMISSION_KEYS) {
                    JsonElement v = p.getAsJsonObject().get(key);
                    one.add(key, v == null || v.isJsonNull() ? new JsonArray() : v);
                }
                permissions.add(one);
            }
        }
        out.add("permissions", permissions);
        out.add("id", valueOrNull(arm.get("id")));
        out.add("name", valueOrNull(arm.get("name")));
        out.add("type", valueOrNull(arm.get("type")));
        return AzJson.sorted(out).getAsJsonObject();
    }

    /** The GUID at the end of a role definition ID, lower case, or null. */
    static String roleGuid(String roleDefinitionId) {
        if (roleDefinitionId == null) {
            return null;
        }
        int slash = roleDefinitionId.lastIndexOf('/');
        return roleDefinitionId.substring(slash + 1).toLowerCase(Locale.ROOT);
    }

    static String groupOf(String id) {
        Matcher m = GROUP.matcher(id);
        return m.find() ? m.group(1) : null;
    }

    private static JsonElement valueOrNull(JsonElement e) {
        return e == null ? JsonNull.INSTANCE : e.deepCopy();
    }
}
