package dev.amlsh.sandbox.provider.insights;

import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmRequest;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.provider.ProviderContext;
import dev.amlsh.sandbox.provider.ProviderHandler;
import dev.amlsh.sandbox.provider.TrackedResourceSupport;

/**
 * {@code Microsoft.Insights}: Application Insights components (api-version 2020-02-02 shapes).
 * PUT, GET, PATCH (tags), DELETE, and listing by group or subscription.
 *
 * <pre>{@code
 * PUT /subscriptions/{s}/resourceGroups/rg1/providers/Microsoft.Insights/components/ai1?api-version=2020-02-02
 * {"location":"eastus","kind":"web","properties":{"Application_Type":"web"}}
 * }</pre>
 */
public final class InsightsHandler implements ProviderHandler {
    private Components components;

    @Override
    public String namespace() {
        return "Microsoft.Insights";
    }

    @Override
    public void init(ProviderContext ctx) {
        components = new Components(ctx.store(), ctx.tenantId());
    }

    @Override
    public ArmResponse handle(ArmRequest req, ProviderContext ctx) {
        if (req.types().isEmpty() || !req.types().get(0).equalsIgnoreCase("components") || req.types().size() > 1) {
            String type = req.types().isEmpty() ? String.valueOf(req.action()) : String.join("/", req.types());
            throw ArmErrors.invalidResourceType(type, namespace(), req.apiVersion());
        }
        if (req.action() != null) {
            throw ArmErrors.pathNotFound(req.path());
        }
        if (req.isCollection()) {
            if (!req.isMethod("GET")) {
                throw ArmErrors.methodNotAllowed(req.method());
            }
            return TrackedResourceSupport.list(req, ctx.store(), Components.TYPE, doc -> doc);
        }
        if (req.resourceGroup() == null) {
            throw ArmErrors.pathNotFound(req.path());
        }
        switch (req.method()) {
            case "PUT": return components.put(req);
            case "GET": return components.get(req);
            case "PATCH": return components.patchTags(req);
            case "DELETE": return components.delete(req);
            default: throw ArmErrors.methodNotAllowed(req.method());
        }
    }
}
