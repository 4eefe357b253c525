package dev.amlsh.sandbox.provider.authorization;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmRequest;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.arm.Json;
import dev.amlsh.sandbox.arm.Principal;
import dev.amlsh.sandbox.authz.BuiltInRoles;
import dev.amlsh.sandbox.authz.RoleAssignment;
import dev.amlsh.sandbox.authz.RoleAssignmentStore;
import dev.amlsh.sandbox.authz.RoleDefinition;
import dev.amlsh.sandbox.authz.RoleDefinitionStore;
import dev.amlsh.sandbox.identity.Directory;
import dev.amlsh.sandbox.store.SandboxStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Role assignments at any scope: create or update (201, as Azure answers both), get, delete (200 with the
 * assignment, 204 when absent) and list, where a listing also shows what is inherited from the
 * scopes above and, without {@code atScope()}, what is assigned below.
 */
final class RoleAssignmentsApi {
    private static final Pattern GUID = Pattern.compile("^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$");

    private final SandboxStore store;
    private final RoleAssignmentStore assignments;
    private final RoleDefinitionStore roles;
    private final Directory directory;
    private final String tenantId;

    RoleAssignmentsApi(SandboxStore store, Directory directory, String tenantId) {
        this.store = store;
        this.assignments = new RoleAssignmentStore(store);
        this.roles = new RoleDefinitionStore(store);
        this.directory = directory;
        this.tenantId = tenantId;
    }

    ArmResponse handle(ArmRequest req) {
        String scope = req.scope().isEmpty() ? "/" : req.scope();
        if (req.isCollection()) {
            if (!req.isMethod("GET")) {
                throw ArmErrors.methodNotAllowed(req.method());
            }
            return list(req, scope);
        }
        String name = req.name();
        switch (req.method()) {
            case "PUT":
                return put(req, scope, name);
            case "GET":
                return ArmResponse.ok(assignments.get(scope, name).orElseThrow(() -> ArmErrors.roleAssignmentNotFound(name)).toJson());
            case "DELETE":
                return store.inTransaction(() -> {
                    Optional<RoleAssignment> existing = assignments.get(scope, name);
                    existing.ifPresent(a -> assignments.delete(scope, name));
                    return existing.map(a -> ArmResponse.ok(a.toJson())).orElseGet(ArmResponse::noContent);
                });
            default:
                throw ArmErrors.methodNotAllowed(req.method());
        }
    }

    private ArmResponse put(ArmRequest req, String scope, String name) {
        if (!GUID.matcher(name).matches()) {
            throw ArmErrors.invalidRoleAssignmentId(name);
        }
        JsonObject props = req.bodyObject().getAsJsonObject("properties");
        if (props == null) {
            throw ArmErrors.invalidRequestContent("'properties' is required");
        }
        String roleDefinitionId = Json.string(props, "roleDefinitionId");
        String principalId = Json.string(props, "principalId");
        if (roleDefinitionId == null || principalId == null) {
            throw ArmErrors.invalidRequestContent("'properties.roleDefinitionId' and 'properties.principalId' are required");
        }
        String guid = BuiltInRoles.guidOf(roleDefinitionId).orElseThrow(() -> ArmErrors.invalidRoleDefinitionId(roleDefinitionId));
        RoleDefinition definition = roles.find(guid).orElseThrow(() -> ArmErrors.roleDefinitionDoesNotExist(guid));
        if (!RoleDefinitionsApi.assignableAt(definition, scope)) {
            throw ArmErrors.of(400, "ScopeDoesNotMatchRoleDefinition", "The role " + definition.roleName()
                    + " is not available for assignment at the requested scope; add the scope to its assignableScopes first.");
        }
        String role = definition.name();
        Principal principal = directory.byObjectId(principalId).orElseThrow(() -> ArmErrors.principalNotFound(principalId, tenantId));
        String givenType = Json.string(props, "principalType");
        if (givenType != null && !givenType.equalsIgnoreCase(principal.type())) {
            throw ArmErrors.unmatchedPrincipalType(principalId, principal.type(), givenType);
        }
        requireScopeExists(scope);
        String description = Json.string(props, "description");
        String condition = Json.string(props, "condition");
        String conditionVersion = Json.string(props, "conditionVersion");
        if (condition != null && conditionVersion == null) {
            conditionVersion = "2.0"; // the only version ARM accepts, and its default
        }
        if (condition == null && conditionVersion != null) {
            throw ArmErrors.invalidRequestContent("'properties.conditionVersion' is set without 'properties.condition'");
        }
        String version = conditionVersion;
        String now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        String caller = req.principal().objectId();
        return store.inTransaction(() -> {
            Optional<RoleAssignment> same = assignments.get(scope, name);
            if (same.isPresent()) {
                RoleAssignment a = same.get();
                if (!a.principalId().equalsIgnoreCase(principal.objectId()) || !a.roleGuid().equalsIgnoreCase(role)) {
                    throw ArmErrors.roleAssignmentUpdateNotPermitted();
                }
                RoleAssignment updated = new RoleAssignment(a.name(), a.scope(), a.roleGuid(), a.principalId(), a.principalType(),
                        description, a.createdOn(), now, a.createdBy(), caller, condition, version);
                return written(assignments.put(updated)); // Azure answers a repeated PUT 201 too
            }
            for (RoleAssignment other : assignments.atScope(scope)) {
                if (other.principalId().equalsIgnoreCase(principal.objectId()) && other.roleGuid().equalsIgnoreCase(role)) {
                    throw ArmErrors.roleAssignmentExists();
                }
            }
            RoleAssignment created = new RoleAssignment(name, scope, role, principal.objectId(), principal.type(), description,
                    now, now, caller, caller, condition, version);
            return written(assignments.put(created));
        });
    }

