package dev.amlsh.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthTest {
    private static final String SUBS = "subscriptions?api-version=2022-12-01";
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

    @Test
    void requestWithoutTokenIs401WithChallengeAndArmEnvelope() {
        SandboxHttp.Response r = http.raw("GET", SUBS, null, Map.of());
        assertEquals(401, r.status());
        assertEquals("AuthenticationFailed", r.errorCode());
        assertEquals("Authentication failed. The 'Authorization' header is missing.", r.errorMessage());
        String challenge = r.header("WWW-Authenticate");
        assertTrue(challenge.startsWith("Bearer authorization_uri=\"" + sandbox.endpoint() + "adfs\""), challenge);
        assertTrue(challenge.contains("error=\"invalid_token\""), challenge);
        assertNotNull(r.header("x-ms-request-id"));
    }

    @Test
    void garbageOrForeignTokensAreInvalid() {
        assertEquals("InvalidAuthenticationToken", withToken("not.a.jwt").errorCode());
        String token = http.token();
        String[] parts = token.split("\\.");
        JsonObject claims = JsonParser.parseString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))
                .getAsJsonObject();
        claims.addProperty("oid", "00000000-0000-0000-0000-000000000000");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        SandboxHttp.Response r = withToken(forged);
        assertEquals(401, r.status());
        assertEquals("InvalidAuthenticationToken", r.errorCode());
        SandboxHttp.Response basic = http.raw("GET", SUBS, null, Map.of("Authorization", "Basic abc"));
        assertEquals("Authentication failed. The 'Authorization' header is provided in an invalid format.", basic.errorMessage());
    }

    @Test
    void expiredTokenIsRejected() {
        String expired = sandbox.mintToken(SandboxSeed.ADMIN_CLIENT_ID, Instant.now().minus(Duration.ofHours(3)), Duration.ofHours(1));
        SandboxHttp.Response r = withToken(expired);
        assertEquals(401, r.status());
        assertEquals("ExpiredAuthenticationToken", r.errorCode());
        assertTrue(r.header("WWW-Authenticate").contains("invalid_token"));
    }

    @Test
    void tokenEndpointIssuesAnRs256JwtWithTheExpectedClaims() {
        SandboxHttp.Response r = http.tokenRequest(Map.of("grant_type", "client_credentials", "client_id", SandboxSeed.ADMIN_CLIENT_ID,
                "client_secret", SandboxSeed.ADMIN_CLIENT_SECRET, "scope", "https://management.azure.com/.default"));
        assertEquals(200, r.status());
        JsonObject body = r.json();
        assertEquals("Bearer", body.get("token_type").getAsString());
        assertEquals(3599, body.get("expires_in").getAsInt());
        assertEquals(3599, body.get("ext_expires_in").getAsInt());
        String[] parts = body.get("access_token").getAsString().split("\\.");
        JsonObject header = decode(parts[0]);
        JsonObject claims = decode(parts[1]);
        assertEquals("RS256", header.get("alg").getAsString());
        assertEquals("https://management.azure.com", claims.get("aud").getAsString(), "Entra: the scope minus /.default");
        assertEquals(SandboxSeed.TENANT_ID, claims.get("tid").getAsString());
        assertEquals(SandboxSeed.ADMIN_OBJECT_ID, claims.get("oid").getAsString());
        assertEquals(SandboxSeed.ADMIN_USER, claims.get("upn").getAsString());
        assertEquals(sandbox.endpoint() + "adfs", claims.get("iss").getAsString());
        assertEquals(3599, claims.get("exp").getAsLong() - claims.get("iat").getAsLong());
        assertEquals(200, withToken(body.get("access_token").getAsString()).status());
    }

    @Test
    void servicePrincipalSignsInWithResourceParameterAndGetsAppClaims() {
        SandboxHttp.Response r = http.tokenRequest(Map.of("grant_type", "client_credentials", "client_id", SandboxSeed.CI_CLIENT_ID,
                "client_secret", SandboxSeed.CI_CLIENT_SECRET, "resource", "https://management.core.windows.net/"));
        assertEquals(200, r.status());
        JsonObject claims = decode(r.json().get("access_token").getAsString().split("\\.")[1]);
        assertEquals(SandboxSeed.CI_CLIENT_ID, claims.get("appid").getAsString());
        assertNull(claims.get("upn"));
        SandboxHttp.Response subs = new SandboxHttp(sandbox).as(SandboxSeed.ci()).get("/subscriptions");
        assertEquals(200, subs.status(), subs.body());
    }

    @Test
    void badSecretUnknownClientAndOtherGrantsAreOAuthErrors() {
        SandboxHttp.Response bad = http.tokenRequest(Map.of("grant_type", "client_credentials", "client_id", SandboxSeed.ADMIN_CLIENT_ID,
                "client_secret", "wrong", "scope", "https://management.azure.com/.default"));
        assertEquals(401, bad.status());
        assertEquals("invalid_client", bad.json().get("error").getAsString());
        assertTrue(bad.json().get("error_description").getAsString().startsWith("AADSTS7000215"));
        assertTrue(!bad.body().contains("wrong"), "the sent secret is never echoed");
        SandboxHttp.Response unknown = http.tokenRequest(Map.of("grant_type", "client_credentials", "client_id", "nobody",
                "client_secret", "x", "scope", "https://management.azure.com/.default"));
        assertEquals(400, unknown.status());
        assertEquals("unauthorized_client", unknown.json().get("error").getAsString());
        SandboxHttp.Response grant = http.tokenRequest(Map.of("grant_type", "password", "client_id", SandboxSeed.ADMIN_CLIENT_ID));
        assertEquals("unsupported_grant_type", grant.json().get("error").getAsString());
    }

    @Test
    void tokenForAnotherAudienceIsRejectedByArm() {
        SandboxHttp.Response r = http.tokenRequest(Map.of("grant_type", "client_credentials", "client_id", SandboxSeed.ADMIN_CLIENT_ID,
                "client_secret", SandboxSeed.ADMIN_CLIENT_SECRET, "scope", "https://vault.azure.net/.default"));
        SandboxHttp.Response arm = withToken(r.json().get("access_token").getAsString());
        assertEquals(401, arm.status());
        assertEquals("InvalidAuthenticationTokenAudience", arm.errorCode());
    }

    @Test
    void openIdConfigurationAndKeysArePublished() {
        SandboxHttp.Response config = http.raw("GET", "adfs/.well-known/openid-configuration", null, Map.of());
        assertEquals(200, config.status());
        assertEquals(sandbox.tokenEndpoint().toString(), config.json().get("token_endpoint").getAsString());
        SandboxHttp.Response keys = http.raw("GET", "adfs/discovery/keys", null, Map.of());
        JsonObject key = keys.json().getAsJsonArray("keys").get(0).getAsJsonObject();
        assertEquals("RSA", key.get("kty").getAsString());
        String kid = decode(http.token().split("\\.")[0]).get("kid").getAsString();
        assertEquals(kid, key.get("kid").getAsString());
    }

    private static SandboxHttp.Response withToken(String token) {
        return http.raw("GET", SUBS, null, Map.of("Authorization", "Bearer " + token));
    }

    private static JsonObject decode(String part) {
        return JsonParser.parseString(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8)).getAsJsonObject();
    }
}
