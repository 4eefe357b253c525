package dev.amlsh.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sandbox authority's endpoints over plain HTTP: managed identity, device code, and what they refuse. */
class IdentityEndpointsTest {

    @Test
    void managedIdentityNeedsItsHeaderAndGivesAWorkingToken() throws Exception {
        try (Sandbox sandbox = Sandbox.start(new SandboxOptions(null, 0, Duration.ZERO))) {
            SandboxHttp http = new SandboxHttp(sandbox);
            String query = "adfs/msi/token?api-version=2019-08-01&resource=https://management.azure.com/";
            assertEquals(401, http.raw("GET", query, null, Map.of()).status());
            assertEquals(401, http.raw("GET", query, null, Map.of("X-IDENTITY-HEADER", "guess")).status());
            SandboxHttp.Response ok = http.raw("GET", query, null, Map.of("X-IDENTITY-HEADER", sandbox.managedIdentityHeader()));
            assertEquals(200, ok.status(), ok.body());
            JsonObject token = ok.json();
            assertEquals(SandboxSeed.HOST_IDENTITY_CLIENT_ID, token.get("client_id").getAsString());
            assertTrue(Long.parseLong(token.get("expires_on").getAsString()) > System.currentTimeMillis() / 1000);
            SandboxHttp.Response subs = http.raw("GET", "subscriptions?api-version=2022-12-01", null,
                    Map.of("Authorization", "Bearer " + token.get("access_token").getAsString()));
            assertEquals(200, subs.status(), subs.body());
            assertTrue(subs.body().contains(SandboxSeed.SUBSCRIPTION_ID), subs.body());
            SandboxHttp.Response stranger = http.raw("GET", query + "&client_id=" + SandboxSeed.ALICE_CLIENT_ID, null,
                    Map.of("X-IDENTITY-HEADER", sandbox.managedIdentityHeader()));
            assertEquals(400, stranger.status(), "a user is not a managed identity");
        }
    }

    @Test
    void aDeviceCodeIsPendingUntilApprovedThenRedeemedOnce() throws Exception {
        try (Sandbox sandbox = Sandbox.start(new SandboxOptions(null, 0, Duration.ZERO))) {
            SandboxHttp http = new SandboxHttp(sandbox);
            SandboxHttp.Response started = http.raw("POST", "adfs/oauth2/devicecode",
                    "client_id=any&scope=https%3A%2F%2Fmanagement.azure.com%2F.default", Map.of("Content-Type", "application/x-www-form-urlencoded"));
            assertEquals(200, started.status(), started.body());
            JsonObject code = started.json();
            Map<String, String> redeem = Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                    "device_code", code.get("device_code").getAsString(), "client_id", "any");
            SandboxHttp.Response pending = http.tokenRequest(redeem);
            assertEquals(400, pending.status());
            assertEquals("authorization_pending", pending.json().get("error").getAsString());
            String userCode = code.get("user_code").getAsString();
            assertEquals(400, http.raw("GET", "adfs/devicelogin?user_code=" + userCode + "&username=mallory@sandbox.amlsh", null, Map.of())
                    .status(), "only sandbox users approve");
            assertEquals(200, http.raw("GET", "adfs/devicelogin?user_code=" + userCode + "&username=bob@sandbox.amlsh", null, Map.of())
                    .status());
            SandboxHttp.Response token = http.tokenRequest(redeem);
            assertEquals(200, token.status(), token.body());
            assertTrue(token.json().has("refresh_token"));
            assertEquals("invalid_grant", http.tokenRequest(redeem).json().get("error").getAsString(), "a code is used once");
        }
    }
}
