package dev.amlsh.azure;

import dev.amlsh.core.AmlshException;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.rest.SimpleResponse;
import com.azure.core.management.exception.ManagementError;
import com.azure.core.management.exception.ManagementException;
import com.azure.core.management.polling.PollResult;
import com.azure.core.management.polling.SyncPollerFactory;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.core.util.polling.SyncPoller;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.time.Duration;

/**
 * ARM over the session's SDK pipeline (auth, retries, request IDs) for what the SDK's typed
 * models cannot give back whole: resources exactly as the service sent them, pages followed by
 * {@code nextLink}, and long-running operations through azure-core-management's ARM poller
 * ({@code Azure-AsyncOperation}, else {@code Location}, else {@code provisioningState};
 * {@code Retry-After}; the final GET where ARM puts the result).
 *
 * <pre>{@code
 * JsonElement provider = rest.get("/subscriptions/" + sub + "/providers/Microsoft.Storage", "2025-04-01");
 * JsonElement ws = rest.beginLro(HttpMethod.PUT, path, "2024-04-01", body).getFinalResult();
 * }</pre>
 */
public final class ArmRest {
    private final HttpPipeline pipeline;
    private final String endpoint;
    private final Duration pollInterval;

    /**
     * @param pollInterval how long to wait between polls when the service sends no {@code Retry-After}:
     *                     briefly for the sandbox (its operations are quick), the SDK's 30 s for Azure
     */
    public ArmRest(HttpPipeline pipeline, URI endpoint, Duration pollInterval) {
        this.pipeline = pipeline;
        String e = endpoint.toString();
        this.endpoint = e.endsWith("/") ? e.substring(0, e.length() - 1) : e;
        this.pollInterval = pollInterval;
    }

    /** GET of one resource or collection page; the body as the service sent it. */
    public JsonElement get(String path, String apiVersion) {
        return send(HttpMethod.GET, path, apiVersion, null);
    }

    /** Every item of a paged collection, following {@code nextLink}. */
    public JsonArray list(String path, String apiVersion) {
        JsonArray all = new JsonArray();
        forEach(path, apiVersion, all::add);
        return all;
    }

    /**
     * Hands each item of a paged collection to {@code item} as its page arrives, so a caller that
     * keeps only what it needs of each item never holds every page whole.
     */
    public void forEach(String path, String apiVersion, java.util.function.Consumer<JsonElement> item) {
        String url = url(path, apiVersion);
        while (url != null) {
            JsonObject page = parse(call(HttpMethod.GET, url, null)).getAsJsonObject();
            if (page.has("value") && page.get("value").isJsonArray()) {
                page.getAsJsonArray("value").forEach(item);
            }
            JsonElement next = page.get("nextLink");
            url = next == null || next.isJsonNull() || next.getAsString().isEmpty() ? null : next.getAsString();
        }
    }

    /** A request that answers at once; returns the body (JSON null when empty). */
    public JsonElement send(HttpMethod method, String path, String apiVersion, JsonElement body) {
        return parse(call(method, url(path, apiVersion), body));
    }

    /**
     * Starts a long-running operation and returns its poller: azure-core-management's ARM poller,
     * which follows {@code Azure-AsyncOperation} when the service sends it, else {@code Location},
     * else the resource's {@code provisioningState}; waits what {@code Retry-After} says (else this
     * connection's poll interval); and fetches the final state where ARM says it is (the resource
     * for PUT and PATCH, the {@code Location} URL for POST and DELETE). A failure of the service's
     * first answer is thrown here, as for any other request.
     */
    public SyncPoller<BinaryData, BinaryData> beginLro(HttpMethod method, String path, String apiVersion, JsonElement body) {
        String url = url(path, apiVersion);
        Duration[] firstWait = {Duration.ZERO};
        SyncPoller<PollResult<BinaryData>, BinaryData> arm = SyncPollerFactory.create(ArmLroPoller.SERIALIZER, pipeline,
                BinaryData.class, BinaryData.class, pollInterval, () -> {
                    HttpResponse response = call(method, url, body);
                    BinaryData first = response.getBodyAsBinaryData();
                    firstWait[0] = firstWait(response, first);
                    return new SimpleResponse<>(response.getRequest(), response.getStatusCode(), response.getHeaders(),
                            first == null ? BinaryData.fromString("") : first);
                });
        return new ArmLroPoller(arm, firstWait[0]);
    }

