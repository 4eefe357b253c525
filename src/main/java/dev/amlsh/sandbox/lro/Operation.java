package dev.amlsh.sandbox.lro;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.Json;
import java.time.Instant;

/**
 * A long-running operation as persisted: who started it, when it is due, and how it ended.
 *
 * <pre>{@code
 * Operation op = lro.start(new OperationSpec("storage.create", sub, "Microsoft.Storage", "eastus", id, payload));
 * op.status(); // "InProgress"
 * }</pre>
 *
 * @param id             operation GUID
 * @param kind           completion kind registered with {@link LroEngine#register}
 * @param subscriptionId subscription the status URLs live under
 * @param namespace      provider namespace of the status URLs
 * @param location       location segment of the status URLs
 * @param resourceId     the resource the operation acts on
 * @param payload        what the completion step needs (any JSON), or null
 * @param status         InProgress, Succeeded, Failed or Canceled
 * @param startTime      start
 * @param dueTime        when the operation may finish
 * @param endTime        end, or null while running
 * @param resultStatus   HTTP status of the final result (200, 201, 204...), 0 while running
 * @param resultBody     final result body, or null
 * @param error          the {@code error} object of a failed or canceled operation, or null
 * @param errorStatus    HTTP status of that error, 0 when none
 */
public record Operation(String id, String kind, String subscriptionId, String namespace, String location, String resourceId,
                        JsonElement payload, String status, Instant startTime, Instant dueTime, Instant endTime,
                        int resultStatus, JsonElement resultBody, JsonObject error, int errorStatus) {
    public static final String IN_PROGRESS = "InProgress";
    public static final String SUCCEEDED = "Succeeded";
    public static final String FAILED = "Failed";
    public static final String CANCELED = "Canceled";

    public boolean isDone() {
        return !IN_PROGRESS.equals(status);
    }

    String toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("id", id);
        o.addProperty("kind", kind);
        o.addProperty("subscriptionId", subscriptionId);
        o.addProperty("namespace", namespace);
        o.addProperty("location", location);
        o.addProperty("resourceId", resourceId);
        o.add("payload", payload);
        o.addProperty("status", status);
        o.addProperty("startTime", startTime.toString());
        o.addProperty("dueTime", dueTime.toString());
        o.addProperty("endTime", endTime == null ? null : endTime.toString());
        o.addProperty("resultStatus", resultStatus);
        o.add("resultBody", resultBody);
        o.add("error", error);
        o.addProperty("errorStatus", errorStatus);
        return Json.WIRE.toJson(o);
    }

    static Operation fromJson(String text) {
        JsonObject o = Json.parseObject(text);
        String end = Json.string(o, "endTime");
        return new Operation(Json.string(o, "id"), Json.string(o, "kind"), Json.string(o, "subscriptionId"),
                Json.string(o, "namespace"), Json.string(o, "location"), Json.string(o, "resourceId"), nullable(o, "payload"),
                Json.string(o, "status"), Instant.parse(Json.string(o, "startTime")), Instant.parse(Json.string(o, "dueTime")),
                end == null ? null : Instant.parse(end), o.get("resultStatus").getAsInt(), nullable(o, "resultBody"),
                o.has("error") && o.get("error").isJsonObject() ? o.getAsJsonObject("error") : null, o.get("errorStatus").getAsInt());
    }

    private static JsonElement nullable(JsonObject o, String member) {
        JsonElement e = o.get(member);
        return e == null || e.isJsonNull() ? null : e;
    }

    Operation finished(String newStatus, Instant end, int resultStatus, JsonElement resultBody, JsonObject error, int errorStatus) {
        return new Operation(id, kind, subscriptionId, namespace, location, resourceId, payload, newStatus, startTime, dueTime, end,
                resultStatus, resultBody, error, errorStatus);
    }
}
