package dev.amlsh.sandbox.provider;

import dev.amlsh.sandbox.lro.LroEngine;
import dev.amlsh.sandbox.store.SandboxStore;

/**
 * What every provider handler may use: the store, the long-running-operation engine and the tenant.
 *
 * <pre>{@code
 * ctx.store().put(req.resourceId(), document);
 * Operation op = ctx.lro().start(new OperationSpec("storage.create", sub, "Microsoft.Storage", location, id, null));
 * }</pre>
 *
 * @param store    the sandbox state
 * @param lro      long-running operations
 * @param tenantId the sandbox tenant
 */
public record ProviderContext(SandboxStore store, LroEngine lro, String tenantId) {
}
