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
import dev.amlsh.sandbox.provider.resources.Locations;
import dev.amlsh.sandbox.store.StoredResource;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code PUT .../workspaces/{name}}: validates the body against the service's rules, then creates
 * (202 with no body and polling headers, as Azure answers; Succeeded once the operation ends) or
 * replaces (200) the workspace.
 */
final class WorkspacePut {
    static final String CREATE_KIND = "ml.workspace.create";
    private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$");

    private final ProviderContext ctx;
    private final Dependencies deps;
    private final SoftDeleted deleted;
    private final WorkspaceKeys keys;
    private final ManagedGroups groups;

    WorkspacePut(ProviderContext ctx, Dependencies deps, SoftDeleted deleted, WorkspaceKeys keys, ManagedGroups groups) {
        this.ctx = ctx;
        this.deps = deps;
        this.deleted = deleted;
        this.keys = keys;
        this.groups = groups;
        ctx.lro().register(CREATE_KIND, op -> {
            JsonObject doc = ctx.store().get(op.resourceId()).map(StoredResource::json)
                    .orElseThrow(() -> ArmErrors.conflict("The workspace '" + op.resourceId() + "' was deleted while it was being created."));
            WorkspaceDocs.setState(doc, WorkspaceDocs.SUCCEEDED);
            ctx.store().put(op.resourceId(), doc);
            return OperationResult.ok(doc);
        });
    }

    ArmResponse put(ArmRequest req) {
        String name = req.name();
        if (!NAME.matcher(name).matches()) {
            throw WorkspaceErrors.invalidWorkspaceName(name);
        }
        JsonObject body = req.bodyObject();
        String requested = Json.string(body, "location");
        if (requested == null || requested.isBlank()) {
            throw ArmErrors.locationRequired();
        }
        String location = Locations.resolve(requested).map(Locations.Region::name).orElseThrow(() -> ArmErrors
                .locationNotAvailableForResourceType(requested, WorkspaceDocs.TYPE,
                        Locations.all().stream().map(Locations.Region::name).collect(Collectors.joining(","))));
        String sub = req.subscriptionId();
        String group = req.resourceGroup();
        String id = WorkspaceDocs.id(sub, group, name);
        return ctx.store().inTransaction(() -> {
            Optional<JsonObject> existing = ctx.store().get(id).map(StoredResource::json);
            if (existing.isEmpty() && deleted.find(id).isPresent()) {
                throw WorkspaceErrors.workspaceSoftDeleted(name, group);
            }
            if (existing.isPresent()) {
                checkReplaceable(existing.get(), name, group, location);
            }
            JsonObject props = WorkspaceDocs.object(body, "properties");
            validate(props == null ? new JsonObject() : props, existing.orElse(null), sub);
            JsonObject doc = WorkspaceBuilder.build(id, sub, group, name, location, body, existing.orElse(null), ctx.tenantId());
            ManagedNetworks.normalize(WorkspaceDocs.properties(doc), existing.map(WorkspaceDocs::properties).orElse(null), id);
            Instant now = Instant.now();
            doc.add("systemData", WorkspaceDocs.systemData(existing.map(e -> WorkspaceDocs.object(e, "systemData")).orElse(null),
                    req.principal(), now));
            if (existing.isPresent()) {
                WorkspaceDocs.setState(doc, WorkspaceDocs.SUCCEEDED);
                ctx.store().put(id, doc);
                return ArmResponse.ok(doc);
            }
            if (WorkspaceDocs.isCmk(doc)) {
                WorkspaceDocs.properties(doc).addProperty("serviceProvisionedResourceGroup", groups.create(sub, group, location, id));
            }
            WorkspaceDocs.setState(doc, WorkspaceDocs.CREATING);
            ctx.store().put(id, doc);
            keys.create(doc);
            Operation op = ctx.lro().start(new OperationSpec(CREATE_KIND, sub, WorkspaceDocs.NAMESPACE, location, id, null));
            // Azure: 202 with no body, Azure-AsyncOperation and Location, no Retry-After
            return WorkspaceActions.accepted(ctx, op, req, true);
        });
    }