    /** The answer to a PUT: 201 with createdBy null and updatedBy the caller, as Azure answers it (a GET shows both). */
    private static ArmResponse written(RoleAssignment a) {
        JsonObject body = a.toJson();
        body.getAsJsonObject("properties").add("createdBy", com.google.gson.JsonNull.INSTANCE);
        return ArmResponse.created(body);
    }

    /** A resource scope (below a group) must exist; groups and subscriptions were checked by the router. */
    private void requireScopeExists(String scope) {
        String[] seg = scope.substring(1).split("/");
        if (seg.length > 4 && store.get(scope).isEmpty()) {
            String type = seg.length >= 8 ? seg[5] + "/" + seg[6] : scope;
            throw ArmErrors.resourceNotFound(type, seg[seg.length - 1], seg[3]);
        }
    }

    private ArmResponse list(ArmRequest req, String scope) {
        Filter f = Filter.parse(req.queryParam("$filter"));
        Map<String, RoleAssignment> found = new LinkedHashMap<>();
        List<RoleAssignment> candidates = new ArrayList<>(assignments.atAndAbove(scope));
        if (!f.atScope) {
            candidates.addAll(assignments.below(scope));
        }
        for (RoleAssignment a : candidates) {
            if (f.principalId == null || a.principalId().equalsIgnoreCase(f.principalId)) {
                found.putIfAbsent(a.id().toLowerCase(java.util.Locale.ROOT), a);
            }
        }
        JsonArray values = new JsonArray();
        found.values().forEach(a -> values.add(a.toJson()));
        JsonObject out = new JsonObject();
        out.add("value", values);
        return ArmResponse.ok(out);
    }

    /** The {@code $filter}s ARM accepts here: {@code atScope()}, {@code principalId eq '...'}, {@code assignedTo('...')}, joined by {@code and}. */
    private record Filter(boolean atScope, String principalId) {
        private static final Pattern PRINCIPAL = Pattern.compile("(?i)^principalId\\s+eq\\s+'([^']*)'$");
        private static final Pattern ASSIGNED = Pattern.compile("(?i)^assignedTo\\('([^']*)'\\)$");

        static Filter parse(String filter) {
            if (filter == null || filter.isBlank()) {
                return new Filter(false, null);
            }
            boolean atScope = false;
            String principal = null;
            for (String part : filter.trim().split("(?i)\\s+and\\s+")) {
                String p = part.trim();
                var byPrincipal = PRINCIPAL.matcher(p);
                var byAssigned = ASSIGNED.matcher(p);
                if (p.equalsIgnoreCase("atScope()")) {
                    atScope = true;
                } else if (byPrincipal.matches()) {
                    principal = byPrincipal.group(1);
                } else if (byAssigned.matches()) {
                    principal = byAssigned.group(1);
                } else {
                    throw ArmErrors.unsupportedFilter(filter);
                }
            }
            return new Filter(atScope, principal);
        }
    }
}
