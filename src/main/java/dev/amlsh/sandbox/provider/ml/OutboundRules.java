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
import java.time.Instant;

/**
 * {@code .../workspaces/{ws}/outboundRules[/{rule}]} and {@code POST .../provisionManagedNetwork}
 * (api-version 2024-04-01). Rules live in the workspace's {@code managedNetwork.outboundRules}
 * map; the child resource is a view of one entry. PUT and DELETE are long-running (202,
 * finished through {@code Location}); the change is checked and stored at once, so a bad rule is
 * a 400 before anything starts.
 *
 * <pre>{@code
 * PUT .../workspaces/ws1/outboundRules/pypi {"properties":{"type":"FQDN","destination":"pypi.org"}}
 * }</pre>
 */
final class OutboundRules {
    static final String SET_KIND = "ml.workspace.outboundRule.set";
    static final String REMOVE_KIND = "ml.workspace.outboundRule.remove";
    static final String PROVISION_KIND = "ml.workspace.provisionManagedNetwork";
    private final ProviderContext ctx;
    private final WorkspaceReads reads;

    OutboundRules(ProviderContext ctx, WorkspaceReads reads) {
        this.ctx = ctx;
        this.reads = reads;
        ctx.lro().register(SET_KIND, op -> {
            JsonObject ws = live(op);
            String rule = op.payload().getAsString();
            JsonObject r = rules(ws).has(rule) ? rules(ws).getAsJsonObject(rule) : null;
            return r == null ? OperationResult.noContent() : OperationResult.ok(resource(ws, rule, r));
        });
        ctx.lro().register(REMOVE_KIND, op -> OperationResult.noContent());
        ctx.lro().register(PROVISION_KIND, op -> {
            JsonObject ws = live(op);
            boolean spark = op.payload() != null && op.payload().getAsBoolean();
            JsonObject net = WorkspaceDocs.object(WorkspaceDocs.properties(ws), "managedNetwork");
            JsonObject st = WorkspaceDocs.object(net, "status");
            st.addProperty("status", "Active");
            st.addProperty("sparkReady", spark || st.has("sparkReady") && st.get("sparkReady").getAsBoolean());
            for (var e : rules(ws).entrySet()) {
                e.getValue().getAsJsonObject().addProperty("status", "Active");
            }
            ctx.store().put(op.resourceId(), ws);
            return OperationResult.ok(st.deepCopy());
        });
    }

    ArmResponse handle(ArmRequest req) {
        return ctx.store().inTransaction(() -> {
            JsonObject ws = reads.require(req);
            if (req.isCollection()) {
                if (!req.isMethod("GET")) {
                    throw ArmErrors.methodNotAllowed(req.method());
                }
                JsonArray value = new JsonArray();
                for (var e : rules(ws).entrySet()) {
                    value.add(resource(ws, e.getKey(), e.getValue().getAsJsonObject()));
                }
                JsonObject out = new JsonObject();
                out.add("value", value);
                return ArmResponse.ok(out);
            }
            String name = req.name();
            JsonObject existing = find(ws, name);
            switch (req.method()) {
                case "GET":
                    if (existing == null) {
                        throw notFound(name, req);
                    }
                    return ArmResponse.ok(resource(ws, name, existing));
                case "PUT":
                    return put(req, ws, name);
                case "DELETE":
                    if (existing == null) {
                        return ArmResponse.noContent();
                    }
                    if ("Required".equals(Json.string(existing, "category"))) {
                        throw WorkspaceErrors.workspaceBadRequest("outboundRules/" + name, "The outbound rule '" + name
                                + "' is Required by the workspace and cannot be removed.");
                    }
                    rules(ws).remove(key(ws, name));
                    save(ws, req);
                    return start(req, ws, REMOVE_KIND, null);
                default:
                    throw ArmErrors.methodNotAllowed(req.method());
            }
        });
    }

