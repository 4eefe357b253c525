package dev.amlsh.azure;

import dev.amlsh.core.AmlshException;

import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.authorization.AuthorizationManager;
import com.azure.resourcemanager.authorization.fluent.RoleAssignmentsClient;
import com.azure.resourcemanager.authorization.fluent.models.RoleAssignmentInner;
import com.azure.resourcemanager.authorization.models.PrincipalType;
import com.azure.resourcemanager.authorization.models.RoleAssignmentCreateParameters;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Azure RBAC of one subscription: role assignments (create, list, delete) and role definitions,
 * in the shapes {@code az role} prints. Principals are named by user principal name, application
 * ID or object ID (looked up in Microsoft Graph); roles by name (any casing), GUID or ID.
 *
 * <pre>{@code
 * RoleService roles = azure.roles(null);
 * roles.assign(workspaceId, "bob@sandbox.amlsh", "AzureML Data Scientist");
 * JsonArray mine = roles.list(null, "bob@sandbox.amlsh", true);
 * }</pre>
 */
public final class RoleService {
    static final String API_VERSION = "2022-04-01";
    private static final Pattern GUID = Pattern.compile("^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$");
    private static final String PROVIDER = "/providers/Microsoft.Authorization/";

    private final ArmRest rest;
    private final Supplier<AuthorizationManager> manager;
    private final Supplier<GraphClient> graph;
    private final String subscriptionId;

    RoleService(ArmRest rest, Supplier<AuthorizationManager> manager, Supplier<GraphClient> graph, String subscriptionId) {
        this.rest = rest;
        this.manager = manager;
        this.graph = graph;
        this.subscriptionId = subscriptionId;
    }

