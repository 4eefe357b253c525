package dev.amlsh.sandbox.provider.storage;

import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmRequest;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.arm.Json;
import dev.amlsh.sandbox.provider.ProviderContext;
import dev.amlsh.sandbox.provider.TrackedResourceSupport;
import dev.amlsh.sandbox.provider.ProviderHandler;
import dev.amlsh.sandbox.store.StoredResource;
import java.util.List;

/**
 * Microsoft.Storage: storage accounts (create as a long-running PUT, get, list by group and by
 * subscription, patch, delete), their keys ({@code listKeys}, {@code regenerateKey}) and
 * {@code checkNameAvailability}, in the 2024-01-01 shapes.
 *
 * <pre>{@code
 * PUT  /subscriptions/{s}/resourceGroups/{g}/providers/Microsoft.Storage/storageAccounts/mysa   -> 202, then 200
 * POST /subscriptions/{s}/resourceGroups/{g}/providers/Microsoft.Storage/storageAccounts/mysa/listKeys
 * POST /subscriptions/{s}/providers/Microsoft.Storage/checkNameAvailability {"name":"mysa","type":"Microsoft.Storage/storageAccounts"}
 * }</pre>
 */
public final class StorageHandler implements ProviderHandler {
    public static final String NAMESPACE = "Microsoft.Storage";
    public static final String TYPE = "Microsoft.Storage/storageAccounts";

    private StorageAccounts accounts;
    private StorageNames names;

    @Override
    public String namespace() {
        return NAMESPACE;
    }

    @Override
    public void init(ProviderContext ctx) {
        names = new StorageNames(ctx.store());
        accounts = new StorageAccounts(ctx, names);
    }

    @Override
    public ArmResponse handle(ArmRequest req, ProviderContext ctx) {
        List<String> types = req.types();
        if (types.isEmpty() && "checkNameAvailability".equalsIgnoreCase(req.action()) && req.resourceGroup() == null) {
            return only(req, "POST", () -> checkName(req));
        }
        if (types.size() != 1 || !types.get(0).equalsIgnoreCase("storageAccounts")) {
            String type = types.isEmpty() ? String.valueOf(req.action()) : String.join("/", types);
            throw ArmErrors.invalidResourceType(type, NAMESPACE, req.apiVersion());
        }
        if (req.isCollection()) {
            return only(req, "GET", () -> TrackedResourceSupport.list(req, ctx.store(), TYPE, json -> json));
        }
        if (req.resourceGroup() == null) {
            throw ArmErrors.pathNotFound(req.path());
        }
        if (req.action() != null) {
            return switch (req.action().toLowerCase(java.util.Locale.ROOT)) {
                case "listkeys" -> only(req, "POST", () -> accounts.listKeys(req));
                case "regeneratekey" -> only(req, "POST", () -> accounts.regenerateKey(req));
                default -> throw ArmErrors.pathNotFound(req.path());
            };
        }
        return switch (req.method()) {
            case "PUT" -> accounts.put(req);
            case "GET" -> accounts.get(req);
            case "PATCH" -> accounts.patch(req);
            case "DELETE" -> accounts.delete(req);
            default -> throw ArmErrors.methodNotAllowed(req.method());
        };
    }

    /** A group delete removes the accounts; their keys and names go with them. */
    @Override
    public void onGroupDelete(List<StoredResource> resources, ProviderContext ctx) {
        for (StoredResource r : resources) {
            if (r.type().equalsIgnoreCase(TYPE)) {
                accounts.forget(r);
            }
        }
    }


    private ArmResponse checkName(ArmRequest req) {
        JsonObject body = req.bodyObject();
        String name = Json.string(body, "name");
        String type = Json.string(body, "type");
        if (name == null || type != null && !type.equalsIgnoreCase(TYPE)) {
            throw StorageErrors.invalidValues(name == null ? "name" : "type");
        }
        JsonObject out = new JsonObject();
        if (!StorageRules.validName(name)) {
            out.addProperty("nameAvailable", false);
            out.addProperty("reason", "AccountNameInvalid");
            out.addProperty("message", StorageErrors.invalidNameMessage(name));
        } else if (names.owner(name).isPresent()) {
            out.addProperty("nameAvailable", false);
            out.addProperty("reason", "AlreadyExists");
            out.addProperty("message", StorageErrors.takenMessage(name));
        } else {
            out.addProperty("nameAvailable", true);
        }
        return ArmResponse.ok(out);
    }

    private static ArmResponse only(ArmRequest req, String method, java.util.function.Supplier<ArmResponse> action) {
        if (!req.isMethod(method)) {
            throw ArmErrors.methodNotAllowed(req.method());
        }
        return action.get();
    }
}
