package dev.amlsh.sandbox.identity;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmException;
import dev.amlsh.sandbox.arm.Json;
import dev.amlsh.sandbox.arm.Principal;
import dev.amlsh.sandbox.store.SandboxStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The sandbox tenant's identity provider: an ADFS-style authority at {@code /adfs} that issues RS256
 * JWTs for the client-credentials grant, publishes its OpenID configuration and keys, and checks
 * the bearer token of every ARM request.
 *
 * <pre>{@code
 * IdentityService ids = new IdentityService(store, home, tenantId);
 * ids.addPrincipal(objectId, clientId, secret, "admin@sandbox.amlsh", "admin@sandbox.amlsh", "User");
 * Principal p = ids.authenticate("Bearer " + token, endpoint); // or throws a 401 ArmException
 * }</pre>
 */
public final class IdentityService {
    /** Token lifetime, as Entra ID gives by default. */
    public static final Duration LIFETIME = Duration.ofSeconds(3599);
    /** The client ID of the sandbox machine's system-assigned identity. */
    public static final String SYSTEM_ASSIGNED_CLIENT_ID = "a0000000-0000-4000-8000-0000000c1e05";
    private static final String REVOKED = "identity.revoked";
    static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    private static final Duration SKEW = Duration.ofMinutes(5);

    private final SandboxStore store;
    private volatile SigningKey key;
    private final DeviceCodes deviceCodes;
    private final String tenantId;
    private final UserTokens userTokens;
    private final FederatedIssuer federated;

    public IdentityService(SandboxStore store, Path home, String tenantId) {
        this.store = store;
        this.key = SigningKey.loadOrCreate(home);
        this.deviceCodes = new DeviceCodes(store);
        this.tenantId = tenantId;
        this.userTokens = new UserTokens(store, tenantId);
        this.federated = new FederatedIssuer(store, home);
    }

    /** The sandbox's own OpenID Connect issuer, whose tokens its apps' federated credentials trust. */
    public FederatedIssuer federatedIssuer() {
        return federated;
    }

    /** Adds (or replaces) a principal that can sign in with the client-credentials grant; the secret is kept hashed. */
    public void addPrincipal(String objectId, String clientId, String secret, String displayName, String userPrincipalName,
                             String type) {
        DirectoryEntry e = new DirectoryEntry(objectId, clientId, displayName, userPrincipalName, type, SecretHash.hash(secret));
        store.putValue(DirectoryEntry.SPACE, clientId.toLowerCase(Locale.ROOT), e.toJson());
    }

    /** The principal signed in with this client ID, if any. */
    public Optional<Principal> principal(String clientId) {
        return entry(clientId).map(this::toPrincipal);
    }

    /** Answers {@code POST /adfs/oauth2/token}; {@code basicAuth} is the decoded {@code id:secret} of a Basic header or null. */
    public JsonObject token(java.util.Map<String, String> form, String basicAuth, URI endpoint) {
        String grant = form.get("grant_type");
        if (grant == null) {
            throw ArmErrors.oauth(400, "invalid_request", "AADSTS900144: The request body must contain the following parameter: 'grant_type'.");
        }
        if (grant.equals("device_code") || grant.equals(DEVICE_CODE_GRANT)) {
            JsonObject approved = deviceCodes.redeem(form.getOrDefault("device_code", form.get("code")));
            String scope = form.containsKey("scope") || form.containsKey("resource") ? null : Json.string(approved, "scope");
            java.util.Map<String, String> asked = scope == null ? form : java.util.Map.of("scope", scope);
            DirectoryEntry user = entry(Json.string(approved, "approvedBy")).orElseThrow(() -> ArmErrors.oauth(400, "invalid_grant",
                    "AADSTS50034: The user account that approved the code no longer exists in the directory."));
            String client = form.getOrDefault("client_id", Json.string(approved, "clientId"));
            return userTokenResponse(user, client, asked, form, endpoint);
        }
        if (grant.equals("refresh_token")) {
            String user = userTokens.redeem(form.get("refresh_token"), form.get("client_id"), this::revokedAt);
            DirectoryEntry e = entry(user).orElseThrow(() -> ArmErrors.oauth(400, "invalid_grant",
                    "AADSTS700082: The refresh token has expired or was revoked. Sign in again."));
            return userTokenResponse(e, form.getOrDefault("client_id", e.clientId()), form, form, endpoint);
        }
        if (!grant.equals("client_credentials")) {
            throw ArmErrors.oauth(400, "unsupported_grant_type", "AADSTS70003: The app requested an unsupported grant type '" + grant + "'.");
        }
        String clientId = form.get("client_id");
        String secret = form.get("client_secret");
        if (basicAuth != null && basicAuth.contains(":")) {
            clientId = basicAuth.substring(0, basicAuth.indexOf(':'));
            secret = basicAuth.substring(basicAuth.indexOf(':') + 1);
        }
        if (clientId == null || clientId.isBlank()) {
            throw ArmErrors.oauth(400, "invalid_request", "AADSTS900144: The request body must contain the following parameter: 'client_id'.");
        }
        String audience = audience(form);
        String requested = clientId;
        DirectoryEntry e = entry(clientId).orElseThrow(() -> ArmErrors.oauth(400, "unauthorized_client",
                "AADSTS700016: Application with identifier '" + requested + "' was not found in the directory 'Sandbox tenant'."));
        String assertion = form.get("client_assertion");
        if (assertion != null) {
            if (!ClientAssertions.JWT_BEARER.equals(form.get("client_assertion_type"))) {
                throw ArmErrors.oauth(400, "invalid_request", "AADSTS50027: client_assertion_type must be " + ClientAssertions.JWT_BEARER + ".");
            }
            if (FederatedIssuer.isFederated(assertion, e.clientId())) {
                federated.verify(assertion, e.clientId());
                return tokenResponse(e, audience, endpoint);
            }
            ClientAssertions.verify(assertion, e.clientId(),
                    store.getValue(ClientAssertions.SPACE, e.clientId().toLowerCase(Locale.ROOT)).orElse(null),
                    authority(endpoint) + "/oauth2/token");
        } else if (secret == null || !SecretHash.matches(secret, e.secretHash())) {
            throw ArmErrors.oauth(401, "invalid_client", "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in"
                    + " the request is the client secret value, not the client secret ID, for a secret added to app '" + e.clientId() + "'.");
        }
        return tokenResponse(e, audience, endpoint);
    }

