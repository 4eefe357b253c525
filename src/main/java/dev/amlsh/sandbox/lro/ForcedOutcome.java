package dev.amlsh.sandbox.lro;

import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmException;
import dev.amlsh.sandbox.arm.Json;
import dev.amlsh.sandbox.store.SandboxStore;
import dev.amlsh.sandbox.store.StoredResource;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * How an operation doomed by a fault rule ends: its completion step never runs, its status becomes
 * Failed or Canceled with an error, and the resource it acted on leaves its transitional state the
 * way ARM resources do (a create or update ends {@code Failed}/{@code Canceled}; a delete that did
 * not happen leaves the resource {@code Succeeded}, still there).
 *
 * <pre>{@code
 * Operation done = ForcedOutcome.finish(store, op, Operation.FAILED);
 * }</pre>
 */
final class ForcedOutcome {
    private static final Set<String> TRANSITIONAL = Set.of("Creating", "Updating", "Accepted", "Provisioning", "Running");

    private ForcedOutcome() {
    }

    static Operation finish(SandboxStore store, Operation op, String status) {
        ArmException error = Operation.CANCELED.equals(status)
                ? ArmErrors.of(409, "OperationCanceled", "The operation was canceled.")
                : ArmErrors.operationFailed(op.id());
        if (op.resourceId() != null) {
            Optional<StoredResource> resource = store.get(op.resourceId());
            resource.ifPresent(r -> settle(store, r, status));
        }
        return op.finished(status, Instant.now(), 0, null, error.error().toInnerJson(), error.error().status());
    }

    private static void settle(SandboxStore store, StoredResource r, String status) {
        JsonObject doc = r.json();
        JsonObject props = doc.has("properties") && doc.get("properties").isJsonObject() ? doc.getAsJsonObject("properties") : null;
        String state = props == null ? null : Json.string(props, "provisioningState");
        if (state == null) {
            return;
        }
        if (state.equals("Deleting")) {
            props.addProperty("provisioningState", "Succeeded");
        } else if (TRANSITIONAL.contains(state)) {
            props.addProperty("provisioningState", status);
        } else {
            return;
        }
        store.put(r.id(), doc);
    }
}