    /** The wait before the first poll: none once the operation ended, else Retry-After, else the poll interval. */
    private Duration firstWait(HttpResponse response, BinaryData body) {
        int status = response.getStatusCode();
        if (status == 201) {
            JsonElement state = null;
            try {
                JsonElement parsed = json(body);
                if (parsed.isJsonObject() && parsed.getAsJsonObject().has("properties")) {
                    state = parsed.getAsJsonObject().getAsJsonObject("properties").get("provisioningState");
                }
            } catch (RuntimeException notJson) {
                // No state to read: poll as for a running operation.
            }
            String s = state == null || state.isJsonNull() ? "" : state.getAsString();
            if (s.equalsIgnoreCase("Succeeded") || s.equalsIgnoreCase("Failed") || s.equalsIgnoreCase("Canceled")) {
                return Duration.ZERO;
            }
        } else if (status != 202) {
            return Duration.ZERO;
        }
        String retryAfter = response.getHeaderValue(HttpHeaderName.RETRY_AFTER);
        if (retryAfter != null) {
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.trim())));
            } catch (NumberFormatException httpDate) {
                return pollInterval;
            }
        }
        return pollInterval;
    }

    /**
     * Waits for an operation whose result amlsh does not print (a delete, a key sync), then reads
     * its final state; a {@code Failed} or {@code Canceled} end is an error that carries the
     * service's own error when it sent one.
     */
    public static void waitFor(SyncPoller<BinaryData, BinaryData> poller, String what) {
        var last = poller.waitForCompletion();
        var status = last.getStatus();
        if (status != com.azure.core.util.polling.LongRunningOperationStatus.SUCCESSFULLY_COMPLETED) {
            if (poller instanceof ArmLroPoller arm && arm.failure() != null) {
                AmlshException why = ArmErrors.translate(arm.failure());
                throw new AmlshException(why.fault(), "The operation to " + what + " ended " + status + ": " + why.getMessage(),
                        why.hint() == null ? "Check the resource with its 'show' command and run the command again." : why.hint(),
                        arm.failure());
            }
            throw AmlshException.service("The operation to " + what + " ended " + status + ".",
                    "Check the resource with its 'show' command and run the command again.");
        }
        // ARM puts the outcome of a POST or DELETE at its Location: read it, as the protocol says.
        poller.getFinalResult();
    }

    /** Parses a final LRO body; JSON null for none. */
    public static JsonElement json(BinaryData data) {
        if (data == null) {
            return JsonNull.INSTANCE;
        }
        String text = data.toString();
        return text == null || text.isBlank() ? JsonNull.INSTANCE : JsonParser.parseString(text);
    }

    private String url(String path, String apiVersion) {
        String p = path.startsWith("/") ? path : "/" + path;
        int q = p.indexOf('?');
        String encoded = q < 0 ? escapePath(p) : escapePath(p.substring(0, q)) + p.substring(q);
        return endpoint + encoded + (q >= 0 ? "&" : "?") + "api-version=" + apiVersion;
    }

    /** Percent-encodes what may not stand in a URL path (spaces, '<', non-ASCII...), so any name reaches the service intact. */
    static String escapePath(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "/-._~!$&'()*+,;=:@".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private HttpResponse call(HttpMethod method, String url, JsonElement body) {
        HttpRequest request = new HttpRequest(method, url);
        request.setHeader(HttpHeaderName.ACCEPT, "application/json");
        if (body != null) {
            request.setHeader(HttpHeaderName.CONTENT_TYPE, "application/json");
            request.setBody(body.toString());
        }
        HttpResponse response = pipeline.sendSync(request, Context.NONE);
        int status = response.getStatusCode();
        if (status >= 400) {
            HttpResponse buffered = response.buffer();
            throw toException(buffered, buffered.getBodyAsBinaryData());
        }
        return response;
    }

    /** The body as JSON (null for none); read as bytes, which spares a read-only command azure-core's Jackson set-up. */
    private static JsonElement parse(HttpResponse response) {
        byte[] body = response.getBodyAsByteArray().block();
        String text = body == null ? "" : new String(body, java.nio.charset.StandardCharsets.UTF_8);
        return text.isBlank() ? JsonNull.INSTANCE : JsonParser.parseString(text);
    }

    static ManagementException toException(HttpResponse response, BinaryData body) {
        String code = "HttpStatus" + response.getStatusCode();
        String message = "The service answered HTTP " + response.getStatusCode() + ".";
        try {
            JsonObject error = JsonParser.parseString(body.toString()).getAsJsonObject().getAsJsonObject("error");
            code = error.get("code").getAsString();
            message = error.get("message").getAsString();
        } catch (RuntimeException notArmShaped) {
            // Keep the status-based message: the body was not ARM's error envelope.
        }
        return new ManagementException(message, response, new ManagementError(code, message));
    }
}
