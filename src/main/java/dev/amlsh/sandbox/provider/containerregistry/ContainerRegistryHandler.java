package dev.amlsh.sandbox.provider.containerregistry;

import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmRequest;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.arm.Json;
import dev.amlsh.sandbox.provider.ProviderContext;
import dev.amlsh.sandbox.provider.ProviderHandler;
import dev.amlsh.sandbox.provider.TrackedResourceSupport;
import dev.amlsh.sandbox.store.StoredResource;
import java.util.List;
import java.util.Locale;

/**
 * {@code Microsoft.ContainerRegistry} (api-version 2023-07-01 shapes): registries with their
 * admin credentials ({@code listCredentials}, {@code regenerateCredential}) and the
 * subscription-level {@code checkNameAvailability}.
 *
 * <pre>{@code
 * POST /subscriptions/{s}/providers/Microsoft.ContainerRegistry/checkNameAvailability?api-version=2023-07-01
 * {"name":"myregistry","type":"Microsoft.ContainerRegistry/registries"}
 * }</pre>
 */
public final class ContainerRegistryHandler implements ProviderHandler {
    private Registries registries;

    @Override
    public String namespace() {
        return Registries.NAMESPACE;
    }

    @Override
    public void init(ProviderContext ctx) {
        registries = new Registries(ctx.store(), ctx.lro(), ctx.tenantId());
        dev.amlsh.sandbox.provider.AsyncAnswers.register(ctx.lro());
    }

    @Override
    public ArmResponse handle(ArmRequest req, ProviderContext ctx) {
        if (req.types().isEmpty()) {
            if ("checkNameAvailability".equalsIgnoreCase(req.action()) && req.resourceGroup() == null) {
                return onlyPost(req, () -> checkName(req));
            }
            throw ArmErrors.invalidResourceType(String.valueOf(req.action()), namespace(), req.apiVersion());
        }
        if (!req.types().get(0).equalsIgnoreCase("registries") || req.types().size() > 1) {
            throw ArmErrors.invalidResourceType(String.join("/", req.types()), namespace(), req.apiVersion());
        }
        if (req.isCollection()) {
            if (!req.isMethod("GET") || req.action() != null) {
                throw ArmErrors.methodNotAllowed(req.method());
            }
            return TrackedResourceSupport.list(req, ctx.store(), Registries.TYPE, doc -> doc);
        }
        if (req.resourceGroup() == null) {
            throw ArmErrors.pathNotFound(req.path());
        }
        if (req.action() != null) {
            String action = req.action().toLowerCase(Locale.ROOT);
            if (action.equals("listcredentials")) {
                return onlyPost(req, () -> ArmResponse.ok(credentials(req, ctx)));
            }
            if (action.equals("regeneratecredential")) {
                return onlyPost(req, () -> regenerate(req, ctx));
            }
            throw ArmErrors.pathNotFound(req.path());
        }
        switch (req.method()) {
            case "PUT": return registries.put(req);
            case "GET": return registries.get(req);
            case "PATCH": return registries.patch(req);
            case "DELETE": return registries.delete(req);
            default: throw ArmErrors.methodNotAllowed(req.method());
        }
    }

    @Override
    public void onGroupDelete(List<StoredResource> resources, ProviderContext ctx) {
        for (StoredResource r : resources) {
            if (r.type().equalsIgnoreCase(Registries.TYPE)) {
                registries.forget(r.json());
            }
        }
    }

    private JsonObject credentials(ArmRequest req, ProviderContext ctx) {
        JsonObject doc = registries.require(req);
        String id = doc.get("id").getAsString();
        if (!doc.getAsJsonObject("properties").get("adminUserEnabled").getAsBoolean()) {
            throw ArmErrors.registryAdminUserDisabled(id);
        }
        return RegistryCredentials.read(ctx.store(), id)
                .orElseGet(() -> RegistryCredentials.create(ctx.store(), id, doc.get("name").getAsString()));
    }

    private ArmResponse regenerate(ArmRequest req, ProviderContext ctx) {
        String which = Json.string(req.bodyObject(), "name");
        if (!RegistryCredentials.PASSWORD.equals(which) && !RegistryCredentials.PASSWORD2.equals(which)) {
            throw ArmErrors.invalidParameter("name", "The value '" + which
                    + "' of 'name' is not valid. Valid values are 'password' and 'password2'.");
        }
        return ctx.store().inTransaction(() -> {
            credentials(req, ctx);
            JsonObject doc = registries.require(req);
            return ArmResponse.ok(RegistryCredentials.regenerate(ctx.store(), doc.get("id").getAsString(),
                    doc.get("name").getAsString(), which));
        });
    }

    /** {@code {nameAvailable, reason?, message?}} as the service answers it. */
    private ArmResponse checkName(ArmRequest req) {
        JsonObject body = req.bodyObject();
        String name = Json.string(body, "name");
        String type = Json.string(body, "type");
        if (type == null || !type.equalsIgnoreCase(Registries.TYPE)) {
            throw ArmErrors.invalidParameter("type", "The resource type '" + type + "' is not valid. Use '"
                    + Registries.TYPE + "'.");
        }
        JsonObject out = new JsonObject();
        if (!Registries.validName(name)) {
            out.addProperty("nameAvailable", false);
            out.addProperty("reason", "Invalid");
            out.addProperty("message", Registries.NAME_RULE);
        } else if (registries.holderOf(name).isPresent()) {
            out.addProperty("nameAvailable", false);
            out.addProperty("reason", "AlreadyExists");
            out.addProperty("message", "The registry " + name + " is already in use.");
        } else {
            out.addProperty("nameAvailable", true);
        }
        return ArmResponse.ok(out);
    }

    private static ArmResponse onlyPost(ArmRequest req, java.util.function.Supplier<ArmResponse> action) {
        if (!req.isMethod("POST")) {
            throw ArmErrors.methodNotAllowed(req.method());
        }
        return action.get();
    }
}
