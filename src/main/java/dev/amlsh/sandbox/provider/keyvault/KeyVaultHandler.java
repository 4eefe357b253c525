package dev.amlsh.sandbox.provider.keyvault;

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
import dev.amlsh.sandbox.provider.TrackedResourceSupport;
import dev.amlsh.sandbox.provider.ProviderHandler;
import dev.amlsh.sandbox.store.StoredResource;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Microsoft.KeyVault: vaults (create or update, get, list by group and by subscription, patch,
 * soft delete), deleted vaults (list, get, purge, and recover: a PUT with {@code createMode: recover})
 * and {@code checkNameAvailability}, in the
 * 2023-07-01 shapes. A vault deleted with its group is soft-deleted too, as in Azure.
 *
 * <pre>{@code
 * PUT  /subscriptions/{s}/resourceGroups/{g}/providers/Microsoft.KeyVault/vaults/kv1         -> 201
 * GET  /subscriptions/{s}/providers/Microsoft.KeyVault/deletedVaults
 * POST /subscriptions/{s}/providers/Microsoft.KeyVault/locations/eastus/deletedVaults/kv1/purge -> 202
 * }</pre>
 */
public final class KeyVaultHandler implements ProviderHandler {
    public static final String NAMESPACE = "Microsoft.KeyVault";
    public static final String TYPE = "Microsoft.KeyVault/vaults";
    static final String PURGE_KIND = "keyvault.purge";
    private static final java.time.format.DateTimeFormatter OPERATION_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(java.time.ZoneOffset.UTC);

    private Vaults vaults;
    private DeletedVaults deleted;
    private VaultRecovery recovery;

    @Override
    public String namespace() {
        return NAMESPACE;
    }

    @Override
    public void init(ProviderContext ctx) {
        deleted = new DeletedVaults(ctx.store());
        vaults = new Vaults(ctx, deleted);
        recovery = new VaultRecovery(ctx, deleted);
        ctx.lro().register(PURGE_KIND, op -> {
            deleted.purge(op.payload().getAsString());
            // Key Vault's operation result: when it started, when it last moved, and how it ended
            JsonObject result = new JsonObject();
            result.addProperty("createdDateTime", OPERATION_TIME.format(op.startTime()));
            result.addProperty("lastActionDateTime", OPERATION_TIME.format(java.time.Instant.now()));
            result.addProperty("status", "Succeeded");
            return new OperationResult(200, result);
        });
    }

    @Override
    public ArmResponse handle(ArmRequest req, ProviderContext ctx) {
        List<String> types = req.types().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
        if (types.isEmpty() && "checkNameAvailability".equalsIgnoreCase(req.action()) && req.resourceGroup() == null) {
            return only(req, "POST", () -> checkName(req));
        }
        if (types.equals(List.of("deletedvaults")) && req.resourceGroup() == null && req.action() == null) {
            return only(req, "GET", () -> listDeleted(req));
        }
        if (types.equals(List.of("deletedmanagedhsms")) && req.resourceGroup() == null && req.action() == null && req.isCollection()) {
            // The Azure CLI lists deleted vaults and deleted managed HSMs together; the sandbox has no HSMs.
            return only(req, "GET", () -> ArmResponse.ok(Json.parseObject("{\"value\":[]}")));
        }
        if (types.equals(List.of("locations", "deletedvaults")) && req.resourceGroup() == null && req.name() != null) {
            if (req.action() == null) {
                return only(req, "GET", () -> ArmResponse.ok(DeletedVaults.view(findDeleted(req))));
            }
            if (req.action().equalsIgnoreCase("purge")) {
                return only(req, "POST", () -> purge(req, ctx));
            }
            throw ArmErrors.pathNotFound(req.path());
        }
        if (!types.equals(List.of("vaults"))) {
            throw ArmErrors.invalidResourceType(types.isEmpty() ? String.valueOf(req.action()) : String.join("/", req.types()),
                    NAMESPACE, req.apiVersion());
        }
        if (req.isCollection()) {
            return only(req, "GET", () -> TrackedResourceSupport.list(req, ctx.store(), TYPE, json -> json));
        }
        if (req.resourceGroup() == null || req.action() != null) {
            throw ArmErrors.pathNotFound(req.path());
        }
        return switch (req.method()) {
            case "PUT" -> VaultRecovery.asked(req) ? recovery.recover(req) : vaults.put(req);
            case "GET" -> vaults.get(req);
            case "PATCH" -> vaults.patch(req);
            case "DELETE" -> vaults.delete(req);
            default -> throw ArmErrors.methodNotAllowed(req.method());
        };
    }