    private JsonObject tokenResponse(DirectoryEntry e, String audience, URI endpoint) {
        JsonObject out = new JsonObject();
        out.addProperty("token_type", "Bearer");
        out.addProperty("expires_in", LIFETIME.getSeconds());
        out.addProperty("ext_expires_in", LIFETIME.getSeconds());
        out.addProperty("access_token", sign(e, audience, Instant.now(), LIFETIME, endpoint));
        return out;
    }

    /** A user's tokens for {@code client}: access token, ID token, refresh token (and client info when asked for). */
    private JsonObject userTokenResponse(DirectoryEntry user, String client, java.util.Map<String, String> asked,
                                         java.util.Map<String, String> form, URI endpoint) {
        String audience = audience(asked);
        JsonObject out = tokenResponse(user, audience, endpoint);
        userTokens.addTo(out, user, client == null ? user.clientId() : client, audience, asked.get("scope"),
                "1".equals(form.get("client_info")), authority(endpoint), key);
        return out;
    }

    private long revokedAt(String clientId) {
        return clientId == null ? 0 : store.getValue(REVOKED, clientId.toLowerCase(Locale.ROOT)).map(Long::parseLong).orElse(0L);
    }

    /** Answers {@code /adfs/oauth2/devicecode}: a user code to approve at {@code /adfs/devicelogin}. */
    public JsonObject deviceCode(java.util.Map<String, String> form, URI endpoint) {
        return deviceCodes.start(form, authority(endpoint));
    }

    /** Approves a device code as the user {@code userName} (no password in the sandbox); false when either is unknown. */
    public boolean approveDeviceCode(String userCode, String userName) {
        Optional<DirectoryEntry> user = store.listValues(DirectoryEntry.SPACE, "").stream().map(kv -> DirectoryEntry.fromJson(kv.value()))
                .filter(d -> d.isUser() && d.userPrincipalName().equalsIgnoreCase(userName)).findFirst();
        return user.isPresent() && deviceCodes.approve(userCode, user.get().clientId());
    }

    /**
     * Answers the App Service style managed-identity endpoint ({@code api-version=2019-08-01}):
     * {@code clientId} null for the system-assigned identity. The secret header was checked by the caller.
     */
    public JsonObject managedIdentityToken(String resource, String clientId, URI endpoint) {
        if (resource == null || resource.isBlank()) {
            throw ArmErrors.oauth(400, "invalid_request", "The request must contain the parameter 'resource'.");
        }
        String wanted = clientId == null || clientId.isBlank() ? SYSTEM_ASSIGNED_CLIENT_ID : clientId;
        DirectoryEntry e = entry(wanted).filter(d -> "ManagedIdentity".equals(d.type()))
                .orElseThrow(() -> ArmErrors.oauth(400, "invalid_request", "No managed identity with client ID '" + wanted
                        + "' is assigned to this machine."));
        Instant now = Instant.now();
        String audience = Audiences.of(resource, null, false);
        JsonObject out = new JsonObject();
        out.addProperty("access_token", sign(e, audience, now, LIFETIME, endpoint));
        out.addProperty("expires_on", String.valueOf(now.plus(LIFETIME).getEpochSecond()));
        out.addProperty("resource", audience);
        out.addProperty("token_type", "Bearer");
        out.addProperty("client_id", e.clientId());
        return out;
    }

