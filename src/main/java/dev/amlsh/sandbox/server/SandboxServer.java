package dev.amlsh.sandbox.server;

import dev.amlsh.sandbox.arm.ArmError;
import dev.amlsh.sandbox.arm.ArmException;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.arm.Json;
import dev.amlsh.sandbox.faults.Faults;
import dev.amlsh.sandbox.identity.IdentityService;
import dev.amlsh.sandbox.lro.LroEngine;
import dev.amlsh.sandbox.provider.ProviderRegistry;
import dev.amlsh.sandbox.provider.resources.ResourcesApi;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLContext;

/**
 * The sandbox's HTTPS endpoint on 127.0.0.1: reads each request, lets the router answer, and
 * wraps every answer (errors included) in the ARM envelope: {@code x-ms-request-id},
 * {@code x-ms-correlation-request-id}, {@code Date}, JSON content type, the echoed
 * {@code x-ms-client-request-id}. No exception leaves as a stack trace: it becomes a 500.
 *
 * <pre>{@code
 * SandboxServer server = SandboxServer.start(0, tls.sslContext(), identity, resources, registry, lro);
 * URI endpoint = server.endpoint(); // https://127.0.0.1:53123/
 * }</pre>
 */
public final class SandboxServer implements AutoCloseable {
    private final HttpsListener listener;
    private final URI endpoint;
    private final Activity activity;

    /** Requests served, in flight, and when the last one ended: for status and the idle timeout. */
    private static final class Activity {
        final java.util.concurrent.atomic.AtomicLong served = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
        volatile long lastNanos = System.nanoTime();
        volatile SandboxControl control;
        volatile URI endpoint;
    }

    private SandboxServer(HttpsListener listener, URI endpoint, Activity activity) {
        this.listener = listener;
        this.endpoint = endpoint;
        this.activity = activity;
    }

    /** Binds 127.0.0.1:{@code port} (0 = any free port) and starts serving. */
    public static SandboxServer start(int port, SSLContext ssl, IdentityService identity, ResourcesApi resources,
                                      ProviderRegistry registry, LroEngine lro) throws IOException {
        return start(port, ssl, identity, resources, registry, lro, null);
    }

    /** As above, with fault rules applied to every request before the router (null: none). */
    public static SandboxServer start(int port, SSLContext ssl, IdentityService identity, ResourcesApi resources,
                                      ProviderRegistry registry, LroEngine lro, Faults faults) throws IOException {
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        ArmRouter[] router = new ArmRouter[1];
        Activity activity = new Activity();
        HttpsListener listener = HttpsListener.start(loopback, port, ssl, RawRequest.MAX_BODY, wire -> {
            activity.inFlight.incrementAndGet();
            try {
                return handle(router[0], faults, activity, identity, wire);
            } finally {
                activity.served.incrementAndGet();
                activity.lastNanos = System.nanoTime();
                activity.inFlight.decrementAndGet();
            }
        });
        URI endpoint = URI.create("https://127.0.0.1:" + listener.port() + "/");
        activity.endpoint = endpoint;
        router[0] = new ArmRouter(endpoint, identity, resources, registry, lro);
        return new SandboxServer(listener, endpoint, activity);
    }

    /** Serves the control endpoints ({@code /amlsh-sandbox/...}) for the admin from now on. */
    public void control(SandboxControl control) {
        activity.control = control;
    }

    /** Requests answered (or dropped) since the start. */
    public long requestsServed() {
        return activity.served.get();
    }

    /** How long no request has been in flight (zero while one is). */
    public java.time.Duration idleFor() {
        return activity.inFlight.get() > 0 ? java.time.Duration.ZERO : java.time.Duration.ofNanos(System.nanoTime() - activity.lastNanos);
    }

    public URI endpoint() {
        return endpoint;
    }

    /** The address the server is bound to (always 127.0.0.1). */
    public InetAddress boundAddress() {
        return listener.address();
    }

    @Override
    public void close() {
        listener.close();
    }

    private static HttpsListener.WireResponse handle(ArmRouter router, Faults faults, Activity activity, IdentityService identity,
                                                     HttpsListener.WireRequest wire) {
        String requestId = UUID.randomUUID().toString();
        long started = System.nanoTime();
        Throwable failure = null;
        ArmResponse response;
        try {
            RequestGuard.check(wire);
            RawRequest raw = RawRequest.of(wire);
            if (ControlRoutes.isControl(raw)) {
                response = ControlRoutes.route(raw, activity.control, identity, activity.endpoint);
            } else {
                response = faults == null ? router.route(raw)
                        : faults.apply(raw.method(), raw.segments(), requestId, () -> router.route(raw));
            }
        } catch (Faults.DroppedConnection hangUp) {
            throw hangUp;
        } catch (ArmException e) {
            response = error(e.error());
        } catch (RuntimeException | Error e) {
            failure = e;
            response = error(SandboxLog.errorFor(e, requestId));
        }
        SandboxLog.request(router == null ? 0 : router.endpoint().getPort(), wire.method(), wire.target(), requestId, response.status(),
                errorCode(response), (System.nanoTime() - started) / 1_000_000, failure);
        String correlation = RequestGuard.echoable(wire.headers().get("x-ms-correlation-request-id"));
        return envelope(response, requestId, correlation == null ? requestId : correlation,
                RequestGuard.echoable(wire.headers().get("x-ms-client-request-id")));
    }

    private static String errorCode(ArmResponse r) {
        if (r.status() < 400 || r.body() == null || !r.body().isJsonObject()) {
            return null;
        }
        var error = r.body().getAsJsonObject().get("error");
        return error != null && error.isJsonObject() && error.getAsJsonObject().has("code")
                ? error.getAsJsonObject().get("code").getAsString() : null;
    }

    static ArmResponse error(ArmError e) {
        return ArmResponse.of(e.status(), e.toJson()).withHeaders(e.headers());
    }

    private static HttpsListener.WireResponse envelope(ArmResponse r, String requestId, String correlationId, String clientRequestId) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("x-ms-request-id", requestId);
        h.put("x-ms-correlation-request-id", correlationId);
        if (clientRequestId != null) {
            h.put("x-ms-client-request-id", clientRequestId);
        }
        h.put("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
        h.put("Content-Type", "application/json; charset=utf-8");
        h.put("Cache-Control", "no-cache");
        h.putAll(r.headers());
        byte[] body = r.body() == null ? null : Json.WIRE.toJson(r.body()).getBytes(StandardCharsets.UTF_8);
        return new HttpsListener.WireResponse(r.status(), h, body);
    }
}
