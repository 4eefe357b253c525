package dev.amlsh.sandbox.provider.authorization;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmRequest;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.authz.BuiltInRoles;
import dev.amlsh.sandbox.authz.RoleAssignment;
import dev.amlsh.sandbox.authz.RoleAssignmentStore;
import dev.amlsh.sandbox.authz.RoleDefinition;
import dev.amlsh.sandbox.authz.RoleDefinitionStore;
import dev.amlsh.sandbox.authz.Scopes;
import dev.amlsh.sandbox.store.SandboxStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Role definitions at any scope: the built-in roles, and custom roles created (201, again on
 * update), read, listed and deleted (200 with the role, 204 when absent) as Azure does. A listing
 * at a scope shows the built-in roles and the custom roles assignable there (an assignable scope
 * at or above it), filtered by {@code $filter=roleName eq '...'} or {@code type eq '...'}.
 *
 * <pre>{@code
 * PUT /subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/{guid}
 * {"properties":{"roleName":"VM Operator","permissions":[{"actions":["Microsoft.Compute/*\/read"]}],"assignableScopes":["/subscriptions/s"]}}
 * }</pre>
 */
final class RoleDefinitionsApi {
    private static final Pattern FILTER = Pattern.compile("^\\s*(roleName|type)\\s+eq\\s+'(.*)'\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern GUID = Pattern.compile("^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$");

    private final SandboxStore store;
    private final RoleDefinitionStore roles;
    private final RoleAssignmentStore assignments;

    RoleDefinitionsApi(SandboxStore store) {
        this.store = store;
        this.roles = new RoleDefinitionStore(store);
        this.assignments = new RoleAssignmentStore(store);
    }

    ArmResponse handle(ArmRequest req) {
        String sub = req.subscriptionId();
        if (req.isCollection()) {
            if (!req.isMethod("GET")) {
                throw ArmErrors.methodNotAllowed(req.method());
            }
            return list(req, req.scope().isEmpty() ? "/" : req.scope());
        }
        String guid = req.name();
        switch (req.method()) {
            case "GET":
                return ArmResponse.ok(roles.find(guid).orElseThrow(() -> ArmErrors.roleDefinitionNotFound(guid)).toJson(sub));
            case "PUT":
                return put(req, guid);
            case "DELETE":
                return delete(req, guid);
            default:
                throw ArmErrors.methodNotAllowed(req.method());
        }
    }

    private ArmResponse put(ArmRequest req, String guid) {
        if (!GUID.matcher(guid).matches()) {
            throw ArmErrors.invalidRoleDefinitionId(guid);
        }
        if (BuiltInRoles.byId(guid).isPresent()) {
            throw ArmErrors.of(409, "RoleDefinitionExists", "A built-in role definition with ID '" + guid
                    + "' already exists. Use a new GUID for a custom role.");
        }
        CustomRoleRequest asked = CustomRoleRequest.parse(req.bodyObject());
        String now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        String caller = req.principal().objectId();
        RoleDefinition saved = store.inTransaction(() -> {
            for (RoleDefinition other : roles.all()) {
                if (other.roleName().equalsIgnoreCase(asked.roleName()) && !other.name().equalsIgnoreCase(guid)) {
                    throw ArmErrors.of(409, "RoleDefinitionWithSameNameExists",
                            "A custom role with the same name already exists in this directory. Use a different name.");
                }
            }
            var existing = roles.custom(guid);
            String createdOn = existing.map(RoleDefinition::createdOn).orElse(now);
            String createdBy = existing.map(RoleDefinition::createdBy).orElse(caller);
            return roles.put(new RoleDefinition(existing.map(RoleDefinition::name).orElse(guid), asked.roleName(), asked.description(),
                    asked.actions(), asked.notActions(), asked.dataActions(), asked.notDataActions(), createdOn, now,
                    RoleDefinition.CUSTOM, asked.assignableScopes(), createdBy, caller));
        });
        // Azure answers every write 201, with createdBy null and updatedBy the caller; a GET shows both
        JsonObject body = saved.toJson(req.subscriptionId());
        body.getAsJsonObject("properties").add("createdBy", com.google.gson.JsonNull.INSTANCE);
        return ArmResponse.created(body);
    }

    private ArmResponse delete(ArmRequest req, String guid) {
        if (BuiltInRoles.byId(guid).isPresent()) {
            throw ArmErrors.of(400, "BadRequest", "The built-in role '" + BuiltInRoles.byId(guid).get().roleName()
                    + "' cannot be deleted; only custom roles can.");
        }
        return store.inTransaction(() -> {
            var role = roles.custom(guid);
            if (role.isEmpty()) {
                return ArmResponse.noContent();
            }
            for (RoleAssignment a : assignments.everywhere()) {
                if (a.roleGuid().equalsIgnoreCase(guid)) {
                    throw ArmErrors.of(409, "RoleDefinitionHasAssignments", "There are existing role assignments referencing role '"
                            + role.get().roleName() + "' (for example " + a.id() + "). Delete them first.");
                }
            }
            roles.delete(guid);
            return ArmResponse.ok(role.get().toJson(req.subscriptionId()));
        });
    }

    private ArmResponse list(ArmRequest req, String scope) {
        String filter = req.queryParam("$filter");
        String field = null;
        String value = null;
        if (filter != null && !filter.isBlank()) {
            Matcher m = FILTER.matcher(filter);
            if (!m.matches()) {
                throw ArmErrors.unsupportedFilter(filter);
            }
            field = m.group(1).toLowerCase(Locale.ROOT);
            value = m.group(2).replace("''", "'");
        }
        JsonArray values = new JsonArray();
        for (RoleDefinition role : roles.all()) {
            boolean keep = field == null
                    || (field.equals("rolename") && role.roleName().equalsIgnoreCase(value))
                    || (field.equals("type") && value.equalsIgnoreCase(role.type()));
            if (keep && assignableAt(role, scope)) {
                values.add(role.toJson(req.subscriptionId()));
            }
        }
        JsonObject out = new JsonObject();
        out.add("value", values);
        return ArmResponse.ok(out);
    }

    /** True when the role may be assigned at {@code scope}: one of its assignable scopes is at or above it. */
    static boolean assignableAt(RoleDefinition role, String scope) {
        for (String s : role.assignableScopes()) {
            if (Scopes.covers(s, scope)) {
                return true;
            }
        }
        return false;
    }
}
