package dev.amlsh.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmRequest;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.lro.Operation;
import dev.amlsh.sandbox.lro.OperationSpec;
import dev.amlsh.sandbox.provider.ProviderContext;
import dev.amlsh.sandbox.provider.ProviderHandler;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Long-running operations with a real delay: InProgress first, then a terminal state. */
class LroTest {
    private static final String SUB = SandboxSeed.SUBSCRIPTION_ID;
    private static final Duration DELAY = Duration.ofMillis(600);
    private static Sandbox sandbox;
    private static SandboxHttp http;

    /** A handler whose DELETE is an operation that fails, as a provider's refusal would. */
    static final class FailingDelete implements ProviderHandler {
        @Override
        public String namespace() {
            return "Microsoft.KeyVault";
        }

        @Override
        public void init(ProviderContext ctx) {
            ctx.lro().register("test.failingDelete", op -> {
                throw ArmErrors.conflict("The vault '" + op.resourceId() + "' cannot be deleted now.");
            });
        }

        @Override
        public ArmResponse handle(ArmRequest req, ProviderContext ctx) {
            Operation op = ctx.lro().start(new OperationSpec("test.failingDelete", req.subscriptionId(), namespace(), "eastus",
                    req.resourceId(), null));
            return ctx.lro().accepted(op, 202, null, req.endpoint(), req.apiVersion());
        }
    }

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(new SandboxOptions(null, 0, DELAY), List.of(new FailingDelete()));
        http = new SandboxHttp(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void groupDeleteStaysInProgressThenSucceeds() throws Exception {
        String group = "/subscriptions/" + SUB + "/resourcegroups/slow";
        http.put(group, "{\"location\":\"westus2\"}");
        SandboxHttp.Response r = http.delete(group);
        assertEquals(202, r.status());
        assertEquals("1", r.header("Retry-After"));
        String status = local(r.header("Azure-AsyncOperation"));
        String location = local(r.header("Location"));
        JsonObject running = http.send("GET", status, null).json();
        assertEquals("InProgress", running.get("status").getAsString());
        assertTrue(running.has("startTime") && !running.has("endTime"));
        assertEquals("Deleting", http.get(group).json().getAsJsonObject("properties").get("provisioningState").getAsString());
        assertEquals("ResourceGroupBeingDeleted", http.put(group, "{\"location\":\"westus2\"}").errorCode());
        assertEquals(202, http.send("GET", location, null).status());
        JsonObject done = poll(status);
        assertEquals("Succeeded", done.get("status").getAsString());
        assertTrue(done.has("endTime"));
        assertEquals(200, http.send("GET", location, null).status());
        assertEquals(404, http.get(group).status());
    }

    @Test
    void failedOperationReportsItsErrorOnBothUrls() throws Exception {
        http.put("/subscriptions/" + SUB + "/resourcegroups/kv", "{\"location\":\"eastus\"}");
        SandboxHttp.Response r = http.delete("/subscriptions/" + SUB + "/resourceGroups/kv/providers/Microsoft.KeyVault/vaults/v1?api-version=2023-07-01");
        assertEquals(202, r.status());
        JsonObject done = poll(local(r.header("Azure-AsyncOperation")));
        assertEquals("Failed", done.get("status").getAsString());
        assertEquals("Conflict", done.getAsJsonObject("error").get("code").getAsString());
        SandboxHttp.Response result = http.send("GET", local(r.header("Location")), null);
        assertEquals(409, result.status());
        assertEquals("Conflict", result.errorCode());
    }

    @Test
    void providerRegistrationGoesThroughRegistering() throws Exception {
        String ns = "/subscriptions/" + SandboxSeed.UNREGISTERED_SUBSCRIPTION_ID + "/providers/Microsoft.MachineLearningServices";
        assertEquals("Registering", http.post(ns + "/register", null).json().get("registrationState").getAsString());
        assertEquals("Registering", http.get(ns).json().get("registrationState").getAsString());
        Thread.sleep(DELAY.toMillis() + 100);
        assertEquals("Registered", http.get(ns).json().get("registrationState").getAsString());
        assertEquals("Unregistering", http.post(ns + "/unregister", null).json().get("registrationState").getAsString());
        Thread.sleep(DELAY.toMillis() + 100);
        assertEquals("NotRegistered", http.get(ns).json().get("registrationState").getAsString());
    }

    @Test
    void unknownOperationIs404() {
        SandboxHttp.Response r = http.get("/subscriptions/" + SUB
                + "/providers/Microsoft.Resources/locations/eastus/operationStatuses/00000000-0000-0000-0000-000000000000");
        assertEquals(404, r.status());
        assertEquals("OperationNotFound", r.errorCode());
    }

    private static String local(String url) {
        return url.substring(sandbox.endpoint().toString().length() - 1);
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
