package dev.amlsh.sandbox.server;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmRequest;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.arm.ETags;
import dev.amlsh.sandbox.arm.Json;
import dev.amlsh.sandbox.provider.ProviderHandler;
import dev.amlsh.sandbox.provider.ProviderRegistry;
import dev.amlsh.sandbox.store.SandboxStore;
import dev.amlsh.sandbox.store.StoredResource;
import java.util.Optional;

/**
 * Conditional writes of tracked resources, the way ARM resource providers honour them: a PUT,
 * PATCH or DELETE with {@code If-Match} or {@code If-None-Match: *} is checked against the stored
 * document's {@code etag} and handled in the same store transaction, so two clients racing on one
 * resource cannot both win (412 {@code PreconditionFailed} for the loser). Types without an etag
 * ignore {@code If-Match: <tag>}, as their real services do; resource groups never see this.
 * Responses whose body carries an {@code etag} also get it as the {@code ETag} header.
 *
 * <pre>{@code
 * return Preconditions.dispatch(req, registry, handler);
 * }</pre>
 */
final class Preconditions {
    private Preconditions() {
    }

    static ArmResponse dispatch(ArmRequest req, ProviderRegistry registry, ProviderHandler handler) {
        String ifMatch = req.header("if-match");
        String ifNoneMatch = req.header("if-none-match");
        boolean write = req.isMethod("PUT") || req.isMethod("PATCH") || req.isMethod("DELETE");
        if (ifMatch == null && ifNoneMatch == null || !write || req.action() != null || req.name() == null) {
            return withETag(registry.dispatch(handler, req));
        }
        SandboxStore store = registry.context().store();
        return store.inTransaction(() -> {
            Optional<StoredResource> current = store.get(req.resourceId());
            String etag = current.map(r -> Json.string(r.json(), "etag")).orElse(null);
            if (ifNoneMatch != null && ifNoneMatch.strip().equals("*") && current.isPresent()) {
                throw ArmErrors.preconditionFailed();
            }
            if (ifMatch != null && (current.isEmpty() || etag != null && !ETags.matches(ifMatch, etag))) {
                throw ArmErrors.preconditionFailed();
            }
            return withETag(registry.dispatch(handler, req));
        });
    }

    private static ArmResponse withETag(ArmResponse r) {
        JsonElement body = r.body();
        if (body == null || !body.isJsonObject() || r.headers().keySet().stream().anyMatch("etag"::equalsIgnoreCase)) {
            return r;
        }
        JsonObject o = body.getAsJsonObject();
        JsonElement etag = o.get("etag");
        return etag != null && etag.isJsonPrimitive() ? r.withHeader("ETag", etag.getAsString()) : r;
    }
}
