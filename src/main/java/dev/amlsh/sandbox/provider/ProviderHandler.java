package dev.amlsh.sandbox.provider;

import dev.amlsh.sandbox.arm.ArmRequest;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.store.StoredResource;
import java.util.List;

/**
 * The handler of one resource provider namespace. The router calls it only after the protocol
 * checks: a valid token, an api-version, an existing subscription, the namespace registered in
 * that subscription ({@code MissingSubscriptionRegistration} otherwise), the resource group
 * existing and not being deleted. Throw {@link dev.amlsh.sandbox.arm.ArmErrors} exceptions for errors.
 * Add a new handler to {@link ProviderHandlers#builtIn()}.
 *
 * <pre>{@code
 * final class StorageHandler implements ProviderHandler {
 *     public String namespace() { return "Microsoft.Storage"; }
 *     public void init(ProviderContext ctx) {
 *         ctx.lro().register("storage.create", op -> OperationResult.ok(ctx.store().get(op.resourceId()).orElseThrow().json()));
 *     }
 *     public ArmResponse handle(ArmRequest req, ProviderContext ctx) {
 *         if (req.isMethod("GET") && req.types().equals(List.of("storageAccounts")) && req.name() != null) {
 *             return ArmResponse.ok(ctx.store().get(req.resourceId())
 *                     .orElseThrow(() -> ArmErrors.resourceNotFound(req.resourceType(), req.name(), req.resourceGroup())).json());
 *         }
 *         throw ArmErrors.invalidResourceType(String.join("/", req.types()), namespace(), req.apiVersion());
 *     }
 * }
 * }</pre>
 */
public interface ProviderHandler {

    /** The namespace, e.g. {@code Microsoft.Storage} (matched case-insensitively). */
    String namespace();

    /** Called once at start: register LRO completions here. */
    default void init(ProviderContext ctx) {
    }

    /** Answers one request for this namespace. */
    ArmResponse handle(ArmRequest request, ProviderContext ctx);

    /**
     * Called while a resource group is being deleted, with this namespace's resources in it, before
     * they are removed (soft-delete bookkeeping such as deleted key vaults goes here).
     */
    default void onGroupDelete(List<StoredResource> resources, ProviderContext ctx) {
    }
}
