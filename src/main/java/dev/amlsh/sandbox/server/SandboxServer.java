package dev.amlsh.sandbox.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.amlsh.sandbox.arm.ArmError;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmException;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.arm.Json;
import dev.amlsh.sandbox.identity.IdentityService;
import dev.amlsh.sandbox.lro.LroEngine;
import dev.amlsh.sandbox.provider.ProviderRegistry;
import dev.amlsh.sandbox.provider.resources.ResourcesApi;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * The sandbox's HTTPS listener on 127.0.0.1: reads each request, lets the router answer, and
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
    private static final int THREADS = 4;
    private static final byte[] NO_BODY = new byte[0];

    private final HttpsServer server;
    private final ExecutorService executor;
    private final URI endpoint;
    private final ArmRouter router;

    private SandboxServer(HttpsServer server, ExecutorService executor, URI endpoint, ArmRouter router) {
        this.server = server;
        this.executor = executor;
        this.endpoint = endpoint;
        this.router = router;
    }

    /** Binds 127.0.0.1:{@code port} (0 = any free port) and starts serving. */
    public static SandboxServer start(int port, SSLContext ssl, IdentityService identity, ResourcesApi resources,
                                      ProviderRegistry registry, LroEngine lro) throws IOException {
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        HttpsServer https = HttpsServer.create(new InetSocketAddress(loopback, port), 64);
        https.setHttpsConfigurator(new HttpsConfigurator(ssl));
        AtomicInteger n = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "sandbox-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        https.setExecutor(executor);
        URI endpoint = URI.create("https://127.0.0.1:" + https.getAddress().getPort() + "/");
        ArmRouter router = new ArmRouter(endpoint, identity, resources, registry, lro);
        SandboxServer server = new SandboxServer(https, executor, endpoint, router);
        https.createContext("/", server::handle);
        https.start();
        return server;
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) {
        String requestId = UUID.randomUUID().toString();
        String clientRequestId = ex.getRequestHeaders().getFirst("x-ms-client-request-id");
        String correlationId = ex.getRequestHeaders().getFirst("x-ms-correlation-request-id");
        ArmResponse response;
        try {
            response = router.route(RawRequest.read(ex));
        } catch (ArmException e) {
            response = error(e.error());
        } catch (RuntimeException | IOException | Error e) {
            response = error(ArmErrors.internal(requestId).error());
        }
        try {
            write(ex, response, requestId, correlationId == null ? requestId : correlationId, clientRequestId);
        } catch (IOException | RuntimeException e) {
            // the client went away; nothing left to tell it
        } finally {
            ex.close();
        }
    }

    static ArmResponse error(ArmError e) {
        return ArmResponse.of(e.status(), e.toJson()).withHeaders(e.headers());
    }

    private static void write(HttpExchange ex, ArmResponse r, String requestId, String correlationId, String clientRequestId)
            throws IOException {
        Headers h = ex.getResponseHeaders();
        h.set("x-ms-request-id", requestId);
        h.set("x-ms-correlation-request-id", correlationId);
        if (clientRequestId != null) {
            h.set("x-ms-client-request-id", clientRequestId);
        }
        h.set("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
        h.set("Content-Type", "application/json; charset=utf-8");
        h.set("Cache-Control", "no-cache");
        for (Map.Entry<String, String> e : r.headers().entrySet()) {
            h.set(e.getKey(), e.getValue());
        }
        byte[] body = r.body() == null ? NO_BODY : Json.GSON.toJson(r.body()).getBytes(StandardCharsets.UTF_8);
        boolean noBody = body.length == 0 || ex.getRequestMethod().equalsIgnoreCase("HEAD") || r.status() == 204;
        ex.sendResponseHeaders(r.status(), noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
