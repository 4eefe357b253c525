package dev.amlsh.sandbox.provider.ml;

import com.google.gson.JsonArray;
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
import java.util.Locale;

/**
 * The POST actions on a workspace: listKeys, listStorageAccountKeys, listNotebookAccessToken
 * (immediate) and resyncKeys, diagnose (long-running, final result through {@code Location}).
 */
final class WorkspaceActions {
    static final String RESYNC_KIND = "ml.workspace.resyncKeys";
    static final String DIAGNOSE_KIND = "ml.workspace.diagnose";

    private final ProviderContext ctx;
    private final WorkspaceReads reads;
    private final WorkspaceKeys keys;

    WorkspaceActions(ProviderContext ctx, WorkspaceReads reads, WorkspaceKeys keys, Diagnosis diagnosis) {
        this.ctx = ctx;
        this.reads = reads;
        this.keys = keys;
        ctx.lro().register(RESYNC_KIND, op -> {
            keys.resync(live(op));
            return OperationResult.ok(live(op));
        });
        ctx.lro().register(DIAGNOSE_KIND, op -> OperationResult.ok(diagnosis.diagnose(live(op))));
    }

    ArmResponse post(ArmRequest req) {
        JsonObject ws = reads.require(req);
        switch (req.action().toLowerCase(Locale.ROOT)) {
            case "listkeys":
                return ArmResponse.ok(keys.listKeys(ws));
            case "liststorageaccountkeys":
                return ArmResponse.ok(keys.listStorageAccountKeys(ws));
            case "listnotebookaccesstoken":
                return ArmResponse.ok(keys.notebookAccessToken(ws));
            case "resynckeys":
                return start(req, ws, RESYNC_KIND, true);
            case "diagnose":
                return start(req, ws, DIAGNOSE_KIND, false);
            default:
                throw ArmErrors.pathNotFound(req.path());
        }
    }

    /** {@code GET .../privateLinkResources}: the one group a workspace offers. */
    ArmResponse privateLinkResources(ArmRequest req) {
        JsonObject ws = reads.require(req);
        JsonObject r = new JsonObject();
        r.addProperty("id", Json.string(ws, "id") + "/privateLinkResources/" + PrivateLinks.GROUP_ID);
        r.addProperty("name", PrivateLinks.GROUP_ID);
        r.addProperty("type", WorkspaceDocs.TYPE + "/privateLinkResources");
        JsonObject p = new JsonObject();
        p.addProperty("groupId", PrivateLinks.GROUP_ID);
        JsonArray members = new JsonArray();
        members.add("api");
        members.add("notebook");
        p.add("requiredMembers", members);
        JsonArray zones = new JsonArray();
        zones.add("privatelink.api.azureml.ms");
        zones.add("privatelink.notebooks.azure.net");
        p.add("requiredZoneNames", zones);
        r.add("properties", p);
        JsonArray values = new JsonArray();
        values.add(r);
        JsonObject out = new JsonObject();
        out.add("value", values);
        return ArmResponse.ok(out);
    }

    private ArmResponse start(ArmRequest req, JsonObject ws, String kind, boolean async) {
        Operation op = ctx.lro().start(new OperationSpec(kind, req.subscriptionId(), WorkspaceDocs.NAMESPACE,
                Json.string(ws, "location"), Json.string(ws, "id"), null));
        return accepted(ctx, op, req, async);
    }

    /**
     * Machine Learning's 202 as recorded on Azure: no body, Location, Azure-AsyncOperation too unless
     * {@code async} is false (diagnose), and no Retry-After.
     */
    static ArmResponse accepted(ProviderContext ctx, Operation op, ArmRequest req, boolean async) {
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>(ctx.lro().pollHeaders(op, req.endpoint(), req.apiVersion()));
        headers.remove("Retry-After");
        if (!async) {
            headers.remove("Azure-AsyncOperation");
        }
        return ArmResponse.of(202, null).withHeaders(headers);
    }

    private JsonObject live(Operation op) {
        return ctx.store().get(op.resourceId()).map(StoredResource::json)
                .orElseThrow(() -> ArmErrors.conflict("The workspace '" + op.resourceId() + "' was deleted during the operation."));
    }
}
