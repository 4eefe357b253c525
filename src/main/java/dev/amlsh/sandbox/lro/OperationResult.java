package dev.amlsh.sandbox.lro;

import com.google.gson.JsonElement;

/**
 * How a completion step ended: the final HTTP status and body the {@code Location} URL returns.
 *
 * <pre>{@code
 * lro.register("storage.create", op -> OperationResult.ok(store.get(op.resourceId()).orElseThrow().json()));
 * }</pre>
 *
 * @param status final status (200, 201 or 204)
 * @param body   final body, or null
 */
public record OperationResult(int status, JsonElement body) {
    public static OperationResult ok(JsonElement body) {
        return new OperationResult(200, body);
    }

    public static OperationResult noContent() {
        return new OperationResult(204, null);
    }
}