    /** The secret a managed-identity token request must carry in {@code X-IDENTITY-HEADER}, made once per store. */
    public String managedIdentityHeader() {
        return store.inTransaction(() -> store.getValue("identity.meta", "msi-header").orElseGet(() -> {
            String made = UUID.randomUUID().toString();
            store.putValue("identity.meta", "msi-header", made);
            return made;
        }));
    }

    /** Registers the certificate a principal signs client assertions with (base64 DER). */
    public void registerCertificate(String clientId, String certificate) {
        store.putValue(ClientAssertions.SPACE, clientId.toLowerCase(Locale.ROOT), certificate);
    }

    /** Forgets a principal's secret: tokens it holds stop working at once, as when Entra revokes a sign-in. */
    public void revokeSignIn(String clientId) {
        DirectoryEntry e = entry(clientId).orElseThrow(() -> new IllegalArgumentException("unknown client " + clientId));
        store.putValue(DirectoryEntry.SPACE, e.clientId().toLowerCase(Locale.ROOT),
                new DirectoryEntry(e.objectId(), e.clientId(), e.displayName(), e.userPrincipalName(), e.type(),
                        SecretHash.hash(UUID.randomUUID().toString())).toJson());
        store.putValue(REVOKED, e.clientId().toLowerCase(Locale.ROOT), String.valueOf(Instant.now().getEpochSecond()));
    }

    /** A token for a principal with chosen times (tests use it for expired tokens; managed identity will too). */
    public String mintToken(String clientId, String audience, Instant issuedAt, Duration lifetime, URI endpoint) {
        DirectoryEntry e = entry(clientId).orElseThrow(() -> new IllegalArgumentException("unknown client " + clientId));
        return sign(e, audience, issuedAt, lifetime, endpoint);
    }

    /** The principal of a valid bearer token, or a 401 in the ARM shape with {@code WWW-Authenticate}. */
    public Principal authenticate(String authorization, URI endpoint) {
        try {
            return check(authorization, endpoint);
        } catch (ArmException e) {
            String challenge = "Bearer authorization_uri=\"" + authority(endpoint) + "\", error=\"invalid_token\", error_description=\""
                    + e.error().message().replace("\"", "'") + "\"";
            throw ArmErrors.withHeader(e, "WWW-Authenticate", challenge);
        }
    }

    /** {@code GET /adfs/.well-known/openid-configuration}. */
    public JsonObject openIdConfiguration(URI endpoint) {
        String authority = authority(endpoint);
        JsonObject o = new JsonObject();
        o.addProperty("issuer", authority);
        o.addProperty("token_endpoint", authority + "/oauth2/token");
        o.addProperty("authorization_endpoint", authority + "/oauth2/authorize");
        o.addProperty("jwks_uri", authority + "/discovery/keys");
        o.add("response_types_supported", strings("token"));
        o.addProperty("device_authorization_endpoint", authority + "/oauth2/devicecode");
        o.add("grant_types_supported", strings("client_credentials", "refresh_token", DEVICE_CODE_GRANT));
        o.add("subject_types_supported", strings("pairwise"));
        o.add("id_token_signing_alg_values_supported", strings("RS256"));
        o.add("token_endpoint_auth_methods_supported", strings("client_secret_post", "client_secret_basic", "private_key_jwt"));
        o.addProperty("tenant_id", tenantId);
        return o;
    }

    /** {@code GET /adfs/discovery/keys}: the JWKS with the one signing key. */
    public JsonObject keys() {
        return jwks(key);
    }

    static JsonObject jwks(SigningKey key) {
        JsonObject jwk = new JsonObject();
        jwk.addProperty("kty", "RSA");
        jwk.addProperty("use", "sig");
        jwk.addProperty("alg", "RS256");
        jwk.addProperty("kid", key.keyId());
        jwk.addProperty("n", SigningKey.jwkInteger(key.publicKey().getModulus()));
        jwk.addProperty("e", SigningKey.jwkInteger(key.publicKey().getPublicExponent()));
        JsonArray keys = new JsonArray();
        keys.add(jwk);
        JsonObject o = new JsonObject();
        o.add("keys", keys);
        return o;
    }