    /** Deleting a group soft-deletes its vaults, as Azure does: the names stay taken until purged. */
    @Override
    public void onGroupDelete(List<StoredResource> resources, ProviderContext ctx) {
        for (StoredResource r : resources) {
            if (r.type().equalsIgnoreCase(TYPE)) {
                vaults.softDelete(r);
            }
        }
    }


    /** One page of the subscription's deleted vaults, in name order, with {@code nextLink} while more remain. */
    private ArmResponse listDeleted(ArmRequest req) {
        int size = dev.amlsh.sandbox.arm.ArmPaging.pageSize(req);
        String after = req.queryParam("$skiptoken");
        List<JsonObject> all = deleted.list(req.subscriptionId()).stream()
                .sorted(java.util.Comparator.comparing(d -> Json.string(d, "name").toLowerCase(Locale.ROOT)))
                .filter(d -> after == null || Json.string(d, "name").toLowerCase(Locale.ROOT).compareTo(after) > 0)
                .toList();
        JsonArray values = new JsonArray();
        all.stream().limit(size).forEach(values::add);
        String next = all.size() > size ? Json.string(all.get(size - 1), "name").toLowerCase(Locale.ROOT) : null;
        return ArmResponse.ok(dev.amlsh.sandbox.arm.ArmPaging.page(values, req, next));
    }

    private JsonObject findDeleted(ArmRequest req) {
        String location = req.names().get(0);
        String name = req.name();
        return deleted.find(name)
                .filter(d -> req.subscriptionId().equalsIgnoreCase(Json.string(d, "subscriptionId")))
                .filter(d -> location.equalsIgnoreCase(Json.string(d.getAsJsonObject("properties"), "location")))
                .orElseThrow(() -> VaultErrors.deletedNotFound(location, name));
    }

    private ArmResponse purge(ArmRequest req, ProviderContext ctx) {
        return ctx.store().inTransaction(() -> {
            JsonObject d = findDeleted(req);
            JsonObject p = d.getAsJsonObject("properties");
            if (p.has("purgeProtectionEnabled") && p.get("purgeProtectionEnabled").getAsBoolean()) {
                throw VaultErrors.purgeProtected(req.name(), Json.string(p, "scheduledPurgeDate"));
            }
            Operation op = ctx.lro().start(new OperationSpec(PURGE_KIND, req.subscriptionId(), NAMESPACE,
                    Json.string(p, "location"), Json.string(d, "id"), new com.google.gson.JsonPrimitive(Json.string(d, "name"))));
            // Key Vault hands out Location only; Retry-After so that pollers come back at once
            java.util.Map<String, String> poll = ctx.lro().pollHeaders(op, req.endpoint(), req.apiVersion());
            return ArmResponse.of(202, null).withHeader("Location", poll.get("Location"))
                    .withHeader("Retry-After", poll.get("Retry-After"));
        });
    }

    private ArmResponse checkName(ArmRequest req) {
        JsonObject body = req.bodyObject();
        String name = Json.string(body, "name");
        String type = Json.string(body, "type");
        if (name == null || type != null && !type.equalsIgnoreCase(TYPE)) {
            throw VaultErrors.badRequest("The request needs {\"name\": \"<vault name>\", \"type\": \"" + TYPE + "\"}.");
        }
        JsonObject out = new JsonObject();
        if (!Vaults.validName(name)) {
            out.addProperty("nameAvailable", false);
            out.addProperty("reason", "AccountNameInvalid");
            out.addProperty("message", VaultErrors.invalidNameMessage(name));
        } else if (vaults.unavailableReason(name) != null) {
            out.addProperty("nameAvailable", false);
            out.addProperty("reason", "AlreadyExists");
            out.addProperty("message", vaults.unavailableReason(name));
        } else {
            out.addProperty("nameAvailable", true);
        }
        return ArmResponse.ok(out);
    }

    private static ArmResponse only(ArmRequest req, String method, Supplier<ArmResponse> action) {
        if (!req.isMethod(method)) {
            throw ArmErrors.methodNotAllowed(req.method());
        }
        return action.get();
    }
}
