package dev.amlsh.sandbox.authz;

import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.Json;

/**
 * One role assignment as the sandbox keeps it: who ({@code principalId}) has which role at which scope.
 *
 * <pre>{@code
 * RoleAssignment a = RoleAssignment.fromJson(stored.json());
 * if (a.principalId().equalsIgnoreCase(caller.objectId())) { ... }
 * }</pre>
 *
 * @param name          the assignment's GUID
 * @param scope         the scope it applies to and below, e.g. a group ID ("/" for the root)
 * @param roleGuid      the role definition's GUID
 * @param principalId   the object ID of the user or service principal
 * @param principalType {@code User} or {@code ServicePrincipal}
 * @param description   free text, or null
 * @param createdOn     ISO timestamp
 * @param updatedOn     ISO timestamp
 * @param createdBy     object ID of who created it, or null (seeded)
 * @param updatedBy     object ID of who last wrote it, or null
 * @param condition        the ABAC condition the client set, or null (kept and returned; the sandbox does not evaluate it)
 * @param conditionVersion the condition's version ("2.0"), or null
 */
public record RoleAssignment(String name, String scope, String roleGuid, String principalId, String principalType,
                             String description, String createdOn, String updatedOn, String createdBy, String updatedBy,
                             String condition, String conditionVersion) {
    public static final String TYPE = "Microsoft.Authorization/roleAssignments";

    /** An assignment without a condition. */
    public RoleAssignment(String name, String scope, String roleGuid, String principalId, String principalType,
                          String description, String createdOn, String updatedOn, String createdBy, String updatedBy) {
        this(name, scope, roleGuid, principalId, principalType, description, createdOn, updatedOn, createdBy, updatedBy, null, null);
    }

    /** The assignment's ARM ID. */
    public String id() {
        return idOf(scope, name);
    }

    /** {@code {scope}/providers/Microsoft.Authorization/roleAssignments/{name}}; the root scope is "/" or "". */
    public static String idOf(String scope, String name) {
        return collectionOf(scope) + "/" + name;
    }

    /** {@code {scope}/providers/Microsoft.Authorization/roleAssignments}. */
    public static String collectionOf(String scope) {
        String s = scope == null || scope.equals("/") ? "" : scope;
        return s + "/providers/" + TYPE;
    }

    /**
     * The ARM resource of {@code RoleAssignments_Get} (2022-04-01), plus {@code scope}; the
     * {@code roleDefinitionId} under the scope's subscription, as the recorded answers name it
     * (tenant-relative at the root).
     */
    public JsonObject toJson() {
        JsonObject p = new JsonObject();
        String sub = Scopes.subscriptionOf(scope);
        p.addProperty("roleDefinitionId", (sub == null ? "" : "/subscriptions/" + sub) + "/providers/" + RoleDefinition.TYPE + "/" + roleGuid);
        p.addProperty("principalId", principalId);
        p.addProperty("principalType", principalType);
        p.addProperty("scope", scope);
        // 2022-04-01 sends these keys even when unset (null)
        nullable(p, "condition", condition);
        nullable(p, "conditionVersion", conditionVersion);
        p.add("delegatedManagedIdentityResourceId", com.google.gson.JsonNull.INSTANCE);
        nullable(p, "description", description);
        p.addProperty("createdOn", createdOn);
        p.addProperty("updatedOn", updatedOn);
        nullable(p, "createdBy", createdBy);
        nullable(p, "updatedBy", updatedBy);
        JsonObject out = new JsonObject();
        out.add("properties", p);
        out.addProperty("id", id());
        out.addProperty("type", TYPE);
        out.addProperty("name", name);
        return out;
    }

    /** Reads what {@link #toJson()} wrote. */
    public static RoleAssignment fromJson(JsonObject doc) {
        JsonObject p = doc.getAsJsonObject("properties");
        String roleId = Json.string(p, "roleDefinitionId");
        return new RoleAssignment(Json.string(doc, "name"), Json.string(p, "scope"),
                roleId.substring(roleId.lastIndexOf('/') + 1), Json.string(p, "principalId"), Json.string(p, "principalType"),
                Json.string(p, "description"), Json.string(p, "createdOn"), Json.string(p, "updatedOn"),
                Json.string(p, "createdBy"), Json.string(p, "updatedBy"), Json.string(p, "condition"), Json.string(p, "conditionVersion"));
    }

    private static void nullable(JsonObject o, String key, String value) {
        if (value == null) {
            o.add(key, com.google.gson.JsonNull.INSTANCE);
        } else {
            o.addProperty(key, value);
        }
    }
}
