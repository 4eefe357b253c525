package dev.amlsh.sandbox.provider.ml;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmRequest;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.arm.Json;
import dev.amlsh.sandbox.provider.ProviderContext;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * {@code PATCH .../workspaces/{name}} with {@code WorkspaceUpdateParameters}: a merge-patch of the
 * updatable properties; tags are replaced wholesale; anything else is refused, naming it. The
 * service answers 200 with the workspace (the spec allows 200 or 202).
 */
final class WorkspacePatch {
    private static final Set<String> TOP = Set.of("tags", "sku", "identity", "properties");
    private static final Set<String> PROPERTIES = Set.of("description", "friendlyName", "imageBuildCompute", "applicationInsights",
            "containerRegistry", "publicNetworkAccess", "v1LegacyMode", "primaryUserAssignedIdentity", "systemDatastoresAuthMode",
            "encryption", "serviceManagedResourcesSettings", "serverlessComputeSettings", "managedNetwork", "featureStoreSettings",
            "enableDataIsolation");

    private final ProviderContext ctx;
    private final Dependencies deps;
    private final WorkspaceReads reads;

    WorkspacePatch(ProviderContext ctx, Dependencies deps, WorkspaceReads reads) {
        this.ctx = ctx;
        this.deps = deps;
        this.reads = reads;
    }

    ArmResponse patch(ArmRequest req) {
        JsonObject body = req.bodyObject();
        for (String key : body.keySet()) {
            if (!TOP.contains(key)) {
                throw WorkspaceErrors.workspacePropertyNotUpdatable(key);
            }
        }
        JsonObject props = WorkspaceDocs.object(body, "properties");
        if (props != null) {
            checkPatchable(props);
        }
        return ctx.store().inTransaction(() -> {
            JsonObject doc = reads.require(req);
            if (!WorkspaceDocs.SUCCEEDED.equals(WorkspaceDocs.state(doc))) {
                throw ArmErrors.anotherOperationInProgress("The workspace '" + req.name() + "' is "
                        + WorkspaceDocs.state(doc) + "; wait for that operation to finish, then try again.");
            }
            if (props != null) {
                checkDependencies(props, req.subscriptionId());
                JsonObject before = WorkspaceDocs.properties(doc).deepCopy();
                Json.mergePatch(WorkspaceDocs.properties(doc), props);
                ManagedNetworks.normalize(WorkspaceDocs.properties(doc), before, Json.string(doc, "id"));
            }
            if (body.has("tags")) {
                doc.remove("tags");
                JsonObject tags = WorkspaceBuilder.tags(body.get("tags"));
                if (tags != null) {
                    doc.add("tags", tags);
                }
            }
            JsonObject sku = WorkspaceDocs.object(body, "sku");
            if (sku != null) {
                JsonObject merged = WorkspaceDocs.object(doc, "sku") == null ? new JsonObject() : doc.getAsJsonObject("sku");
                Json.mergePatch(merged, sku);
                doc.add("sku", WorkspaceBuilder.sku(merged));
            }
            JsonObject identity = WorkspaceDocs.object(body, "identity");
            if (identity != null) {
                doc.add("identity", WorkspaceBuilder.identity(identity, WorkspaceDocs.object(doc, "identity"), ctx.tenantId()));
            }
            WorkspaceDocs.touch(doc, req.principal(), Instant.now());
            ctx.store().put(Json.string(doc, "id"), doc);
            return ArmResponse.ok(doc);
        });
    }

    private static void checkPatchable(JsonObject props) {
        for (Map.Entry<String, JsonElement> e : props.entrySet()) {
            if (!PROPERTIES.contains(e.getKey())) {
                throw WorkspaceErrors.workspacePropertyNotUpdatable("properties." + e.getKey());
            }
        }
        JsonObject enc = WorkspaceDocs.object(props, "encryption");
        if (enc != null) {
            for (String key : enc.keySet()) {
                if (!key.equals("keyVaultProperties")) {
                    throw WorkspaceErrors.workspacePropertyNotUpdatable("properties.encryption." + key);
                }
            }
            JsonObject kvp = WorkspaceDocs.object(enc, "keyVaultProperties");
            for (String key : kvp == null ? Set.<String>of() : kvp.keySet()) {
                if (!key.equals("keyIdentifier")) {
                    throw WorkspaceErrors.workspacePropertyNotUpdatable("properties.encryption.keyVaultProperties." + key);
                }
            }
        }
        String access = Json.string(props, "publicNetworkAccess");
        if (access != null && !access.equals("Enabled") && !access.equals("Disabled")) {
            throw WorkspaceErrors.workspaceBadRequest("properties.publicNetworkAccess", "The value '" + access
                    + "' of publicNetworkAccess is not valid; use Enabled or Disabled.");
        }
        WorkspaceDocs.bool(props, "v1LegacyMode", false);
    }

    private void checkDependencies(JsonObject props, String sub) {
        if (props.has(Dependencies.INSIGHTS.property())) {
            String insights = Json.string(props, Dependencies.INSIGHTS.property());
            if (insights == null) {
                throw WorkspaceErrors.workspaceDependencyRequired(Dependencies.INSIGHTS.property(), Dependencies.INSIGHTS.label());
            }
            deps.require(Dependencies.INSIGHTS, insights, sub);
        }
        String registry = Json.string(props, Dependencies.REGISTRY.property());
        if (registry != null) {
            Dependencies.checkRegistry(Dependencies.REGISTRY.property(), deps.require(Dependencies.REGISTRY, registry, sub), registry);
        }
    }
}
