package dev.amlsh.sandbox.provider.ml;

import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmRequest;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.provider.ProviderContext;
import dev.amlsh.sandbox.provider.ProviderHandler;
import dev.amlsh.sandbox.store.StoredResource;
import java.util.List;

/**
 * {@code Microsoft.MachineLearningServices/workspaces} as the real service answers api-version
 * 2024-04-01 to 2025-12-01: create or update, get, lists, patch, delete with soft delete and purge,
 * listKeys, resyncKeys, diagnose, listStorageAccountKeys, listNotebookAccessToken, private endpoint
 * connections and private link resources.
 *
 * <pre>{@code
 * ProviderHandlers.builtIn(); // includes new MachineLearningHandler()
 * PUT /subscriptions/{s}/resourceGroups/{g}/providers/Microsoft.MachineLearningServices/workspaces/ws1
 *     {"location":"eastus","identity":{"type":"SystemAssigned"},"properties":{"storageAccount":"...","keyVault":"...","applicationInsights":"..."}}
 * }</pre>
 */
public final class MachineLearningHandler implements ProviderHandler {
    private WorkspacePut put;
    private WorkspacePatch patch;
    private WorkspaceDelete delete;
    private WorkspaceReads reads;
    private WorkspaceActions actions;
    private PrivateLinks privateLinks;
    private OutboundRules outboundRules;

    @Override
    public String namespace() {
        return WorkspaceDocs.NAMESPACE;
    }

    @Override
    public void init(ProviderContext ctx) {
        Dependencies deps = new Dependencies(ctx.store());
        SoftDeleted deleted = new SoftDeleted(ctx.store());
        WorkspaceKeys keys = new WorkspaceKeys(ctx.store(), deps);
        ManagedGroups groups = new ManagedGroups(ctx.store());
        reads = new WorkspaceReads(ctx.store());
        put = new WorkspacePut(ctx, deps, deleted, keys, groups);
        patch = new WorkspacePatch(ctx, deps, reads);
        delete = new WorkspaceDelete(ctx, deleted, keys, groups);
        actions = new WorkspaceActions(ctx, reads, keys, new Diagnosis(deps));
        privateLinks = new PrivateLinks(ctx.store());
        outboundRules = new OutboundRules(ctx, reads);
    }

    @Override
    public ArmResponse handle(ArmRequest req, ProviderContext ctx) {
        List<String> types = req.types();
        if (types.isEmpty() || !types.get(0).equalsIgnoreCase("workspaces") || types.size() > 2) {
            throw ArmErrors.invalidResourceType(String.join("/", types.isEmpty() ? List.of(String.valueOf(req.action())) : types),
                    namespace(), req.apiVersion());
        }
        if (req.resourceGroup() == null) {
            if (req.isCollection() && types.size() == 1 && req.action() == null) {
                return only(req, "GET", () -> reads.list(req));
            }
            throw ArmErrors.pathNotFound(req.path());
        }
        if (types.size() == 1) {
            return workspace(req);
        }
        String child = types.get(1);
        if (child.equalsIgnoreCase("privateEndpointConnections") && req.action() == null) {
            return connections(req, ctx);
        }
        if (child.equalsIgnoreCase("outboundRules") && req.action() == null) {
            return outboundRules.handle(req);
        }
        if (child.equalsIgnoreCase("privateLinkResources") && req.isCollection()) {
            return only(req, "GET", () -> actions.privateLinkResources(req));
        }
        throw ArmErrors.invalidResourceType(String.join("/", types), namespace(), req.apiVersion());
    }

    private ArmResponse workspace(ArmRequest req) {
        if (req.isCollection()) {
            return only(req, "GET", () -> reads.list(req));
        }
        if ("provisionManagedNetwork".equalsIgnoreCase(req.action()) && req.isMethod("POST")) {
            return outboundRules.provision(req);
        }
        if (req.action() != null) {
            return actions.post(req);
        }
        switch (req.method()) {
            case "PUT": return put.put(req);
            case "GET": return ArmResponse.ok(reads.require(req));
            case "PATCH": return patch.patch(req);
            case "DELETE": return delete.delete(req);
            default: throw ArmErrors.methodNotAllowed(req.method());
        }
    }

    private ArmResponse connections(ArmRequest req, ProviderContext ctx) {
        return ctx.store().inTransaction(() -> {
            JsonObject ws = reads.require(req);
            if (req.isCollection()) {
                return only(req, "GET", () -> privateLinks.list(ws));
            }
            String name = req.name();
            switch (req.method()) {
                case "GET": return privateLinks.get(ws, name, req.resourceGroup());
                case "PUT": return privateLinks.put(ws, name, req.bodyObject(), req.resourceGroup());
                case "DELETE": return privateLinks.delete(ws, name);
                default: throw ArmErrors.methodNotAllowed(req.method());
            }
        });
    }

    /**
     * ARM sends a DELETE to every resource of a group being deleted, without {@code forceToPurge}:
     * workspaces are soft-deleted (their names stay reserved when the group is created again, until
     * purged), while customer-managed-key workspaces are purged with their managed groups.
     */
    @Override
    public void onGroupDelete(List<StoredResource> resources, ProviderContext ctx) {
        for (StoredResource r : resources) {
            if (r.type().equals(WorkspaceDocs.lower(WorkspaceDocs.TYPE))) {
                JsonObject doc = r.json();
                delete.remove(r.subscriptionId(), doc, WorkspaceDocs.isCmk(doc));
            }
        }
    }

    private static ArmResponse only(ArmRequest req, String method, java.util.function.Supplier<ArmResponse> action) {
        if (!req.isMethod(method)) {
            throw ArmErrors.methodNotAllowed(req.method());
        }
        return action.get();
    }
}
