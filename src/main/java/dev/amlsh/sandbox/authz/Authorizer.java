package dev.amlsh.sandbox.authz;

import dev.amlsh.sandbox.arm.Principal;
import dev.amlsh.sandbox.store.SandboxStore;

/**
 * Role-based access control of the sandbox: hands out a fresh {@link Access} per request.
 *
 * <pre>{@code
 * Authorizer authorizer = new Authorizer(store);
 * Access access = authorizer.of(principal);
 * access.enforce(ActionMap.of("PUT", segments));
 * }</pre>
 */
public final class Authorizer {
    private final RoleAssignmentStore assignments;
    private final RoleDefinitionStore roles;

    public Authorizer(SandboxStore store) {
        this.assignments = new RoleAssignmentStore(store);
        this.roles = new RoleDefinitionStore(store);
    }

    /** The caller's permissions for one request (nothing cached across requests). */
    public Access of(Principal principal) {
        return new Access(principal, assignments, roles);
    }
}
