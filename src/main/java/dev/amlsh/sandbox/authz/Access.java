package dev.amlsh.sandbox.authz;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.arm.Json;
import dev.amlsh.sandbox.arm.Principal;
import java.util.ArrayList;
import java.util.List;

/**
 * One caller's effective permissions during one request. The caller's assignments are read from
 * the store once per request (through the index by principal): another process sharing the
 * sandbox may change them at any time, so nothing is kept between requests.
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
    private final RoleDefinitionStore roles;
    private List<Grant> grants;

    Access(Principal principal, RoleAssignmentStore assignments, RoleDefinitionStore roles) {
        this.principal = principal;
        this.assignments = assignments;
        this.roles = roles;
    }

    public Principal principal() {
        return principal;
    }

    /** True when the caller's roles at {@code target} or above permit {@code action}. */
    public boolean allows(String action, String target) {
        for (Grant g : grants()) {
            if (Scopes.covers(g.scope(), target) && g.role().allows(action)) {
                return true;
            }
        }
        return false;
    }

    /** True when the caller has any role at the root, in the subscription, or anywhere inside it. */
    public boolean isMember(String subscriptionId) {
        String sub = "/subscriptions/" + subscriptionId;
        for (Grant g : grants()) {
            if (Scopes.covers(g.scope(), sub) || Scopes.covers(sub, g.scope())) {
                return true;
            }
        }
        return false;
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
        for (Grant g : grants()) {
            if (Scopes.covers(scope, g.scope()) && !g.scope().equalsIgnoreCase(scope)) {
                return true;
            }
        }
        return false;
    }

    /** The caller's assignments, read once per request. */
    private List<Grant> grants() {
        if (grants == null) {
            grants = new ArrayList<>();
            for (RoleAssignment a : assignments.ofPrincipal(principal.objectId())) {
                roles.find(a.roleGuid()).ifPresent(role -> grants.add(new Grant(a.scope(), role))); // built-in or custom
            }
        }
        return grants;
    }

    private record Grant(String scope, RoleDefinition role) {
    }
}
