package dev.amlsh.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.amlsh.sandbox.store.SqliteStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code amlsh sandbox serve} in its own JVM, killed with SIGKILL at random moments while writers
 * stream group PUTs: after each restart every acknowledged write is there, nothing is half-written,
 * and the store opens cleanly.
 */
@org.junit.jupiter.api.Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
class CrashTest {
    private static final String GROUPS = "/subscriptions/" + SandboxSeed.SUBSCRIPTION_ID + "/resourcegroups/";
    private static final int KILLS = 5;
    private static final int WRITERS = 4;

    @TempDir
    Path home;

    /** Per group: the last sequence number acknowledged, and the one in flight when the server died. */
    private final Map<String, Integer> acked = new ConcurrentHashMap<>();
    private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger acknowledged = new java.util.concurrent.atomic.AtomicInteger();
    /** What went wrong in a writer thread (a refused write), for the test thread to fail on: JUnit sees only its own thread. */
    private final java.util.Queue<Throwable> writerFailures = new java.util.concurrent.ConcurrentLinkedQueue<>();

    private Process serve() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classpath,
                "dev.amlsh.app.Main", "sandbox", "serve");
        pb.environment().put("AMLSH_HOME", home.toString());
        pb.environment().put("AMLSH_SANDBOX_LRO_DELAY_MS", "0");
        pb.redirectErrorStream(true);
        return pb.start();
    }

    private static URI endpoint(Process p) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        StringBuilder seen = new StringBuilder();
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.startsWith("ARM endpoint:")) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "serve-output");
                drain.setDaemon(true);
                drain.start();
                return URI.create(line.substring("ARM endpoint:".length()).trim());
            }
        }
        throw new IllegalStateException("sandbox serve did not start:\n" + seen);
    }

    @Test
    void everyAcknowledgedWriteSurvivesSigkill() throws Exception {
        Random random = new Random(42);
        int writes = 0;
        for (int round = 0; round <= KILLS; round++) {
            Process p = serve();
            try {
                SandboxHttp http = new SandboxHttp(endpoint(p), home.resolve("sandbox/certificate.pem"), SandboxSeed.admin());
                http.token();
                verify(http);
                if (round == KILLS) {
                    break;
                }
                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> writers = new ArrayList<>();
                int[] counts = new int[WRITERS];
                for (int w = 0; w < WRITERS; w++) {
                    int id = w;
                    Thread t = new Thread(() -> {
                        try {
                            counts[id] = write(http, id, stop);
                        } catch (Throwable failed) {
                            writerFailures.add(failed);
                        }
                    }, "writer-" + w);
                    writers.add(t);
                    t.start();
                }
                // Kill at a random moment once the stream is flowing (a slow machine needs a while to start it).
                long deadline = System.nanoTime() + 20_000_000_000L;
                int before = acked.size() + acknowledged.get();
                while (acked.size() + acknowledged.get() == before && System.nanoTime() < deadline && writerFailures.isEmpty()) {
                    Thread.sleep(10);
                }
                assertTrue(acked.size() + acknowledged.get() > before || !writerFailures.isEmpty(),
                        "round " + round + ": no write was acknowledged within 20 s");
                Thread.sleep(50 + random.nextInt(400));
                p.destroyForcibly().waitFor();
                stop.set(true);
                for (Thread t : writers) {
                    t.join(20_000);
                    assertTrue(!t.isAlive(), t.getName() + " still runs 20 s after the server died");
                }
                if (!writerFailures.isEmpty()) {
                    AssertionError failed = new AssertionError("round " + round + ": " + writerFailures.peek().getMessage(), writerFailures.peek());
                    writerFailures.forEach(failed::addSuppressed);
                    throw failed;
                }
                for (int c : counts) {
                    writes += c;
                }
            } finally {
                p.destroyForcibly().waitFor();
            }
        }
        assertTrue(writes >= KILLS, "every round acknowledged writes before its kill: " + writes);
        System.out.println("crash: " + KILLS + " kills, " + writes + " acknowledged writes, all present after restart");
        checkStore(home.resolve("sandbox/sandbox.db"));
    }

    /** Streams PUTs of this writer's groups until the server dies or {@code stop}; returns how many were acknowledged. */
    private int write(SandboxHttp http, int writer, AtomicBoolean stop) {
        int ok = 0;
        for (int i = 0; !stop.get(); i++) {
            String group = "crash-w" + writer + "-" + (i % 7);
            int seq = inFlight.merge(group, 1, Integer::sum);
            try {
                SandboxHttp.Response r = http.put(GROUPS + group,
                        "{\"location\":\"eastus\",\"tags\":{\"seq\":\"" + seq + "\",\"pad\":\"" + "p".repeat(200 + i % 300) + "\"}}");
                if (r.status() / 100 != 2) {
                    throw new AssertionError("a write was refused: " + r.status() + " " + r.body());
                }
                acked.put(group, seq);
                acknowledged.incrementAndGet();
                ok++;
            } catch (UncheckedIOException | IllegalStateException serverDied) {
                return ok;
            }
        }
        return ok;
    }

    private void verify(SandboxHttp http) {
        for (Map.Entry<String, Integer> e : inFlight.entrySet()) {
            SandboxHttp.Response r = http.get(GROUPS + e.getKey());
            Integer last = acked.get(e.getKey());
            if (last == null && r.status() == 404) {
                continue;
            }
            assertEquals(200, r.status(), e.getKey() + " was acknowledged at " + last);
            int seq = Integer.parseInt(r.json().getAsJsonObject("tags").get("seq").getAsString());
            assertTrue(last == null || seq == last || seq == e.getValue(),
                    e.getKey() + ": acknowledged " + last + ", in flight " + e.getValue() + ", found " + seq);
            inFlight.put(e.getKey(), seq);
            acked.put(e.getKey(), seq);
        }
    }

    private static void checkStore(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                assertTrue(rs.next());
                assertEquals("ok", rs.getString(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT document FROM resources")) {
                while (rs.next()) {
                    JsonParser.parseString(rs.getString(1)).getAsJsonObject();
                }
            }
        }
        SqliteStore.open(db).close();
        assertTrue(Files.size(db) > 0);
    }
}
