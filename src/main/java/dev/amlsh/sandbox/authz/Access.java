package dev.amlsh.sandbox.authz;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.arm.Json;
import dev.amlsh.sandbox.arm.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One caller's effective permissions during one request. Assignments are read from the store at
 * most once per scope per request: another process sharing the sandbox may change them at any
 * time, so nothing is kept between requests.
 *
 * <pre>{@code
 * Access access = authorizer.of(request.principal());
 * access.enforce(ActionMap.of(method, segments));              // or 403 AuthorizationFailed
 * ArmResponse shown = access.filter(requirement, response);    // collections: only readable items
 * }</pre>
 */
public final class Access {
    private final Principal principal;
    private final RoleAssignmentStore assignments;
    private final Map<String, List<RoleDefinition>> rolesAtScope = new HashMap<>();
    private final Map<String, Boolean> membership = new HashMap<>();

    Access(Principal principal, RoleAssignmentStore assignments) {
        this.principal = principal;
        this.assignments = assignments;
    }

    public Principal principal() {
        return principal;
    }

    /** True when the caller's roles at {@code target} or above permit {@code action}. */
    public boolean allows(String action, String target) {
        for (String scope : Scopes.ancestors(target)) {
            for (RoleDefinition role : rolesAt(scope)) {
                if (role.allows(action)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when the caller has any role at the root, in the subscription, or anywhere inside it. */
    public boolean isMember(String subscriptionId) {
        return membership.computeIfAbsent(subscriptionId.toLowerCase(Locale.ROOT), k -> {
            String sub = "/subscriptions/" + subscriptionId;
            return !rolesAt("/").isEmpty() || !rolesAt(sub).isEmpty() || hasRoleBelow(sub);
        });
    }

    /** Throws {@code AuthorizationFailed} (403) unless the requirement is met; a collection also passes with a role inside it. */
    public void enforce(Requirement r) {
        switch (r.kind()) {
            case PUBLIC:
            case SUBSCRIPTIONS:
                return;
            case MEMBER:
                if (!isMember(Scopes.subscriptionOf(r.scope()))) {
                    throw denied("Microsoft.Resources/subscriptions/read", r.scope());
                }
                return;
            default:
                if (allows(r.action(), r.scope()) || (r.collection() && hasRoleBelow(r.scope()))) {
                    return;
                }
                throw denied(r.action(), r.scope());
        }
    }

    /** A collection answer as this caller may see it: without the action at its scope, only the items it may read. */
    public ArmResponse filter(Requirement r, ArmResponse response) {
        if (!r.collection() || response.status() != 200 || response.body() == null || !response.body().isJsonObject()) {
            return response;
        }
        boolean subscriptions = r.kind() == Requirement.Kind.SUBSCRIPTIONS;
        if (!subscriptions && allows(r.action(), r.scope())) {
            return response;
        }
        JsonObject body = response.body().getAsJsonObject().deepCopy();
        JsonElement values = body.get("value");
        if (values == null || !values.isJsonArray()) {
            return response;
        }
        JsonArray kept = new JsonArray();
        for (JsonElement item : values.getAsJsonArray()) {
            JsonObject o = item.isJsonObject() ? item.getAsJsonObject() : null;
            String id = o == null ? null : Json.string(o, "id");
            boolean visible = id != null && (subscriptions ? isMember(Json.string(o, "subscriptionId")) : allows(r.action(), id));
            if (visible) {
                kept.add(item);
            }
        }
        body.add("value", kept);
        if (body.has("count") && body.get("count").isJsonObject()) {
            body.getAsJsonObject("count").addProperty("value", kept.size());
        }
        return new ArmResponse(response.status(), body, response.headers());
    }

    /** The ARM error for this caller: the client is the user principal name, or the application ID of a service principal. */
    public RuntimeException denied(String action, String scope) {
        String client = principal.userPrincipalName() != null ? principal.userPrincipalName() : principal.appId();
        return ArmErrors.authorizationFailed(client, principal.objectId(), action, scope);
    }

    private boolean hasRoleBelow(String scope) {
        for (RoleAssignment a : assignments.below(scope)) {
            if (a.principalId().equalsIgnoreCase(principal.objectId())) {
                return true;
            }
        }
        return false;
    }

    private List<RoleDefinition> rolesAt(String scope) {
        return rolesAtScope.computeIfAbsent(scope.toLowerCase(Locale.ROOT), k -> {
            List<RoleDefinition> roles = new ArrayList<>();
            for (RoleAssignment a : assignments.atScope(scope)) {
                if (a.principalId().equalsIgnoreCase(principal.objectId())) {
                    Optional<RoleDefinition> role = BuiltInRoles.byId(a.roleGuid());
                    role.ifPresent(roles::add);
                }
            }
            return roles;
        });
    }
}