    /** {@code POST .../provisionManagedNetwork} {@code {"includeSpark": bool}}. */
    ArmResponse provision(ArmRequest req) {
        return ctx.store().inTransaction(() -> {
            JsonObject ws = reads.require(req);
            JsonObject net = WorkspaceDocs.object(WorkspaceDocs.properties(ws), "managedNetwork");
            if (net == null || ManagedNetworks.mode(net).equals(ManagedNetworks.DISABLED)) {
                throw WorkspaceErrors.workspaceBadRequest("properties.managedNetwork", "The workspace '" + req.names().get(0)
                        + "' has no managed network to provision: set its isolation mode first.");
            }
            boolean spark = req.body() != null && req.body().isJsonObject()
                    && WorkspaceDocs.bool(req.body().getAsJsonObject(), "includeSpark", false);
            return start(req, ws, PROVISION_KIND, new com.google.gson.JsonPrimitive(spark));
        });
    }

    private ArmResponse put(ArmRequest req, JsonObject ws, String name) {
        JsonObject body = req.bodyObject();
        JsonObject props = WorkspaceDocs.object(body, "properties");
        if (props == null) {
            throw ArmErrors.invalidRequestContent("'properties' is required");
        }
        JsonObject existing = find(ws, name);
        if (existing != null && "Required".equals(Json.string(existing, "category"))) {
            throw WorkspaceErrors.workspaceBadRequest("outboundRules/" + name, "The outbound rule '" + name
                    + "' is Required by the workspace and cannot be changed.");
        }
        JsonObject net = WorkspaceDocs.object(WorkspaceDocs.properties(ws), "managedNetwork");
        String mode = net == null ? ManagedNetworks.DISABLED : ManagedNetworks.mode(net);
        JsonObject rule = ManagedNetworks.checkRule(name, props, mode, ManagedNetworks.status(net));
        if (existing != null) {
            rules(ws).remove(key(ws, name));
        }
        rules(ws).add(name, rule);
        save(ws, req);
        return start(req, ws, SET_KIND, new com.google.gson.JsonPrimitive(name));
    }

    private ArmResponse start(ArmRequest req, JsonObject ws, String kind, com.google.gson.JsonElement payload) {
        Operation op = ctx.lro().start(new OperationSpec(kind, req.subscriptionId(), WorkspaceDocs.NAMESPACE,
                Json.string(ws, "location"), Json.string(ws, "id"), payload));
        return ctx.lro().accepted(op, 202, null, req.endpoint(), req.apiVersion());
    }

    private void save(JsonObject ws, ArmRequest req) {
        WorkspaceDocs.touch(ws, req.principal(), Instant.now());
        ctx.store().put(Json.string(ws, "id"), ws);
    }

    static JsonObject resource(JsonObject ws, String name, JsonObject rule) {
        JsonObject r = new JsonObject();
        r.addProperty("id", Json.string(ws, "id") + "/outboundRules/" + name);
        r.addProperty("name", name);
        r.addProperty("type", WorkspaceDocs.TYPE + "/outboundRules");
        r.add("properties", rule.deepCopy());
        return r;
    }

    private static JsonObject rules(JsonObject ws) {
        JsonObject p = WorkspaceDocs.properties(ws);
        JsonObject net = WorkspaceDocs.object(p, "managedNetwork");
        if (net == null) {
            net = new JsonObject();
            net.addProperty("isolationMode", ManagedNetworks.DISABLED);
            p.add("managedNetwork", net);
        }
        JsonObject rules = WorkspaceDocs.object(net, "outboundRules");
        if (rules == null) {
            rules = new JsonObject();
            net.add("outboundRules", rules);
        }
        return rules;
    }

    private static String key(JsonObject ws, String name) {
        return rules(ws).keySet().stream().filter(k -> k.equalsIgnoreCase(name)).findFirst().orElse(name);
    }

    private static JsonObject find(JsonObject ws, String name) {
        JsonObject rules = rules(ws);
        String k = key(ws, name);
        return rules.has(k) ? rules.getAsJsonObject(k) : null;
    }

    private static dev.amlsh.sandbox.arm.ArmException notFound(String name, ArmRequest req) {
        return ArmErrors.of(404, "NotFound", "The outbound rule '" + name + "' was not found in workspace '"
                + req.names().get(0) + "'.");
    }

    private JsonObject live(Operation op) {
        return ctx.store().get(op.resourceId()).map(StoredResource::json)
                .orElseThrow(() -> ArmErrors.conflict("The workspace '" + op.resourceId() + "' was deleted during the operation."));
    }
}
