package dev.amlsh.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amlsh.sandbox.faults.FaultRule;
import dev.amlsh.sandbox.faults.FaultSpec;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fault rules over HTTP: what a client of the sandbox sees when each effect fires, and rules shared by a home. */
class FaultInjectionTest {
    private static final String GROUPS = "/subscriptions/" + SandboxSeed.SUBSCRIPTION_ID + "/resourcegroups/";

    @TempDir
    static Path home;
    private static Sandbox sandbox;
    private static SandboxHttp http;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(new SandboxOptions(home, 0, Duration.ZERO));
        http = new SandboxHttp(sandbox);
        http.token();
        assertEquals(201, http.put(GROUPS + "rg1", "{\"location\":\"eastus\"}").status());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void noRules() {
        sandbox.faults().clear();
    }

    private FaultRule add(String spec) {
        return sandbox.faults().add(FaultSpec.parse(spec));
    }

    @Test
    void statusRuleFiresTheGivenTimesWithArmErrorsThenStops() {
        FaultRule rule = add("503,method=GET,path=*/resourceGroups/*,times=2");
        SandboxHttp.Response first = http.get(GROUPS + "rg1");
        assertEquals(503, first.status());
        assertEquals("ServiceUnavailable", first.errorCode());
        assertEquals(String.valueOf(rule.id()), first.header("x-ms-sandbox-fault"));
        assertNotNull(first.header("x-ms-request-id"));
        assertEquals(503, http.get(GROUPS + "rg1").status());
        assertEquals(200, http.get(GROUPS + "rg1").status());
        assertEquals(200, http.get("/subscriptions").status(), "other paths never matched");
        FaultRule counted = sandbox.faults().list().get(0);
        assertEquals(3, counted.seen());
        assertEquals(2, counted.fired());
    }

    @Test
    void throttlingSendsRetryAfterAndServerErrorsCarryTheRequestId() {
        add("429,retry-after=7,method=PUT,times=1");
        SandboxHttp.Response throttled = http.put(GROUPS + "rg2", "{\"location\":\"eastus\"}");
        assertEquals(429, throttled.status());
        assertEquals("TooManyRequests", throttled.errorCode());
        assertEquals("7", throttled.header("Retry-After"));
        assertEquals(404, http.get(GROUPS + "rg2").status(), "a throttled write changed nothing");
        add("500,method=GET,times=1");
        SandboxHttp.Response broken = http.get(GROUPS + "rg1");
        assertEquals(500, broken.status());
        assertTrue(broken.errorMessage().contains(broken.header("x-ms-request-id")), broken.body());
    }

    @Test
    void everyNthMatchAndDelays() {
        add("502,method=GET,path=*/rg1,every=3");
        int[] statuses = new int[6];
        for (int i = 0; i < 6; i++) {
            statuses[i] = http.get(GROUPS + "rg1").status();
        }
        assertEquals("[200, 200, 502, 200, 200, 502]", java.util.Arrays.toString(statuses));
        sandbox.faults().clear();
        add("delay=400,method=GET,times=1");
        long start = System.nanoTime();
        assertEquals(200, http.get(GROUPS + "rg1").status());
        assertTrue(System.nanoTime() - start >= 400_000_000L, "the answer came late");
    }

    @Test
    void droppedConnectionGetsNoAnswerAndTheServerStaysUp() {
        // The JDK client itself resends a GET once when the connection closes unanswered: drop both.
        add("drop,method=GET,path=*/rg1,times=2");
        assertThrows(UncheckedIOException.class, () -> http.get(GROUPS + "rg1"));
        assertEquals(200, http.get(GROUPS + "rg1").status());
    }

    @Test
    void failedAndCanceledOperationsLeaveTheGroupThere() {
        assertEquals(201, http.put(GROUPS + "rg-lro", "{\"location\":\"eastus\"}").status());
        add("lro-fail,method=DELETE,times=1");
        SandboxHttp.Response delete = http.delete(GROUPS + "rg-lro");
        assertEquals(202, delete.status());
        String status = delete.header("Azure-AsyncOperation").substring(sandbox.endpoint().toString().length() - 1);
        SandboxHttp.Response op = http.send("GET", status, null);
        assertEquals("Failed", op.json().get("status").getAsString());
        assertEquals("InternalServerError", op.json().getAsJsonObject("error").get("code").getAsString());
        SandboxHttp.Response group = http.get(GROUPS + "rg-lro");
        assertEquals(200, group.status());
        assertEquals("Succeeded", group.json().getAsJsonObject("properties").get("provisioningState").getAsString());
        add("lro-cancel,method=DELETE,times=1");
        SandboxHttp.Response again = http.delete(GROUPS + "rg-lro");
        String status2 = again.header("Azure-AsyncOperation").substring(sandbox.endpoint().toString().length() - 1);
        assertEquals("Canceled", http.send("GET", status2, null).json().get("status").getAsString());
        assertEquals(200, http.get(GROUPS + "rg-lro").status());
        SandboxHttp.Response third = http.delete(GROUPS + "rg-lro");
        String status3 = third.header("Azure-AsyncOperation").substring(sandbox.endpoint().toString().length() - 1);
        assertEquals("Succeeded", http.send("GET", status3, null).json().get("status").getAsString(), "rules used up");
        assertEquals(404, http.get(GROUPS + "rg-lro").status());
    }

    @Test
    void tokenEndpointFailsInTheOAuthShape() {
        add("token-fail,times=1");
        SandboxHttp.Response r = http.tokenRequest(Map.of("grant_type", "client_credentials", "client_id", SandboxSeed.ADMIN_CLIENT_ID,
                "client_secret", SandboxSeed.ADMIN_CLIENT_SECRET, "scope", "https://management.azure.com/.default"));
        assertEquals(503, r.status());
        assertEquals("temporarily_unavailable", r.json().get("error").getAsString());
        assertEquals(200, http.get(GROUPS + "rg1").status(), "ARM requests are not touched by token-fail");
    }

    @Test
    void rulesAndCountersAreSharedByEverySandboxOnTheHome() throws Exception {
        add("503,method=GET,path=*/rg1,times=2");
        try (Sandbox other = Sandbox.start(new SandboxOptions(home, 0, Duration.ZERO))) {
            SandboxHttp otherHttp = new SandboxHttp(other);
            assertEquals(503, otherHttp.get(GROUPS + "rg1").status());
            assertEquals(503, http.get(GROUPS + "rg1").status());
            assertEquals(200, otherHttp.get(GROUPS + "rg1").status());
            assertEquals(List.of(2), other.faults().list().stream().map(FaultRule::fired).toList());
            assertEquals(1, other.faults().clear());
            assertEquals(List.of(), sandbox.faults().list());
        }
    }
}
