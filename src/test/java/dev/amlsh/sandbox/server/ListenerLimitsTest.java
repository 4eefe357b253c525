package dev.amlsh.sandbox.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amlsh.sandbox.Sandbox;
import dev.amlsh.sandbox.SandboxHttp;
import dev.amlsh.sandbox.SandboxOptions;
import dev.amlsh.sandbox.SandboxSeed;
import dev.amlsh.sandbox.faults.FaultSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The listener as a long-lived server many clients share: bounded, never starved by idle connections, exact statuses. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ListenerLimitsTest {
    private static final String GROUPS = "/subscriptions/" + SandboxSeed.SUBSCRIPTION_ID + "/resourcegroups";
    private static Sandbox sandbox;
    private static SandboxHttp http;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(new SandboxOptions(null, 0, Duration.ZERO));
        http = new SandboxHttp(sandbox);
        http.token();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static SSLSocket connect() throws IOException {
        Socket plain = new Socket("127.0.0.1", sandbox.endpoint().getPort());
        SSLSocket s = (SSLSocket) SandboxHttp.sslContext(sandbox.certificatePem()).getSocketFactory()
                .createSocket(plain, "127.0.0.1", sandbox.endpoint().getPort(), true);
        s.setSoTimeout(10_000);
        return s;
    }

    /** Sends raw bytes over TLS and returns what comes back until the server closes (or goes quiet). */
    private static String wire(String request) throws IOException {
        try (SSLSocket s = connect()) {
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = in.read(buf)) > 0; ) {
                    got.write(buf, 0, n);
                }
            } catch (IOException closedOrQuiet) {
                // what arrived so far is the answer
            }
            return got.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void idleKeepAliveConnectionsCannotStarveANewClient() throws Exception {
        List<SSLSocket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < HttpsListener.MAX_CONNECTIONS + 12; i++) {
                SSLSocket s = connect();
                s.startHandshake(); // connected and silent, as a pooled keep-alive connection is
                idle.add(s);
            }
            long start = System.nanoTime();
            SandboxHttp.Response r = http.get(GROUPS);
            assertEquals(200, r.status(), r.body());
            assertTrue(System.nanoTime() - start < 20_000_000_000L, "answered without waiting for idle connections to time out");
            assertEquals(200, new SandboxHttp(sandbox).get(GROUPS).status(), "and another new client after it");
        } finally {
            for (SSLSocket s : idle) {
                s.close();
            }
        }
    }

    @Test
    void anOverLongRequestLineGets414AndAMalformedOne400() throws IOException {
        String tooLong = wire("GET /subscriptions?x=" + "a".repeat(HttpsListener.MAX_REQUEST_LINE + 100) + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertTrue(tooLong.startsWith("HTTP/1.1 414 URI Too Long\r\n"), tooLong);
        assertTrue(tooLong.contains("\"code\":\"RequestUriTooLong\""), tooLong);
        assertTrue(tooLong.contains("Connection: close\r\n"), tooLong);
        for (String malformed : List.of("GET /subscriptions\r\n\r\n", "GET  /subscriptions HTTP/1.1\r\n\r\n",
                "G(T /subscriptions HTTP/1.1\r\n\r\n", "GET /subscriptions HTTP/1.1 extra\r\n\r\n",
                "GET /subscriptions HTTP/1.1\r\nNo colon here\r\n\r\n", "PUT " + GROUPS + "/x HTTP/1.1\r\nContent-Length: -5\r\n\r\n")) {
            String answer = wire(malformed);
            assertTrue(answer.startsWith("HTTP/1.1 400 Bad Request\r\n"), malformed + " -> " + answer);
            assertTrue(answer.contains("\"code\":\"BadRequest\""), answer);
        }
        assertTrue(wire("GET /subscriptions HTTP/2.0\r\n\r\n").startsWith("HTTP/1.1 505 HTTP Version Not Supported\r\n"));
        assertEquals(200, http.get(GROUPS).status(), "the server goes on serving");
    }

    @Test
    void reasonPhrasesAreRightForWhatTheSandboxSends() throws Exception {
        for (int status : new int[] {415, 429, 503, 500, 409}) {
            sandbox.faults().add(FaultSpec.parse(status + ",method=GET,path=*/reasons" + status + ",times=1"));
            String answer = wire("GET " + GROUPS + "/reasons" + status + "?api-version=" + SandboxHttp.API + " HTTP/1.1\r\n"
                    + "Authorization: Bearer " + http.token() + "\r\nConnection: close\r\n\r\n");
            String expected = switch (status) {
                case 415 -> "Unsupported Media Type";
                case 429 -> "Too Many Requests";
                case 503 -> "Service Unavailable";
                case 500 -> "Internal Server Error";
                default -> "Conflict";
            };
            assertTrue(answer.startsWith("HTTP/1.1 " + status + " " + expected + "\r\n"), answer);
        }
        for (int status = 100; status < 600; status++) {
            String reason = HttpStatus.reason(status);
            assertFalse(reason.isBlank() || reason.equals("Status"), status + " " + reason);
        }
        assertEquals("URI Too Long", HttpStatus.reason(414));
        assertEquals("Request Header Fields Too Large", HttpStatus.reason(431));
        assertEquals("Server Error", HttpStatus.reason(599), "an unregistered code gets its class");
    }
}
