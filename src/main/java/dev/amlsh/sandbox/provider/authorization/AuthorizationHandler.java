package dev.amlsh.sandbox.provider.authorization;

import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmRequest;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.authz.RoleAssignment;
import dev.amlsh.sandbox.authz.RoleAssignmentStore;
import dev.amlsh.sandbox.identity.Directory;
import dev.amlsh.sandbox.provider.ProviderContext;
import dev.amlsh.sandbox.provider.ProviderHandler;
import dev.amlsh.sandbox.store.StoredResource;
import java.util.List;

/**
 * {@code Microsoft.Authorization} at any scope: role definitions (built-in and custom) and role
 * assignments (api-version 2022-04-01 shapes). Who may call what is decided before this handler
 * by the router's role check; this handler enforces the service's own rules.
 *
 * <pre>{@code
 * PUT /subscriptions/s/resourceGroups/rg1/providers/Microsoft.Authorization/roleAssignments/{guid}
 * {"properties":{"roleDefinitionId":"/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-...","principalId":"..."}}
 * }</pre>
 */
public final class AuthorizationHandler implements ProviderHandler {
    private RoleAssignmentsApi assignments;
    private RoleDefinitionsApi definitions;

    @Override
    public String namespace() {
        return "Microsoft.Authorization";
    }

    @Override
    public void init(ProviderContext ctx) {
        assignments = new RoleAssignmentsApi(ctx.store(), new Directory(ctx.store(), ctx.tenantId()), ctx.tenantId());
        definitions = new RoleDefinitionsApi(ctx.store());
    }

    /** The store's cascade removes the assignments of a deleted group; their index entries go here. */
    @Override
    public void onGroupDelete(List<StoredResource> resources, ProviderContext ctx) {
        RoleAssignmentStore index = new RoleAssignmentStore(ctx.store());
        for (StoredResource r : resources) {
            if (r.type().equalsIgnoreCase(RoleAssignment.TYPE)) {
                index.forget(RoleAssignment.fromJson(r.json()));
            }
        }
    }

    @Override
    public ArmResponse handle(ArmRequest req, ProviderContext ctx) {
        String type = req.types().isEmpty() ? "" : req.types().get(0);
        if (req.types().size() == 1 && req.action() == null) {
            if (type.equalsIgnoreCase("roleDefinitions")) {
                return definitions.handle(req);
            }
            if (type.equalsIgnoreCase("roleAssignments")) {
                return assignments.handle(req);
            }
        }
        throw ArmErrors.invalidResourceType(String.join("/", req.types()), namespace(), req.apiVersion());
    }
}
