package dev.amlsh.sandbox.provider.ml;

import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmRequest;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.arm.Json;
import dev.amlsh.sandbox.lro.Operation;
import dev.amlsh.sandbox.lro.OperationResult;
import dev.amlsh.sandbox.lro.OperationSpec;
import dev.amlsh.sandbox.provider.ProviderContext;
import dev.amlsh.sandbox.store.StoredResource;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code DELETE .../workspaces/{name}[?forceToPurge=true]}: a long-running operation (202 +
 * Location, final 200) that soft-deletes by default (the name stays reserved) or purges; a
 * customer-managed-key workspace is always purged, with its managed group. 204 when there is no
 * such workspace. The storage, key vault, insights and registry are never touched.
 */
final class WorkspaceDelete {
    static final String DELETE_KIND = "ml.workspace.delete";

    private final ProviderContext ctx;
    private final SoftDeleted deleted;
    private final WorkspaceKeys keys;
    private final ManagedGroups groups;

    WorkspaceDelete(ProviderContext ctx, SoftDeleted deleted, WorkspaceKeys keys, ManagedGroups groups) {
        this.ctx = ctx;
        this.deleted = deleted;
        this.keys = keys;
        this.groups = groups;
        ctx.lro().register(DELETE_KIND, op -> {
            JsonObject payload = op.payload().getAsJsonObject();
            if (WorkspaceDocs.bool(payload, "softDeletedOnly", false)) {
                deleted.purge(op.resourceId());
            } else {
                ctx.store().get(op.resourceId()).map(StoredResource::json)
                        .ifPresent(doc -> remove(op.subscriptionId(), doc, WorkspaceDocs.bool(payload, "purge", false)));
            }
            return new OperationResult(200, null);
        });
    }

    ArmResponse delete(ArmRequest req) {
        boolean purge = forceToPurge(req.queryParam("forceToPurge"));
        String sub = req.subscriptionId();
        String id = WorkspaceDocs.id(sub, req.resourceGroup(), req.name());
        return ctx.store().inTransaction(() -> {
            Optional<JsonObject> live = ctx.store().get(id).map(StoredResource::json);
            JsonObject payload = new JsonObject();
            String location;
            if (live.isEmpty()) {
                Optional<JsonObject> record = deleted.find(id);
                if (!purge || record.isEmpty()) {
                    return ArmResponse.noContent();
                }
                payload.addProperty("softDeletedOnly", true);
                location = Json.string(record.get().getAsJsonObject("workspace"), "location");
            } else {
                JsonObject doc = live.get();
                if (WorkspaceDocs.DELETING.equals(WorkspaceDocs.state(doc))) {
                    throw ArmErrors.anotherOperationInProgress("The workspace '" + req.name() + "' is already being deleted.");
                }
                payload.addProperty("purge", purge || WorkspaceDocs.isCmk(doc));
                location = Json.string(doc, "location");
                WorkspaceDocs.setState(doc, WorkspaceDocs.DELETING);
                ctx.store().put(id, doc);
            }
            Operation op = ctx.lro().start(new OperationSpec(DELETE_KIND, sub, WorkspaceDocs.NAMESPACE, location, id, payload));
            return WorkspaceActions.accepted(ctx, op, req, true);
        });
    }

    /** Takes a workspace away: soft-deleted (a record keeps its name) or purged (with its CMK group). */
    void remove(String subscriptionId, JsonObject doc, boolean purge) {
        String id = Json.string(doc, "id");
        keys.forget(doc);
        ctx.store().delete(id);
        if (purge) {
            groups.remove(subscriptionId, doc);
            deleted.purge(id);
        } else {
            WorkspaceDocs.setState(doc, WorkspaceDocs.SUCCEEDED);
            deleted.record(doc, Instant.now());
        }
    }

    private static boolean forceToPurge(String value) {
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw ArmErrors.invalidParameter("forceToPurge", "The value '" + value + "' of 'forceToPurge' is not valid; use true or false.");
    }
}
