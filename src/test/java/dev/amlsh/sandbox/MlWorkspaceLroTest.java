package dev.amlsh.sandbox;

import static dev.amlsh.sandbox.MlFixture.ws;
import static dev.amlsh.sandbox.MlFixture.wsAction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.gson.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The workspace operations with a real delay: Creating / Deleting first, then the terminal state. */
class MlWorkspaceLroTest {
    private static MlFixture f;
    private static SandboxHttp http;
    private static MlFixture.Deps deps;

    @BeforeAll
    static void start() throws Exception {
        f = MlFixture.start(Duration.ofMillis(500));
        http = f.http;
        f.group("slow-rg", "westeurope");
        deps = f.deps("slow-rg", "slow");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void createAndDeleteGoThroughTheirStates() throws Exception {
        SandboxHttp.Response r = http.put(ws("slow-rg", "slow-ws"), deps.body("westeurope"));
        assertEquals(202, r.status());
        assertEquals("", r.body(), "Azure answers a create with no body");
        assertEquals(null, r.header("Retry-After"), "Azure sends no Retry-After here");
        String status = local(r.header("Azure-AsyncOperation"));
        assertEquals("{\"status\":\"InProgress\"}", http.send("GET", status, null).body());
        assertEquals("Creating", state(http.get(ws("slow-rg", "slow-ws")).json()));
        assertEquals("AnotherOperationInProgress", http.patch(ws("slow-rg", "slow-ws"), "{\"tags\":{}}").errorCode());
        assertEquals(202, http.send("GET", local(r.header("Location")), null).status());
        JsonObject finished = poll(status);
        assertEquals("Succeeded", finished.get("status").getAsString());
        assertEquals(100.0, finished.get("percentComplete").getAsDouble(), "Azure's status resource once it succeeded");
        SandboxHttp.Response result = http.send("GET", local(r.header("Location")), null);
        assertEquals(200, result.status());
        assertEquals("Succeeded", state(result.json()));
        assertEquals("Succeeded", state(http.get(ws("slow-rg", "slow-ws")).json()));

        SandboxHttp.Response d = http.delete(ws("slow-rg", "slow-ws"));
        assertEquals(202, d.status());
        assertEquals("Deleting", state(http.get(ws("slow-rg", "slow-ws")).json()));
        assertEquals("Succeeded", poll(local(d.header("Azure-AsyncOperation"))).get("status").getAsString());
        assertEquals(200, http.send("GET", local(d.header("Location")), null).status());
        assertEquals(404, http.get(ws("slow-rg", "slow-ws")).status());
    }

    @Test
    void diagnoseAnswersThroughItsLocation() throws Exception {
        f.create("slow-rg", "diag-slow", deps);
        poll(local(http.put(ws("slow-rg", "diag-slow2"), deps.body("westeurope")).header("Azure-AsyncOperation")));
        SandboxHttp.Response r = http.post(wsAction("slow-rg", "diag-slow2", "diagnose"), null);
        assertEquals(202, r.status());
        assertNull(r.header("Azure-AsyncOperation"), "Azure answers diagnose with Location only");
        assertEquals(202, http.send("GET", local(r.header("Location")), null).status());
        SandboxHttp.Response done = http.send("GET", local(r.header("Location")), null);
        for (int i = 0; i < 400 && done.status() == 202; i++) {
            Thread.sleep(25);
            done = http.send("GET", local(r.header("Location")), null);
        }
        assertEquals(200, done.status());
        assertEquals(0, done.json().getAsJsonObject("value").getAsJsonArray("containerRegistryResults").size());
    }

    private static String state(JsonObject w) {
        return w.getAsJsonObject("properties").get("provisioningState").getAsString();
    }

    private static String local(String url) {
        return url.substring(f.sandbox.endpoint().toString().length() - 1);
    }

    private static JsonObject poll(String status) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            JsonObject s = http.send("GET", status, null).json();
            if (!"InProgress".equals(s.get("status").getAsString()) || System.currentTimeMillis() > deadline) {
                return s;
            }
            Thread.sleep(100);
        }
    }
}