    /** The scope named by {@code -g} or {@code --scope} (not both); neither means the subscription. */
    public String scopeOf(String group, String scope) {
        if (group != null && scope != null) {
            throw AmlshException.usage("Give either --scope or -g/--resource-group, not both.", null);
        }
        if (group != null) {
            Names.checkResourceGroup(group);
            return subscriptionScope() + "/resourceGroups/" + group;
        }
        if (scope == null || scope.isBlank()) {
            return subscriptionScope();
        }
        String s = scope.strip().replaceAll("/+", "/");
        if (!s.startsWith("/")) {
            throw AmlshException.usage("--scope: '" + scope + "' is not a scope.",
                    "Give an ID starting with '/', e.g. /subscriptions/" + subscriptionId + "/resourceGroups/rg1.");
        }
        return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** Gives {@code assignee} the role at {@code scope} (null: the subscription); an existing identical assignment is returned as is. */
    public JsonObject assign(String scope, String assignee, String role) {
        String at = scopeOf(null, scope);
        GraphClient.DirectoryObject principal = principal(assignee);
        String roleId = subscriptionScope() + PROVIDER + "roleDefinitions/" + roleGuid(role, at);
        RoleAssignmentCreateParameters parameters = new RoleAssignmentCreateParameters().withRoleDefinitionId(roleId)
                .withPrincipalId(principal.id());
        if (principal.principalType() != null) {
            parameters.withPrincipalType(PrincipalType.fromString(principal.principalType()));
        }
        try {
            return RoleShapes.assignment(toJson(assignments().create(at, UUID.randomUUID().toString(), parameters)));
        } catch (ManagementException e) {
            if (e.getValue() != null && "RoleAssignmentExists".equals(e.getValue().getCode())) {
                String guid = RoleShapes.roleGuid(roleId);
                for (JsonElement a : atScope(at)) {
                    JsonObject o = a.getAsJsonObject();
                    if (principal.id().equalsIgnoreCase(o.get("principalId").getAsString())
                            && guid.equals(RoleShapes.roleGuid(o.get("roleDefinitionId").getAsString()))) {
                        return o;
                    }
                }
            }
            throw ArmErrors.translate(e);
        } catch (RuntimeException e) {
            throw ArmErrors.translate(e);
        }
    }

    /**
     * Assignments at {@code scope} (null: the subscription), with those inherited from above when
     * {@code includeInherited}, of {@code assignee} only when given; with {@code principalName} and
     * {@code roleDefinitionName} filled in as az does.
     */
    public JsonArray list(String scope, String assignee, boolean includeInherited) {
        String at = scopeOf(null, scope);
        String principalId = assignee == null ? null : principal(assignee).id();
        JsonArray out = new JsonArray();
        for (JsonElement e : atScope(at)) {
            JsonObject a = e.getAsJsonObject();
            String where = a.get("scope").getAsString();
            boolean inScope = where.equalsIgnoreCase(at) || (includeInherited && covers(where, at));
            if (inScope && (principalId == null || principalId.equalsIgnoreCase(a.get("principalId").getAsString()))) {
                out.add(a);
            }
        }
        return named(out);
    }

    /** Every assignment in the subscription and in everything inside it ({@code --all}). */
    public JsonArray listAll(String assignee) {
        String path = subscriptionScope() + PROVIDER + "roleAssignments";
        if (assignee != null) {
            path += "?$filter=" + encode("principalId eq '" + principal(assignee).id() + "'");
        }
        JsonArray out = new JsonArray();
        rest.list(path, API_VERSION).forEach(a -> out.add(RoleShapes.assignment(a.getAsJsonObject())));
        return named(out);
    }

    /** Deletes the assignments at {@code scope} (null: the subscription) matching the assignee and role given (null: any). */
    public void delete(String scope, String assignee, String role) {
        String at = scopeOf(null, scope);
        String principalId = assignee == null ? null : principal(assignee).id();
        String guid = role == null ? null : roleGuid(role, at);
        List<String> ids = new ArrayList<>();
        for (JsonElement e : atScope(at)) {
            JsonObject a = e.getAsJsonObject();
            if (a.get("scope").getAsString().equalsIgnoreCase(at)
                    && (principalId == null || principalId.equalsIgnoreCase(a.get("principalId").getAsString()))
                    && (guid == null || guid.equals(RoleShapes.roleGuid(a.get("roleDefinitionId").getAsString())))) {
                ids.add(a.get("id").getAsString());
            }
        }
        if (ids.isEmpty()) {
            throw AmlshException.notFound("No matched assignments were found to delete.",
                    "See them with 'role assignment list --scope " + at + "'.");
        }
        deleteByIds(ids);
    }

    /** Deletes assignments by ID; an ID that no longer exists is no error (ARM answers 204). */
    public void deleteByIds(List<String> ids) {
        try {
            ids.forEach(id -> assignments().deleteById(id));
        } catch (RuntimeException e) {
            throw ArmErrors.translate(e);
        }
    }

    /** The role definitions of the subscription; with {@code nameFilter}, those whose name or GUID equals it (any casing). */
    public JsonArray definitions(String nameFilter) {
        JsonArray out = new JsonArray();
        for (JsonElement e : rest.list(subscriptionScope() + PROVIDER + "roleDefinitions", API_VERSION)) {
            JsonObject d = RoleShapes.definition(e.getAsJsonObject());
            if (nameFilter == null || nameFilter.equalsIgnoreCase(d.get("roleName").getAsString())
                    || nameFilter.equalsIgnoreCase(d.get("name").getAsString())) {
                out.add(d);
            }
        }
        return out;
    }

    private JsonArray atScope(String scope) {
        JsonArray out = new JsonArray();
        rest.list(scope + PROVIDER + "roleAssignments?$filter=" + encode("atScope()"), API_VERSION)
                .forEach(a -> out.add(RoleShapes.assignment(a.getAsJsonObject())));
        return out;
    }

    /** Adds {@code principalName} (from Graph) and {@code roleDefinitionName} (from the definitions) to each assignment. */
    private JsonArray named(JsonArray assignments) {
        if (assignments.isEmpty()) {
            return assignments;
        }
        Map<String, String> roleNames = new HashMap<>();
        definitions(null).forEach(d -> roleNames.put(d.getAsJsonObject().get("name").getAsString().toLowerCase(Locale.ROOT),
                d.getAsJsonObject().get("roleName").getAsString()));
        Set<String> ids = new LinkedHashSet<>();
        assignments.forEach(a -> ids.add(a.getAsJsonObject().get("principalId").getAsString()));
        Map<String, GraphClient.DirectoryObject> principals = graph.get().byIds(ids);
        JsonArray out = new JsonArray();
        for (JsonElement e : assignments) {
            JsonObject a = e.getAsJsonObject().deepCopy();
            GraphClient.DirectoryObject p = principals.get(a.get("principalId").getAsString().toLowerCase(Locale.ROOT));
            a.addProperty("principalName", p == null || p.name() == null ? "" : p.name());
            a.addProperty("roleDefinitionName", roleNames.get(RoleShapes.roleGuid(a.get("roleDefinitionId").getAsString())));
            out.add(AzJson.sorted(a));
        }
        return out;
    }

    /** As az resolves {@code --assignee}: a user principal name, an application ID, else an object ID. */
    private GraphClient.DirectoryObject principal(String assignee) {
        GraphClient g = graph.get();
        String a = assignee.strip();
        var found = a.contains("@") ? g.user(a) : g.servicePrincipalByAppId(a);
        if (found.isEmpty() && GUID.matcher(a).matches()) {
            found = g.byIds(List.of(a)).values().stream().findFirst();
            if (found.isEmpty()) {
                // An object ID Graph does not know yet: let the service decide (it answers PrincipalNotFound).
                return new GraphClient.DirectoryObject(a, null, null);
            }
        }
        return found.orElseThrow(() -> AmlshException.notFound("Cannot find user or service principal in graph database for '"
                + assignee + "'.", "Give a user principal name (e.g. bob@sandbox.amlsh), an application ID or an object ID."));
    }

    /** A role name (any casing), GUID or role definition ID, as a GUID. */
    private String roleGuid(String role, String scope) {
        String r = role.strip();
        if (GUID.matcher(r).matches() || r.toLowerCase(Locale.ROOT).contains("/providers/microsoft.authorization/roledefinitions/")) {
            return RoleShapes.roleGuid(r);
        }
        List<String> found = new ArrayList<>();
        for (JsonElement e : rest.list(scope + PROVIDER + "roleDefinitions?$filter=" + encode("roleName eq '" + r.replace("'", "''") + "'"),
                API_VERSION)) {
            JsonObject d = e.getAsJsonObject();
            if (d.getAsJsonObject("properties").get("roleName").getAsString().equalsIgnoreCase(r)) {
                found.add(d.get("name").getAsString());
            }
        }
        if (found.isEmpty()) {
            throw AmlshException.notFound("Role '" + role + "' doesn't exist.", "See the roles with 'role definition list -o table'.");
        }
        return found.get(0).toLowerCase(Locale.ROOT);
    }

    private RoleAssignmentsClient assignments() {
        return manager.get().roleServiceClient().getRoleAssignments();
    }

    private String subscriptionScope() {
        return "/subscriptions/" + subscriptionId;
    }

    private static boolean covers(String outer, String inner) {
        String o = outer.toLowerCase(Locale.ROOT);
        String i = inner.toLowerCase(Locale.ROOT);
        return o.equals("/") || i.equals(o) || i.startsWith(o + "/");
    }

    /** The SDK model back in the ARM shape ({@code toJson} of the SDK leaves out the read-only members). */
    private static JsonObject toJson(RoleAssignmentInner inner) {
        JsonObject p = new JsonObject();
        p.addProperty("roleDefinitionId", inner.roleDefinitionId());
        p.addProperty("principalId", inner.principalId());
        p.addProperty("principalType", inner.principalType() == null ? null : inner.principalType().toString());
        p.addProperty("scope", inner.scope());
        p.addProperty("description", inner.description());
        p.addProperty("condition", inner.condition());
        p.addProperty("conditionVersion", inner.conditionVersion());
        p.addProperty("createdOn", inner.createdOn() == null ? null : inner.createdOn().toString());
        p.addProperty("updatedOn", inner.updatedOn() == null ? null : inner.updatedOn().toString());
        p.addProperty("createdBy", inner.createdBy());
        p.addProperty("updatedBy", inner.updatedBy());
        p.addProperty("delegatedManagedIdentityResourceId", inner.delegatedManagedIdentityResourceId());
        JsonObject out = new JsonObject();
        out.addProperty("id", inner.id());
        out.addProperty("name", inner.name());
        out.addProperty("type", inner.type());
        out.add("properties", p);
        return out;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
