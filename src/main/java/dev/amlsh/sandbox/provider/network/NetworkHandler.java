package dev.amlsh.sandbox.provider.network;

import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmRequest;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.provider.ProviderContext;
import dev.amlsh.sandbox.provider.ProviderHandler;
import java.util.List;

/**
 * The part of {@code Microsoft.Network} the workspace private-endpoint flow needs: virtual networks
 * with inline subnets, and private endpoints to workspaces. Other Network types get ARM's
 * {@code InvalidResourceType}.
 *
 * <pre>{@code
 * PUT .../providers/Microsoft.Network/virtualNetworks/vnet1
 *     {"location":"eastus","properties":{"addressSpace":{"addressPrefixes":["10.0.0.0/16"]},
 *      "subnets":[{"name":"default","properties":{"addressPrefix":"10.0.0.0/24"}}]}}
 * }</pre>
 */
public final class NetworkHandler implements ProviderHandler {
    private VirtualNetworks vnets;
    private PrivateEndpoints endpoints;

    @Override
    public String namespace() {
        return NetworkDocs.NAMESPACE;
    }

    @Override
    public void init(ProviderContext ctx) {
        vnets = new VirtualNetworks(ctx.store());
        dev.amlsh.sandbox.provider.AsyncAnswers.register(ctx.lro());
        endpoints = new PrivateEndpoints(ctx.store());
    }

    @Override
    public ArmResponse handle(ArmRequest req, ProviderContext ctx) {
        List<String> t = req.types();
        String first = t.isEmpty() ? "" : t.get(0);
        if (req.action() != null || t.isEmpty() || t.size() > 2) {
            throw ArmErrors.invalidResourceType(String.join("/", t), namespace(), req.apiVersion());
        }
        boolean vnet = first.equalsIgnoreCase("virtualNetworks");
        boolean pe = first.equalsIgnoreCase("privateEndpoints");
        if ((!vnet && !pe) || (t.size() == 2 && !(vnet && t.get(1).equalsIgnoreCase("subnets")))) {
            throw ArmErrors.invalidResourceType(String.join("/", t), namespace(), req.apiVersion());
        }
        if (req.isCollection() && t.size() == 1) {
            return only(req, () -> NetworkDocs.list(ctx.store(), req, vnet ? NetworkDocs.VNET_TYPE : NetworkDocs.PE_TYPE));
        }
        if (req.resourceGroup() == null) {
            throw ArmErrors.pathNotFound(req.path());
        }
        if (t.size() == 2 && (req.isCollection() || req.isMethod("GET"))) {
            return only(req, () -> vnets.subnets(req));
        }
        switch (req.method()) {
            case "PUT": return vnet ? async(req, ctx, t.size() == 2 ? vnets.putSubnet(req) : vnets.put(req), false) : endpoints.put(req);
            case "GET": return vnet ? vnets.get(req) : endpoints.get(req);
            case "DELETE": return vnet ? async(req, ctx, t.size() == 2 ? vnets.deleteSubnet(req) : vnets.delete(req), true)
                    : endpoints.delete(req);
            default: throw ArmErrors.methodNotAllowed(req.method());
        }
    }

    // As Microsoft.Network does: writes answer at once with an operation to poll (201/200 with
    // Azure-AsyncOperation; deletes 202 with Azure-AsyncOperation and Location); 204 stays 204.
    private static ArmResponse async(ArmRequest req, ProviderContext ctx, ArmResponse done, boolean delete) {
        if (done.status() == 204) {
            return done;
        }
        String location = "global";
        if (!delete && done.body() != null && done.body().isJsonObject() && done.body().getAsJsonObject().has("location")) {
            location = done.body().getAsJsonObject().get("location").getAsString();
        }
        return dev.amlsh.sandbox.provider.AsyncAnswers.of(ctx.lro(), req, namespace(req), location, req.resourceId(),
                delete ? 202 : done.status(), delete ? null : done.body(), delete);
    }

    private static String namespace(ArmRequest req) {
        return NetworkDocs.NAMESPACE;
    }

    private static ArmResponse only(ArmRequest req, java.util.function.Supplier<ArmResponse> get) {
        if (!req.isMethod("GET")) {
            throw ArmErrors.methodNotAllowed(req.method());
        }
        return get.get();
    }
}
