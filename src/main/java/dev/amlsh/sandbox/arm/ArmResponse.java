package dev.amlsh.sandbox.arm;

import com.google.gson.JsonElement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a handler answers; the server adds the ARM envelope headers (request IDs, Date, Content-Type).
 *
 * <pre>{@code
 * return ArmResponse.created(document);                    // 201 with a body
 * return ArmResponse.ok(document).withHeader("ETag", tag); // 200 with an extra header
 * }</pre>
 *
 * @param status  HTTP status
 * @param body    JSON body, or null for none
 * @param headers extra headers
 */
public record ArmResponse(int status, JsonElement body, Map<String, String> headers) {

    public ArmResponse {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static ArmResponse of(int status, JsonElement body) {
        return new ArmResponse(status, body, Map.of());
    }

    public static ArmResponse ok(JsonElement body) {
        return of(200, body);
    }

    public static ArmResponse created(JsonElement body) {
        return of(201, body);
    }

    public static ArmResponse noContent() {
        return of(204, null);
    }

    /** The same response with one more header. */
    public ArmResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ArmResponse(status, body, copy);
    }

    /** The same response with several more headers. */
    public ArmResponse withHeaders(Map<String, String> more) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.putAll(more);
        return new ArmResponse(status, body, copy);
    }
}
