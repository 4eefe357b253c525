package dev.amlsh.sandbox.provider.insights;

import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmRequest;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.provider.ProviderContext;
import dev.amlsh.sandbox.provider.ProviderHandler;
import dev.amlsh.sandbox.provider.TrackedResourceSupport;

/**
 * {@code Microsoft.Insights}: Application Insights components (api-version 2020-02-02 shapes).
 * PUT, GET, PATCH (tags), DELETE, listing by group or subscription, and the components' API keys
 * ({@code components/{name}/ApiKeys}: create, list, get, delete).
 *
 * <pre>{@code
 * PUT /subscriptions/{s}/resourceGroups/rg1/providers/Microsoft.Insights/components/ai1?api-version=2020-02-02
 * {"location":"eastus","kind":"web","properties":{"Application_Type":"web"}}
 * }</pre>
 */
public final class InsightsHandler implements ProviderHandler {
    private Components components;
    private ComponentApiKeys apiKeys;

    @Override
    public String namespace() {
        return "Microsoft.Insights";
    }

    @Override
    public void init(ProviderContext ctx) {
        components = new Components(ctx.store(), ctx.tenantId());
        apiKeys = new ComponentApiKeys(ctx.store());
    }

    @Override
    public ArmResponse handle(ArmRequest req, ProviderContext ctx) {
        if (req.types().size() == 2 && req.types().get(0).equalsIgnoreCase("components")
                && req.types().get(1).equalsIgnoreCase("ApiKeys") && req.resourceGroup() != null && req.action() == null) {
            return apiKeys(req);
        }
        if (req.types().isEmpty() || !req.types().get(0).equalsIgnoreCase("components") || req.types().size() > 1) {
            String type = req.types().isEmpty() ? String.valueOf(req.action()) : String.join("/", req.types());
            throw ArmErrors.invalidResourceType(type, namespace(), req.apiVersion());
        }
        if (req.action() != null) {
            if (req.action().equalsIgnoreCase("ApiKeys") && req.isMethod("POST") && req.resourceGroup() != null) {
                return ctx.store().inTransaction(() -> apiKeys.create(req, components.require(req)));
            }
            throw ArmErrors.pathNotFound(req.path());
        }
        if (req.isCollection()) {
            if (!req.isMethod("GET")) {
                throw ArmErrors.methodNotAllowed(req.method());
            }
            return Components.withNextLink(TrackedResourceSupport.list(req, ctx.store(), Components.TYPE, doc -> doc));
        }
        if (req.resourceGroup() == null) {
            throw ArmErrors.pathNotFound(req.path());
        }
        switch (req.method()) {
            case "PUT": return components.put(req);
            case "GET": return components.get(req);
            case "PATCH": return components.patchTags(req);
            case "DELETE": return components.delete(req, apiKeys);
            default: throw ArmErrors.methodNotAllowed(req.method());
        }
    }

    /** A deleted group takes its components' API keys with it. */
    @Override
    public void onGroupDelete(java.util.List<dev.amlsh.sandbox.store.StoredResource> resources, ProviderContext ctx) {
        for (dev.amlsh.sandbox.store.StoredResource r : resources) {
            if (r.type().equalsIgnoreCase(Components.TYPE)) {
                apiKeys.forget(r.id());
            }
        }
    }

    /** {@code GET .../components/{name}/ApiKeys}, {@code GET|DELETE .../ApiKeys/{keyId}}. */
    private ArmResponse apiKeys(ArmRequest req) {
        String keyId = req.names().size() == 2 ? req.names().get(1) : null;
        if (keyId == null) {
            if (!req.isMethod("GET")) {
                throw ArmErrors.methodNotAllowed(req.method());
            }
            return apiKeys.list(components.require(req.names().get(0), req));
        }
        return switch (req.method()) {
            case "GET" -> apiKeys.get(components.require(req.names().get(0), req), keyId);
            case "DELETE" -> apiKeys.delete(components.require(req.names().get(0), req), keyId);
            default -> throw ArmErrors.methodNotAllowed(req.method());
        };
    }
}
