package dev.amlsh.sandbox.arm;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * One error as ARM returns it: an HTTP status plus {@code {"error":{code, message, target?, details?}}}.
 * Token-endpoint errors use the OAuth shape instead ({@code {"error", "error_description"}}), chosen by
 * {@link #oauth()}. Build these through {@link ArmErrors}, never by hand.
 *
 * <pre>{@code
 * ArmError e = ArmErrors.resourceGroupNotFound("rg1").error();
 * int status = e.status();          // 404
 * JsonObject body = e.toJson();     // {"error":{"code":"ResourceGroupNotFound",...}}
 * }</pre>
 *
 * @param status  HTTP status
 * @param code    PascalCase ARM code (or the OAuth {@code error} value)
 * @param message human-readable message
 * @param target  optional target, null when absent
 * @param details nested errors, empty when absent
 * @param headers extra response headers (e.g. {@code WWW-Authenticate}), empty when none
 * @param oauth   true for the OAuth 2.0 error shape of the token endpoint
 */
public record ArmError(int status, String code, String message, String target, List<ArmError> details,
                       Map<String, String> headers, boolean oauth) {

    public ArmError {
        details = details == null ? List.of() : List.copyOf(details);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** The response body in the ARM (or OAuth) shape. */
    public JsonObject toJson() {
        JsonObject root = new JsonObject();
        if (oauth) {
            root.addProperty("error", code);
            root.addProperty("error_description", message);
            return root;
        }
        root.add("error", inner());
        return root;
    }

    private JsonObject inner() {
        JsonObject e = new JsonObject();
        e.addProperty("code", code);
        e.addProperty("message", message);
        if (target != null) {
            e.addProperty("target", target);
        }
        if (!details.isEmpty()) {
            JsonArray array = new JsonArray();
            details.forEach(d -> array.add(d.inner()));
            e.add("details", array);
        }
        return e;
    }

    /** The {@code error} object alone, as embedded in an operation status resource. */
    public JsonObject toInnerJson() {
        return inner();
    }
}
