package dev.amlsh.sandbox.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.amlsh.sandbox.Sandbox;
import dev.amlsh.sandbox.SandboxHttp;
import dev.amlsh.sandbox.SandboxIdentity;
import dev.amlsh.sandbox.SandboxOptions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** ARM requests take tokens for Azure Resource Manager or this sandbox's own endpoint, not for any local port. */
@Timeout(60)
class TokenAudienceTest {
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

    private static int listSubscriptionsWithTokenFor(String scope) {
        SandboxIdentity me = sandbox.defaultIdentity();
        SandboxHttp.Response t = http.tokenRequest(Map.of("grant_type", "client_credentials", "client_id", me.clientId(),
                "client_secret", me.clientSecret(), "scope", scope));
        assertEquals(200, t.status(), t.body());
        String token = t.json().get("access_token").getAsString();
        SandboxHttp.Response r = http.raw("GET", "subscriptions?api-version=2022-12-01", null, Map.of("Authorization", "Bearer " + token));
        if (r.status() == 401) {
            assertEquals("InvalidAuthenticationTokenAudience", r.errorCode(), r.body());
        }
        return r.status();
    }

    @Test
    void ownEndpointAndResourceManagerAudiencesAreAccepted() {
        int port = sandbox.endpoint().getPort();
        assertEquals(200, listSubscriptionsWithTokenFor("https://management.azure.com/.default"));
        assertEquals(200, listSubscriptionsWithTokenFor("https://management.core.windows.net/.default"));
        assertEquals(200, listSubscriptionsWithTokenFor(sandbox.endpoint() + ".default"));
        assertEquals(200, listSubscriptionsWithTokenFor("https://localhost:" + port + "/.default"));
        assertEquals(200, listSubscriptionsWithTokenFor(sandbox.endpoint() + "graph/.default"));
    }

    @Test
    void otherLocalServicesAudiencesAreRefused() {
        int port = sandbox.endpoint().getPort();
        assertEquals(401, listSubscriptionsWithTokenFor("https://127.0.0.1:" + (port == 65535 ? 1 : port + 1) + "/.default"));
        assertEquals(401, listSubscriptionsWithTokenFor("https://localhost:9/.default"));
        assertEquals(401, listSubscriptionsWithTokenFor("https://localhost:9/graph/.default"));
        assertEquals(401, listSubscriptionsWithTokenFor("https://127.0.0.1:" + port + ".attacker.example/.default"));
        assertEquals(401, listSubscriptionsWithTokenFor("https://127.0.0.1:" + port + "/other/.default"));
        assertEquals(401, listSubscriptionsWithTokenFor("https://vault.azure.net/.default"));
    }
}
