package dev.amlsh.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Hostile and malformed requests: each gets an ARM error (or a closed connection), and the sandbox keeps answering. */
@org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class HostileInputTest {
    private static final String SUB = SandboxSeed.SUBSCRIPTION_ID;
    private static final String API = "?api-version=2025-04-01";
    private static Sandbox sandbox;
    private static SandboxHttp http;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(new SandboxOptions(null, 0, Duration.ZERO));
        http = new SandboxHttp(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @AfterEach
    void stillServing() {
        assertEquals(200, http.get("/subscriptions").status(), "the sandbox still answers");
    }

    /** Sends bytes over TLS as they are; returns what came back until the server closed or went quiet. */
    private static String wire(String request) throws IOException {
        return wire(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String wire(byte[] request) throws IOException {
        return exchange(request).text();
    }

    /** What came back, and whether the server closed the connection (rather than going quiet until our read timed out). */
    record Reply(String text, boolean closedByServer) {
    }

    private static Reply exchange(byte[] request) throws IOException {
        return exchange(request, Duration.ofSeconds(5));
    }

    private static Reply exchange(byte[] request, Duration bound) throws IOException {
        try (Socket plain = new Socket("127.0.0.1", sandbox.endpoint().getPort());
             SSLSocket s = (SSLSocket) SandboxHttp.sslContext(sandbox.certificatePem()).getSocketFactory()
                     .createSocket(plain, "127.0.0.1", sandbox.endpoint().getPort(), true)) {
            s.setSoTimeout((int) bound.toMillis());
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            boolean closed = false;
            try {
                OutputStream out = s.getOutputStream();
                out.write(request);
                out.flush();
                InputStream in = s.getInputStream();
                byte[] buf = new byte[8192];
                int n;
                while ((n = in.read(buf)) > 0) {
                    got.write(buf, 0, n);
                    if (got.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n") && complete(got.toString(StandardCharsets.ISO_8859_1))) {
                        break;
                    }
                }
                closed = n < 0;
            } catch (java.net.SocketTimeoutException quiet) {
                // the server neither answered nor closed within the bound
            } catch (IOException reset) {
                closed = true;    // reset or a TLS alert: the server ended the connection
            }
            return new Reply(got.toString(StandardCharsets.UTF_8), closed);
        }
    }

    /** The server refuses the bytes by closing the connection, within 5 s, without an answer. */
    private static void assertClosed(String request) throws IOException {
        assertClosed(request.getBytes(StandardCharsets.ISO_8859_1), Duration.ofSeconds(5));
    }

    /** The server closes the connection within {@code bound} (read timeouts of this client are not a close). */
    private static void assertClosed(byte[] request, Duration bound) throws IOException {
        long start = System.nanoTime();
        Reply r = exchange(request, bound);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(r.closedByServer(), "the server kept the connection open (quiet for " + ms + " ms): "
                + new String(request, 0, Math.min(request.length, 80), StandardCharsets.ISO_8859_1));
        assertEquals("", r.text());
    }

    private static boolean complete(String response) {
        int head = response.indexOf("\r\n\r\n");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: (\\d+)").matcher(response.substring(0, head));
        return m.find() && response.length() - head - 4 >= Integer.parseInt(m.group(1));
    }

    private static String get(String target, String... extraHeaders) throws IOException {
        StringBuilder r = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + http.token()
                + "\r\nConnection: close\r\n");
        for (String h : extraHeaders) {
            r.append(h).append("\r\n");
        }
        return wire(r.append("\r\n").toString());
    }

    private static String code(String response) {
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        return JsonParser.parseString(body).getAsJsonObject().getAsJsonObject("error").get("code").getAsString();
    }

    @Test
    void pathTricksAreBadRequests() throws IOException {
        for (String path : List.of("/subscriptions/" + SUB + "/resourceGroups/..", "/subscriptions/" + SUB + "/resourceGroups/x/../y",
                "/subscriptions/" + SUB + "/resourceGroups/%2e%2E", "/subscriptions/" + SUB + "/resourceGroups/a%2F..%2Fb",
                "/subscriptions/" + SUB + "/resourceGroups/a%5cb", "/subscriptions\\..\\tenants", "/subscriptions/" + SUB + "/resourceGroups/rg%00",
                "/subscriptions/" + SUB + "/resourceGroups/rg%zz", "/subscriptions/" + SUB + "/resourceGroups/rg%", "/./subscriptions")) {
            String r = get(path + API);
            assertTrue(r.startsWith("HTTP/1.1 400 "), path + " -> " + r);
            assertEquals("InvalidRequestUri", code(r), path);
        }
    }

    @Test
    void headerInjectionIsRefusedAndNeverEchoed() throws IOException {
        String r = get("/subscriptions" + API, "x-ms-client-request-id: abc\rSet-Cookie: evil=1");
        assertTrue(r.startsWith("HTTP/1.1 400 "), r);
        assertEquals("InvalidHeaderValue", code(r));
        assertFalse(r.toLowerCase(java.util.Locale.ROOT).contains("set-cookie"), r);
    }

    @Test
    void malformedJsonAndWrongMediaTypesAreArmErrors() {
        String group = "/subscriptions/" + SUB + "/resourcegroups/hostile";
        for (String body : List.of("{", "[]", "\"text\"", "{\"location\":\"eastus\",}", "{\"location\":\"eastus\"} trailing",
                "[".repeat(100_000), "{\"location\":\"eastus\",\"tags\":{\"a\":{\"b\":1}}}", "\u0000\u0001")) {
            SandboxHttp.Response r = http.put(group, body);
            assertEquals(400, r.status(), body.length() > 40 ? body.substring(0, 40) : body);
            assertEquals("InvalidRequestContent", r.errorCode());
        }
        SandboxHttp.Response text = http.raw("PUT", group.substring(1) + API, "{\"location\":\"eastus\"}",
                Map.of("Authorization", "Bearer " + http.token(), "Content-Type", "text/plain"));
        assertEquals(415, text.status());
        assertEquals("UnsupportedMediaType", text.errorCode());
        assertEquals(404, http.get(group).status(), "nothing was created");
        SandboxHttp.Response token = http.raw("POST", "adfs/oauth2/token", "{\"grant_type\":\"client_credentials\"}",
                Map.of("Content-Type", "application/json"));
        assertEquals(400, token.status());
        assertEquals("invalid_request", token.json().get("error").getAsString());
    }

    @Test
    void oversizedBodiesAreRefused() {
        String big = "{\"location\":\"eastus\",\"tags\":{\"k\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}}";
        SandboxHttp.Response r = http.put("/subscriptions/" + SUB + "/resourcegroups/big5", big);
        assertEquals(413, r.status());
        assertEquals("RequestContentTooLarge", r.errorCode());
    }

    @Test
    void forgedExpiredAndUnsignedTokensAreRejected() {
        String valid = http.token();
        String[] parts = valid.split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        JsonObject claims = JsonParser.parseString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)).getAsJsonObject();
        String hs = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String expired = sandbox.mintToken(SandboxSeed.ADMIN_CLIENT_ID, Instant.now().minus(Duration.ofHours(2)), Duration.ofMinutes(30));
        for (String token : List.of(none + "." + parts[1] + ".", none + "." + parts[1], hs + "." + parts[1] + "." + parts[2],
                parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4) + "AAAA", "garbage", "a.b.c", "", expired,
                parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.toString().replace("\"", "\"\"")
                        .getBytes(StandardCharsets.UTF_8)) + "." + parts[2])) {
            SandboxHttp.Response r = http.raw("GET", "subscriptions" + API, null, Map.of("Authorization", "Bearer " + token));
            assertEquals(401, r.status(), token);
            assertTrue(r.errorCode().endsWith("AuthenticationToken") || r.errorCode().equals("AuthenticationFailed"), r.body());
        }
        assertEquals(401, http.raw("GET", "subscriptions" + API, null, Map.of()).status());
    }

    @Test
    void brokenHttpGetsOneErrorAndTheConnectionCloses() throws IOException {
        // A request line that never ends: the server waits for the rest, answers others meanwhile,
        // and closes it at its idle timeout (30 s), not never.
        java.util.concurrent.CompletableFuture<Void> unfinished = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                assertClosed(new byte[] {0x16, 0x03, 0x01, 0x00, 0x00, 0x00}, Duration.ofSeconds(60));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(get("/subscriptions" + API).startsWith("HTTP/1.1 200 "), "the server answers others meanwhile");
        Reply garbage = exchange("GARBAGE\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(garbage.text().startsWith("HTTP/1.1 400 Bad Request\r\n"), garbage.toString());
        Reply longHeader = exchange(("GET /subscriptions" + API + " HTTP/1.1\r\nX-Long: " + "a".repeat(70_000) + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(longHeader.text().startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n"),
                longHeader.toString());
        Reply chunked = exchange(("PUT /subscriptions" + API + " HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(chunked.text().startsWith("HTTP/1.1 400 Bad Request\r\n"), chunked.toString());
        assertClosed("PUT /subscriptions" + API + " HTTP/1.1\r\nContent-Length: 99999999999\r\n\r\n{");
        Reply notANumber = exchange(("PUT /subscriptions" + API + " HTTP/1.1\r\nContent-Length: ten\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(notANumber.text().startsWith("HTTP/1.1 400") || notANumber.text().isEmpty() && notANumber.closedByServer(),
                notANumber.toString());
        unfinished.join();
    }
}
