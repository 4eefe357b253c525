package dev.amlsh.sandbox.identity;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.SandboxSeed;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmException;
import dev.amlsh.sandbox.arm.Json;
import dev.amlsh.sandbox.store.SandboxStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Workload identity federation in the sandbox: its own OpenID Connect issuer at {@code /oidc} (a
 * signing key of its own, a discovery document and a JWKS), standing in for GitHub Actions, Azure
 * Pipelines or a Kubernetes cluster; and the federated identity credentials of apps, which let a
 * token of a trusted issuer, subject and audience be exchanged for an access token
 * ({@code client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer}), as Entra ID does.
 *
 * <pre>{@code
 * String jwt = issuer.mint(Map.of("subject", "repo:org/app:ref:refs/heads/main"), endpoint).get("value").getAsString();
 * }</pre>
 */
public final class FederatedIssuer {
    /** The audience Entra ID expects in a federated token. */
    public static final String AUDIENCE = "api://AzureADTokenExchange";
    /** A federated credential's issuer meaning "this sandbox's own issuer", whatever port it listens on. */
    public static final String SANDBOX_ISSUER = "sandbox";
    /** The subjects the seeded service principal {@code amlsh-ci} trusts: a GitHub Actions branch, an Azure DevOps service connection, a Kubernetes service account. */
    public static final List<String> SEEDED_SUBJECTS = List.of("repo:org/app:ref:refs/heads/main",
            "sc://org/project/amlsh-sandbox", "system:serviceaccount:default:amlsh");
    static final String SPACE = "identity.federated";
    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final long SKEW_SECONDS = 300;

    private final SandboxStore store;
    private final SigningKey key;

    FederatedIssuer(SandboxStore store, Path home) {
        this.store = store;
        this.key = SigningKey.loadOrCreate(home, "oidc-signing.pem");
    }

    static String issuer(URI endpoint) {
        return endpoint + "oidc";
    }

    /** {@code GET /oidc/.well-known/openid-configuration}. */
    public JsonObject openIdConfiguration(URI endpoint) {
        JsonObject o = new JsonObject();
        o.addProperty("issuer", issuer(endpoint));
        o.addProperty("jwks_uri", issuer(endpoint) + "/keys");
        o.add("subject_types_supported", strings("public"));
        o.add("response_types_supported", strings("id_token"));
        o.add("claims_supported", strings("sub", "aud", "exp", "iat", "iss", "jti", "nbf"));
        o.add("id_token_signing_alg_values_supported", strings("RS256"));
        o.add("scopes_supported", strings("openid"));
        return o;
    }

    /** {@code GET /oidc/keys}. */
    public JsonObject keys() {
        return IdentityService.jwks(key);
    }

    /** {@code POST /oidc/token} ({@code subject}, optional {@code audience}): {@code {"value": <jwt>}}, as GitHub's token endpoint answers. */
    public JsonObject mint(Map<String, String> form, URI endpoint) {
        String subject = form.get("subject");
        if (subject == null || subject.isBlank()) {
            throw ArmErrors.oauth(400, "invalid_request", "Give the token's subject, e.g. subject=repo:org/app:ref:refs/heads/main.");
        }
        String audience = form.getOrDefault("audience", AUDIENCE);
        Instant now = Instant.now();
        JsonObject c = new JsonObject();
        c.addProperty("iss", issuer(endpoint));
        c.addProperty("sub", subject);
        c.addProperty("aud", audience.isBlank() ? AUDIENCE : audience);
        c.addProperty("iat", now.getEpochSecond());
        c.addProperty("nbf", now.getEpochSecond());
        c.addProperty("exp", now.plus(LIFETIME).getEpochSecond());
        c.addProperty("jti", UUID.randomUUID().toString());
        JsonObject out = new JsonObject();
        out.addProperty("value", Jwt.sign(c, key));
        return out;
    }

