package dev.amlsh.recorded;

import com.google.gson.JsonElement;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * A local HTTPS endpoint that answers as Azure did: each request is matched (method, path with any
 * subscription, and the recording's {@code type} query parameter of operation-status URLs) to the
 * next unused interaction of the loaded {@link Recording}s, and answered with its status, headers
 * and body, Azure's host rewritten to this server's. Every request is logged with its arrival time,
 * so tests check what the client sent (which URL it polled, with which api-version, how far apart).
 *
 * <p>Two things are not Azure's: {@code GET /subscriptions} (the sign-in's listing) is passed to
 * the sandbox whose identity provider issued the token, and, when asked, a {@code Retry-After}
 * is added to long-running-operation answers that carry none, so that a test waits seconds, not
 * the 30 s a client waits by default.
 *
 * <pre>{@code
 * try (ReplayServer azure = new ReplayServer(ssl, sandboxEndpoint, sandboxSsl)) {
 *     azure.load(Recording.load(Recording.root().resolve("machinelearningservices/workspace-create.json")));
 *     ... point a registered cloud at azure.base() ...
 * }
 * }</pre>
 */
public final class ReplayServer implements AutoCloseable {
    private static final String AZURE = "https://management.azure.com";

    /** One request as it arrived ({@code bearer}: it carried a bearer token). */
    public record Request(long nanos, String method, String path, Map<String, String> query, boolean bearer,
                          String body, int answered) {
        public String param(String name) {
            return query.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private record Entry(Recording.Interaction interaction, Map<String, String> substitutions) {
    }

    private final HttpsServer server;
    private final URI sandbox;
    private final HttpClient passThrough;
    private final List<Entry> entries = new ArrayList<>();
    private final List<Entry> used = new ArrayList<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> unmatched = Collections.synchronizedList(new ArrayList<>());
    private volatile String addedRetryAfter;
    private final List<Synthetic> synthetic = Collections.synchronizedList(new ArrayList<>());

    /** An answer that is NOT Azure's, made up by a test and served once (see {@link #injectSynthetic}). */
    private record Synthetic(String method, String pathEnd, int status, Map<String, String> headers, String body) {
    }

    /**
     * @param tls the server's certificate and key (the sandbox's, so the client's trust of the
     *            sandbox covers this server too)
     * @param sandbox the sandbox endpoint that answers {@code GET /subscriptions}
     * @param sandboxTrust the trust for calling it
     */
    public ReplayServer(SSLContext tls, URI sandbox, SSLContext sandboxTrust) throws IOException {
        this.sandbox = sandbox;
        this.passThrough = HttpClient.newBuilder().sslContext(sandboxTrust).build();
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    /** This server's base URL, with a trailing slash (an ARM endpoint). */
    public String base() {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** Answers with the recording's interactions, in its order. */
    public ReplayServer load(Recording recording) {
        return load(recording, Map.of());
    }

    /**
     * Answers with the recording's interactions, each recorded string of {@code substitutions}
     * (a scenario's generated group or resource name) replaced in URLs and bodies by its value.
     */
    public synchronized ReplayServer load(Recording recording, Map<String, String> substitutions) {
        recording.interactions().forEach(i -> entries.add(new Entry(i, substitutions)));
        return this;
    }

    /** Adds {@code Retry-After: seconds} to 201/202 answers and in-progress polls that carry none; null to stop. */
    public ReplayServer retryAfterWhenAbsent(String seconds) {
        this.addedRetryAfter = seconds;
        return this;
    }

    /**
     * SYNTHETIC, not a recording: answers the next {@code method} request whose path ends with
     * {@code pathEnd} (case-insensitive) once with this made-up status, headers and body, before the
     * recorded answers. For conditions no public recording shows (a 429 with Retry-After); tests that
     * use it say so in their names.
     */
    public ReplayServer injectSynthetic(String method, String pathEnd, int status, Map<String, String> headers, String body) {
        synthetic.add(new Synthetic(method, pathEnd, status, headers, body));
        return this;
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Requests no recorded interaction matched (answered 501). */
    public List<String> unmatched() {
        synchronized (unmatched) {
            return List.copyOf(unmatched);
        }
    }

    /** Recorded interactions not (yet) asked for. */
    public synchronized List<String> unused() {
        return entries.stream().map(e -> e.interaction().name() + " " + e.interaction().method() + " "
                + URI.create(e.interaction().uri()).getRawPath()).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        try (exchange) {
            String method = exchange.getRequestMethod();
            URI uri = exchange.getRequestURI();
            String path = collapse(uri.getRawPath());
            Map<String, String> query = query(uri.getRawQuery());
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String header = exchange.getRequestHeaders().getFirst("Authorization");
            boolean auth = header != null && header.startsWith("Bearer ");
            if ("GET".equals(method) && path.equalsIgnoreCase("/subscriptions")) {
                int status = forward(exchange, uri);
                requests.add(new Request(now, method, path, query, auth, body, status));
                return;
            }
            Synthetic made = takeSynthetic(method, path);
            if (made != null) {
                requests.add(new Request(now, method, path, query, auth, body, made.status()));
                send(exchange, made.status(), made.headers(), made.body());
                return;
            }
            Entry match = take(method, path, query);
            if (match == null) {
                unmatched.add(method + " " + uri);
                requests.add(new Request(now, method, path, query, auth, body, 501));
                send(exchange, 501, Map.of(), "{\"error\":{\"code\":\"NoRecording\",\"message\":\"No recorded answer for "
                        + method + " " + path + "\"}}");
                return;
            }
            Recording.Interaction i = match.interaction();
            Map<String, String> headers = new LinkedHashMap<>();
            i.responseHeaders().forEach((k, v) -> headers.put(k, rewrite(v, match.substitutions())));
            String text = i.responseBody() == null ? "" : rewrite(bodyText(i.responseBody()), match.substitutions());
            boolean running = i.status() == 201 || i.status() == 202 || text.contains("\"InProgress\"");
            if (addedRetryAfter != null && running && i.header("Retry-After") == null) {
                headers.put("Retry-After", addedRetryAfter);
            }
            requests.add(new Request(now, method, path, query, auth, body, i.status()));
            send(exchange, i.status(), headers, text);
        }
    }

    private Synthetic takeSynthetic(String method, String path) {
        synchronized (synthetic) {
            for (Synthetic s : synthetic) {
                if (s.method().equalsIgnoreCase(method) && path.toLowerCase(Locale.ROOT).endsWith(s.pathEnd().toLowerCase(Locale.ROOT))) {
                    synthetic.remove(s);
                    return s;
                }
            }
            return null;
        }
    }

    private synchronized Entry take(String method, String path, Map<String, String> query) {
        Entry found = null;
        for (Entry e : entries) {
            if (matches(e, method, path, query)) {
                found = e;
                break;
            }
        }
        if (found != null) {
            entries.remove(found);
            used.add(found);
            return found;
        }
        // Asked again after its answers ran out: the last answer for it stands (a resource read twice).
        for (int k = used.size() - 1; k >= 0; k--) {
            if (matches(used.get(k), method, path, query)) {
                return used.get(k);
            }
        }
        return null;
    }

    private boolean matches(Entry e, String method, String path, Map<String, String> query) {
        Recording.Interaction i = e.interaction();
        if (!i.method().equalsIgnoreCase(method)) {
            return false;
        }
        URI recorded = URI.create(rewrite(i.uri(), e.substitutions()));
        if (!anySubscription(collapse(recorded.getRawPath())).equalsIgnoreCase(anySubscription(path))) {
            return false;
        }
        String type = query(recorded.getRawQuery()).get("type");
        return type == null || type.equalsIgnoreCase(query.get("type"));
    }

    private int forward(HttpExchange exchange, URI uri) throws IOException {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(sandbox.resolve(uri.getRawPath() + "?" + uri.getRawQuery())).GET();
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth != null) {
                b.header("Authorization", auth);
            }
            HttpResponse<String> r = passThrough.send(b.build(), HttpResponse.BodyHandlers.ofString());
            send(exchange, r.statusCode(), Map.of(), r.body());
            return r.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private String rewrite(String text, Map<String, String> substitutions) {
        String out = text.replace(AZURE + "/", base()).replace(AZURE, base().substring(0, base().length() - 1));
        for (Map.Entry<String, String> s : substitutions.entrySet()) {
            out = out.replace(s.getKey(), s.getValue());
        }
        return out;
    }

    private static String bodyText(JsonElement body) {
        return body.isJsonPrimitive() ? body.getAsString() : body.toString();
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, String body) throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0) {
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static String collapse(String path) {
        return path.replaceAll("/{2,}", "/");
    }

    private static String anySubscription(String path) {
        return path.replaceFirst("(?i)^/subscriptions/[^/]+", "/subscriptions/*");
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            out.put(key.toLowerCase(Locale.ROOT), eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