    private static void checkReplaceable(JsonObject existing, String name, String group, String location) {
        String state = WorkspaceDocs.state(existing);
        if (!WorkspaceDocs.SUCCEEDED.equals(state) && state != null) {
            throw ArmErrors.anotherOperationInProgress("The workspace '" + name + "' is " + state.toLowerCase(java.util.Locale.ROOT)
                    + "; wait for that operation to finish, then try again.");
        }
        String old = Json.string(existing, "location");
        if (!old.equalsIgnoreCase(location)) {
            throw ArmErrors.invalidResourceLocation(name, old, group, location);
        }
    }

    private void validate(JsonObject props, JsonObject existing, String sub) {
        String storage = required(props, Dependencies.STORAGE);
        String vault = required(props, Dependencies.KEY_VAULT);
        String insights = required(props, Dependencies.INSIGHTS);
        String registry = Json.string(props, Dependencies.REGISTRY.property());
        if (existing != null) {
            checkImmutable(props, WorkspaceDocs.properties(existing));
        }
        Dependencies.checkStorage(deps.require(Dependencies.STORAGE, storage, sub), storage);
        deps.require(Dependencies.KEY_VAULT, vault, sub);
        deps.require(Dependencies.INSIGHTS, insights, sub);
        if (registry != null) {
            Dependencies.checkRegistry(Dependencies.REGISTRY.property(), deps.require(Dependencies.REGISTRY, registry, sub), registry);
        }
        JsonObject enc = WorkspaceDocs.object(props, "encryption");
        if (enc != null && "Enabled".equalsIgnoreCase(Json.string(enc, "status"))) {
            JsonObject kvp = WorkspaceDocs.object(enc, "keyVaultProperties");
            String vaultId = Json.string(kvp, "keyVaultArmId");
            if (vaultId == null || vaultId.isBlank()) {
                throw WorkspaceErrors.workspaceDependencyRequired(Dependencies.CMK_VAULT.property(), "key vault holding the encryption key");
            }
            String keyId = Json.string(kvp, "keyIdentifier");
            if (keyId == null || !keyId.startsWith("https://")) {
                throw WorkspaceErrors.workspaceBadRequest("properties.encryption.keyVaultProperties.keyIdentifier",
                        "The encryption key identifier must be the key's URL, e.g. https://<vault>.vault.azure.net/keys/<key>/<version>.");
            }
            deps.require(Dependencies.CMK_VAULT, vaultId, sub);
        }
    }

    private static String required(JsonObject props, Dependencies.Kind kind) {
        String id = Json.string(props, kind.property());
        if (id == null || id.isBlank()) {
            throw WorkspaceErrors.workspaceDependencyRequired(kind.property(), kind.label());
        }
        return id;
    }

    /** What a PUT on an existing workspace may not change (the real service: "... update is not supported"). */
    private static void checkImmutable(JsonObject props, JsonObject old) {
        for (String p : new String[] {Dependencies.STORAGE.property(), Dependencies.KEY_VAULT.property()}) {
            if (!Json.string(props, p).equalsIgnoreCase(Json.string(old, p))) {
                throw WorkspaceErrors.workspacePropertyImmutable(p);
            }
        }
        if (props.has("hbiWorkspace") && WorkspaceDocs.bool(props, "hbiWorkspace", false) != WorkspaceDocs.bool(old, "hbiWorkspace", false)) {
            throw WorkspaceErrors.workspacePropertyImmutable("hbiWorkspace");
        }
        JsonObject enc = WorkspaceDocs.object(props, "encryption");
        if (enc != null) {
            JsonObject was = WorkspaceDocs.object(old, "encryption");
            boolean on = "Enabled".equalsIgnoreCase(Json.string(enc, "status"));
            boolean wasOn = was != null && "Enabled".equalsIgnoreCase(Json.string(was, "status"));
            String vault = Json.string(WorkspaceDocs.object(enc, "keyVaultProperties"), "keyVaultArmId");
            String wasVault = was == null ? null : Json.string(WorkspaceDocs.object(was, "keyVaultProperties"), "keyVaultArmId");
            if (on != wasOn || (on && !String.valueOf(vault).equalsIgnoreCase(String.valueOf(wasVault)))) {
                throw WorkspaceErrors.workspacePropertyImmutable("encryption");
            }
        }
    }
}