    private Principal check(String authorization, URI endpoint) {
        if (authorization == null || authorization.isBlank()) {
            throw ArmErrors.missingAuthorizationHeader();
        }
        String[] parts = authorization.trim().split("\\s+");
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
            throw ArmErrors.malformedAuthorizationHeader();
        }
        JsonObject claims = Jwt.verify(parts[1], key);
        if (claims == null || !claims.has("exp") || !claims.has("oid") || !claims.has("appid")) {
            throw ArmErrors.invalidAuthenticationToken();
        }
        Instant now = Instant.now();
        Instant exp = Instant.ofEpochSecond(claims.get("exp").getAsLong());
        if (exp.plus(SKEW).isBefore(now)) {
            throw ArmErrors.expiredAuthenticationToken(exp.toString(), now.toString());
        }
        if (claims.has("nbf") && Instant.ofEpochSecond(claims.get("nbf").getAsLong()).minus(SKEW).isAfter(now)) {
            throw ArmErrors.invalidAuthenticationToken();
        }
        String aud = Json.string(claims, "aud");
        if (!AudienceCheck.accepted(aud, endpoint)) {
            throw ArmErrors.invalidTokenAudience(aud);
        }
        String appId = Json.string(claims, "appid");
        long revokedAt = revokedAt(appId);
        if (claims.has("iat") && claims.get("iat").getAsLong() <= revokedAt) {
            throw ArmErrors.revokedAuthenticationToken();
        }
        return entry(appId).map(this::toPrincipal).orElseThrow(ArmErrors::invalidAuthenticationToken);
    }

    private String sign(DirectoryEntry e, String audience, Instant issuedAt, Duration lifetime, URI endpoint) {
        JsonObject c = new JsonObject();
        c.addProperty("aud", audience);
        c.addProperty("iss", authority(endpoint));
        c.addProperty("iat", issuedAt.getEpochSecond());
        c.addProperty("nbf", issuedAt.getEpochSecond());
        c.addProperty("exp", issuedAt.plus(lifetime).getEpochSecond());
        c.addProperty("appid", e.clientId());
        c.addProperty("appidacr", "1");
        c.addProperty("idtyp", e.isUser() ? "user" : "app");
        c.addProperty("name", e.displayName());
        c.addProperty("oid", e.objectId());
        c.addProperty("sub", e.objectId());
        c.addProperty("tid", tenantId);
        if (e.isUser()) {
            c.addProperty("upn", e.userPrincipalName());
            c.addProperty("unique_name", e.userPrincipalName());
        }
        c.addProperty("uti", UUID.randomUUID().toString());
        c.addProperty("ver", "1.0");
        return Jwt.sign(c, key);
    }

    private static String audience(java.util.Map<String, String> form) {
        return Audiences.of(form.get("resource"), form.get("scope"), "client_credentials".equals(form.get("grant_type")));
    }

    /** The tenant's users as Microsoft Graph lists them: {@code {value:[{id, displayName, userPrincipalName}]}}. */
    public JsonObject users() {
        com.google.gson.JsonArray value = new com.google.gson.JsonArray();
        for (var kv : store.listValues(DirectoryEntry.SPACE, "")) {
            DirectoryEntry e = DirectoryEntry.fromJson(kv.value());
            if (e.isUser()) {
                JsonObject u = new JsonObject();
                u.addProperty("id", e.objectId());
                u.addProperty("displayName", e.displayName());
                u.addProperty("userPrincipalName", e.userPrincipalName());
                value.add(u);
            }
        }
        JsonObject out = new JsonObject();
        out.add("value", value);
        return out;
    }

    private Optional<DirectoryEntry> entry(String clientId) {
        if (clientId == null) {
            return Optional.empty();
        }
        return store.getValue(DirectoryEntry.SPACE, clientId.toLowerCase(Locale.ROOT)).map(DirectoryEntry::fromJson);
    }

    private Principal toPrincipal(DirectoryEntry e) {
        return new Principal(e.objectId(), e.displayName(), e.userPrincipalName(), e.clientId(),
                e.isUser() ? "User" : "ServicePrincipal", tenantId);
    }

    private static String authority(URI endpoint) {
        return endpoint + "adfs";
    }

    private static JsonArray strings(String... values) {
        JsonArray a = new JsonArray();
        for (String v : values) {
            a.add(v);
        }
        return a;
    }
}