    /** True when the assertion is not a client's own (certificate) assertion: its issuer is not the client. */
    static boolean isFederated(String assertion, String clientId) {
        JsonObject claims = Jwt.claimsUnverified(assertion);
        return claims != null && !clientId.equalsIgnoreCase(String.valueOf(Json.string(claims, "iss")));
    }

    /** Checks a federated assertion for the app {@code clientId}; throws the OAuth error Entra ID gives when it does not match. */
    void verify(String assertion, String clientId) {
        JsonObject unverified = Jwt.claimsUnverified(assertion);
        if (unverified == null) {
            throw invalid("AADSTS50027: JWT token is invalid or malformed.");
        }
        String iss = String.valueOf(Json.string(unverified, "iss"));
        List<JsonObject> trusted = credentials(clientId).stream().filter(f -> issuerMatches(Json.string(f, "issuer"), iss)).toList();
        if (trusted.isEmpty()) {
            throw invalid("AADSTS700211: No matching federated identity record found for presented assertion issuer '" + iss + "'.");
        }
        JsonObject claims = Jwt.verify(assertion, key);
        if (claims == null) {
            throw invalid("AADSTS50013: Assertion failed signature validation.");
        }
        String sub = String.valueOf(Json.string(claims, "sub"));
        List<JsonObject> bySubject = trusted.stream().filter(f -> sub.equals(Json.string(f, "subject"))).toList();
        if (bySubject.isEmpty()) {
            throw invalid("AADSTS700213: No matching federated identity record found for presented assertion subject '" + sub
                    + "'. Check your federated identity credential Subject, Audience and Issuer against the presented assertion.");
        }
        String aud = String.valueOf(Json.string(claims, "aud"));
        boolean audienceOk = bySubject.stream().anyMatch(f -> f.getAsJsonArray("audiences").asList().stream()
                .anyMatch(a -> a.getAsString().equalsIgnoreCase(aud)));
        if (!audienceOk) {
            throw invalid("AADSTS700212: No matching federated identity record found for presented assertion audience '" + aud + "'.");
        }
        long now = Instant.now().getEpochSecond();
        if (!claims.has("exp") || claims.get("exp").getAsLong() + SKEW_SECONDS < now
                || claims.has("nbf") && claims.get("nbf").getAsLong() - SKEW_SECONDS > now) {
            throw invalid("AADSTS700024: Client assertion is not within its valid time range.");
        }
    }

    /** The federated identity credentials of an app: those stored, else (for {@code amlsh-ci}) the seeded ones. */
    List<JsonObject> credentials(String clientId) {
        String stored = store.getValue(SPACE, clientId.toLowerCase(Locale.ROOT)).orElse(null);
        if (stored != null) {
            return Json.parse(stored).getAsJsonArray().asList().stream().map(e -> e.getAsJsonObject()).toList();
        }
        if (!SandboxSeed.CI_CLIENT_ID.equalsIgnoreCase(clientId)) {
            return List.of();
        }
        return SEEDED_SUBJECTS.stream().map(s -> credential(s.substring(0, s.indexOf(':')), s)).toList();
    }

    private static JsonObject credential(String name, String subject) {
        JsonObject f = new JsonObject();
        f.addProperty("name", "amlsh-ci-" + name);
        f.addProperty("issuer", SANDBOX_ISSUER);
        f.addProperty("subject", subject);
        f.add("audiences", strings(AUDIENCE));
        return f;
    }

    /** This sandbox's issuer is trusted on any loopback port: the signature with its key is what proves the token is its own. */
    private static boolean issuerMatches(String configured, String iss) {
        if (SANDBOX_ISSUER.equals(configured)) {
            String i = iss.toLowerCase(Locale.ROOT);
            return (i.startsWith("https://127.0.0.1:") || i.startsWith("https://localhost:")) && i.endsWith("/oidc");
        }
        return configured != null && configured.equals(iss);
    }

    private static ArmException invalid(String description) {
        return ArmErrors.oauth(400, "invalid_client", description);
    }

    private static JsonArray strings(String... values) {
        JsonArray a = new JsonArray();
        for (String v : values) {
            a.add(v);
        }
        return a;
    }
}
