package dev.amlsh.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProtocolTest {
    private static final String SUB = SandboxSeed.SUBSCRIPTION_ID;
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

    private static Map<String, String> auth() {
        return Map.of("Authorization", "Bearer " + http.token());
    }

    @Test
    void apiVersionIsRequiredAndChecked() {
        SandboxHttp.Response missing = http.raw("GET", "subscriptions", null, auth());
        assertEquals(400, missing.status());
        assertEquals("MissingApiVersionParameter", missing.errorCode());
        SandboxHttp.Response bad = http.raw("GET", "subscriptions?api-version=latest", null, auth());
        assertEquals(400, bad.status());
        assertEquals("InvalidApiVersionParameter", bad.errorCode());
        assertEquals(200, http.raw("GET", "subscriptions?api-version=2016-06-01", null, auth()).status());
    }

    @Test
    void everyResponseCarriesTheArmEnvelope() {
        Map<String, String> headers = new java.util.HashMap<>(auth());
        headers.put("x-ms-client-request-id", "client-123");
        headers.put("x-ms-correlation-request-id", "corr-456");
        SandboxHttp.Response r = http.raw("GET", "subscriptions/" + SUB + "/resourcegroups/nope?api-version=2025-04-01", null, headers);
        assertEquals(404, r.status());
        assertTrue(r.header("x-ms-request-id").matches("[0-9a-f-]{36}"));
        assertEquals("client-123", r.header("x-ms-client-request-id"));
        assertEquals("corr-456", r.header("x-ms-correlation-request-id"));
        assertNotNull(r.header("Date"));
        assertEquals("application/json; charset=utf-8", r.header("Content-Type"));
        JsonObject error = r.json().getAsJsonObject("error");
        assertEquals("ResourceGroupNotFound", error.get("code").getAsString());
        assertEquals("Resource group 'nope' could not be found.", error.get("message").getAsString());
    }

    @Test
    void leadingAndInnerDoubleSlashesAreCollapsed() {
        SandboxHttp.Response list = http.raw("GET", "/subscriptions?api-version=2022-12-01", null, auth());
        assertEquals(200, list.status(), list.body());
        assertEquals(2, list.json().getAsJsonArray("value").size());
        String put = "/subscriptions/" + SUB + "//resourcegroups//slashes?api-version=2025-04-01";
        Map<String, String> headers = new java.util.HashMap<>(auth());
        headers.put("Content-Type", "application/json");
        assertEquals(201, http.raw("PUT", put, "{\"location\":\"eastus\"}", headers).status());
        SandboxHttp.Response got = http.raw("GET", "//subscriptions/" + SUB + "/resourceGroups/slashes?api-version=2025-04-01", null, auth());
        assertEquals("/subscriptions/" + SUB + "/resourceGroups/slashes", got.json().get("id").getAsString());
        assertEquals(200, http.raw("GET", "/tenants?api-version=2022-12-01", null, auth()).status());
    }

    @Test
    void malformedJsonUnknownPathsAndMethodsGetArmErrors() {
        SandboxHttp.Response bad = http.put("/subscriptions/" + SUB + "/resourcegroups/rg-json", "{\"location\": ");
        assertEquals(400, bad.status());
        assertEquals("InvalidRequestContent", bad.errorCode());
        SandboxHttp.Response unknown = http.get("/nothing/here");
        assertEquals(404, unknown.status());
        assertNotNull(unknown.json().getAsJsonObject("error").get("code"));
        assertEquals(405, http.send("DELETE", "/subscriptions", null).status());
    }

    @Test
    void bodiesOverFourMegabytesAreRefused() {
        String big = "{\"location\":\"eastus\",\"tags\":{\"k\":\"" + "x".repeat(4 * 1024 * 1024 + 10) + "\"}}";
        SandboxHttp.Response r = http.put("/subscriptions/" + SUB + "/resourcegroups/big", big);
        assertEquals(413, r.status());
        assertEquals("RequestContentTooLarge", r.errorCode());
        assertEquals(404, http.get("/subscriptions/" + SUB + "/resourcegroups/big").status());
    }

    @Test
    void subscriptionsTenantsAndLocationsHaveTheRealShapes() {
        JsonObject sub = http.get("/subscriptions/" + SUB.toUpperCase()).json();
        assertEquals("/subscriptions/" + SUB, sub.get("id").getAsString());
        assertEquals("Sandbox", sub.get("displayName").getAsString());
        assertEquals("Enabled", sub.get("state").getAsString());
        assertEquals(SandboxSeed.TENANT_ID, sub.get("tenantId").getAsString());
        assertEquals("RoleBased", sub.get("authorizationSource").getAsString());
        assertEquals("Public_2014-09-01", sub.getAsJsonObject("subscriptionPolicies").get("locationPlacementId").getAsString());
        JsonObject tenant = http.get("/tenants").json().getAsJsonArray("value").get(0).getAsJsonObject();
        assertEquals("Sandbox tenant", tenant.get("displayName").getAsString());
        SandboxHttp.Response missing = http.get("/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups");
        assertEquals(404, missing.status());
        assertEquals("SubscriptionNotFound", missing.errorCode());
        JsonArray locations = http.get("/subscriptions/" + SUB + "/locations").json().getAsJsonArray("value");
        assertEquals(63, locations.size()); // 57 public (canary included) + 6 Government and DoD
        JsonObject eastus = locations.get(0).getAsJsonObject();
        assertEquals("eastus", eastus.get("name").getAsString());
        assertEquals("(US) East US", eastus.get("regionalDisplayName").getAsString());
        assertEquals("Physical", eastus.getAsJsonObject("metadata").get("regionType").getAsString());
        assertTrue(locations.toString().contains("\"usgovvirginia\""));
    }

    @Test
    void serverListensOnLoopbackOnly() throws IOException {
        assertEquals("127.0.0.1", sandbox.endpoint().getHost());
        int port = sandbox.endpoint().getPort();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
                    assertThrows(IOException.class, () -> {
                        try (Socket s = new Socket()) {
                            s.connect(new InetSocketAddress(a, port), 500);
                        }
                    }, "reachable on " + a);
                }
            }
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            assertFalse(s.isClosed());
        }
    }
}
