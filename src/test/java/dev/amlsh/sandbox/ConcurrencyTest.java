package dev.amlsh.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmRequest;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.arm.ETags;
import dev.amlsh.sandbox.provider.ProviderContext;
import dev.amlsh.sandbox.provider.ProviderHandler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two sandboxes on one home, many writers at once: no lost update where ETags apply, no "database is locked" anywhere. */
class ConcurrencyTest {
    private static final String RG = "/subscriptions/" + SandboxSeed.SUBSCRIPTION_ID + "/resourcegroups/shared-rg";
    private static final String THING = "/subscriptions/" + SandboxSeed.SUBSCRIPTION_ID
            + "/resourceGroups/shared-rg/providers/Microsoft.Test/things/";

    /** A tracked type whose service keeps an etag, as Application Insights components do. */
    static final class Things implements ProviderHandler {
        @Override
        public String namespace() {
            return "Microsoft.Test";
        }

        @Override
        public ArmResponse handle(ArmRequest req, ProviderContext ctx) {
            if (req.isMethod("GET")) {
                return ArmResponse.ok(ctx.store().get(req.resourceId())
                        .orElseThrow(() -> ArmErrors.resourceNotFound(req.resourceType(), req.name(), req.resourceGroup())).json());
            }
            if (req.isMethod("PUT")) {
                JsonObject doc = req.bodyObject().deepCopy();
                doc.addProperty("id", req.resourceId());
                doc.addProperty("name", req.name());
                ETags.stamp(doc);
                boolean existed = ctx.store().get(req.resourceId()).isPresent();
                ctx.store().put(req.resourceId(), doc);
                return existed ? ArmResponse.ok(doc) : ArmResponse.created(doc);
            }
            throw ArmErrors.methodNotAllowed(req.method());
        }
    }

    @TempDir
    static Path home;
    private static Sandbox a;
    private static Sandbox b;
    private static SandboxHttp httpA;
    private static SandboxHttp httpB;

    @BeforeAll
    static void start() throws Exception {
        a = Sandbox.start(new SandboxOptions(home, 0, Duration.ZERO), List.of(new Things()));
        b = Sandbox.start(new SandboxOptions(home, 0, Duration.ZERO), List.of(new Things()));
        httpA = new SandboxHttp(a);
        httpB = new SandboxHttp(b);
        assertEquals(201, httpA.put(RG, "{\"location\":\"eastus\"}").status());
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
    }

    private static SandboxHttp.Response put(SandboxHttp http, String path, String body, String header, String value) {
        return http.raw("PUT", path.substring(1) + "?api-version=2020-02-02", body,
                Map.of("Authorization", "Bearer " + http.token(), "Content-Type", "application/json", header, value));
    }

    @Test
    void staleIfMatchLosesWithPreconditionFailed() {
        SandboxHttp.Response created = put(httpA, THING + "t1", "{\"location\":\"eastus\",\"tags\":{\"v\":\"0\"}}", "If-None-Match", "*");
        assertEquals(201, created.status());
        String etag = created.header("ETag");
        assertNotNull(etag);
        assertEquals(etag, created.json().get("etag").getAsString());
        assertEquals(412, put(httpB, THING + "t1", "{\"location\":\"eastus\"}", "If-None-Match", "*").status(), "create-only");
        assertEquals(200, put(httpA, THING + "t1", "{\"location\":\"eastus\",\"tags\":{\"v\":\"a\"}}", "If-Match", etag).status());
        SandboxHttp.Response lost = put(httpB, THING + "t1", "{\"location\":\"eastus\",\"tags\":{\"v\":\"b\"}}", "If-Match", etag);
        assertEquals(412, lost.status());
        assertEquals("PreconditionFailed", lost.errorCode());
        assertEquals("a", httpB.get(THING + "t1?api-version=2020-02-02").json().getAsJsonObject("tags").get("v").getAsString());
        assertEquals(412, put(httpA, THING + "nope", "{\"location\":\"eastus\"}", "If-Match", "*").status(), "If-Match on nothing");
    }

    @Test
    void readModifyWriteWithIfMatchLosesNoIncrementAcrossTwoSandboxes() throws Exception {
        assertEquals(201, put(httpA, THING + "counter", "{\"location\":\"eastus\",\"tags\":{\"n\":\"0\"}}", "If-None-Match", "*").status());
        int writers = 6;
        int increments = 10;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        ConcurrentLinkedQueue<Integer> conflicts = new ConcurrentLinkedQueue<>();
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            SandboxHttp http = w % 2 == 0 ? httpA : httpB;
            done.add(pool.submit(() -> {
                for (int i = 0; i < increments; ) {
                    SandboxHttp.Response got = http.get(THING + "counter?api-version=2020-02-02");
                    int n = Integer.parseInt(got.json().getAsJsonObject("tags").get("n").getAsString());
                    SandboxHttp.Response r = put(http, THING + "counter", "{\"location\":\"eastus\",\"tags\":{\"n\":\"" + (n + 1) + "\"}}",
                            "If-Match", got.header("ETag"));
                    if (r.status() == 200) {
                        i++;
                    } else {
                        assertEquals(412, r.status(), r.body());
                        conflicts.add(1);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        int n = Integer.parseInt(httpA.get(THING + "counter?api-version=2020-02-02").json().getAsJsonObject("tags").get("n").getAsString());
        assertEquals(writers * increments, n, "every increment kept (" + conflicts.size() + " stale writes refused)");
    }

    @Test
    void concurrentGroupTagUpdatesFromTwoSandboxesAllSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            SandboxHttp http = i % 2 == 0 ? httpA : httpB;
            String body = "{\"tags\":{\"writer\":\"" + i + "\"}}";
            statuses.add(pool.submit(() -> http.patch(RG, body).status()));
        }
        List<Integer> seen = new ArrayList<>();
        for (Future<Integer> f : statuses) {
            seen.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertTrue(seen.stream().allMatch(s -> s == 200), seen.toString());
        String writer = httpB.get(RG).json().getAsJsonObject("tags").get("writer").getAsString();
        assertTrue(Integer.parseInt(writer) >= 0 && Integer.parseInt(writer) < 80);
    }
}
