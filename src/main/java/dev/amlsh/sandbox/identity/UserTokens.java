package dev.amlsh.sandbox.identity;

import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.store.SandboxStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * What a user sign-in (device code, refresh token) adds to a token response, as Entra ID and
 * ADFS answer it: an ID token for the client that asked ({@code aud} = its client ID; {@code sub},
 * {@code oid}, {@code tid}, {@code upn}, {@code preferred_username}), {@code client_info} when asked
 * for ({@code client_info=1}), and a refresh token bound to the user and that client. MSAL makes its
 * cached account from these, and finds it again for a silent refresh.
 */
final class UserTokens {
    static final String REFRESH = "identity.refresh";
    static final long REFRESH_LIFETIME_SECONDS = 90L * 24 * 3600;

    private final SandboxStore store;
    private final String tenantId;

    UserTokens(SandboxStore store, String tenantId) {
        this.store = store;
        this.tenantId = tenantId;
    }

    /** Adds the ID token, client info, scope and refresh token of {@code user}'s sign-in to {@code client}. */
    void addTo(JsonObject out, DirectoryEntry user, String client, String audience, String scope, boolean clientInfo,
               String authority, SigningKey key) {
        Instant now = Instant.now();
        JsonObject id = new JsonObject();
        id.addProperty("aud", client);
        id.addProperty("iss", authority);
        id.addProperty("iat", now.getEpochSecond());
        id.addProperty("nbf", now.getEpochSecond());
        id.addProperty("exp", now.plus(IdentityService.LIFETIME).getEpochSecond());
        id.addProperty("auth_time", now.getEpochSecond());
        id.addProperty("oid", user.objectId());
        id.addProperty("sub", user.objectId());
        id.addProperty("tid", tenantId);
        id.addProperty("upn", user.userPrincipalName());
        id.addProperty("unique_name", user.userPrincipalName());
        id.addProperty("preferred_username", user.userPrincipalName());
        id.addProperty("name", user.displayName());
        id.addProperty("ver", "1.0");
        out.addProperty("id_token", Jwt.sign(id, key));
        if (clientInfo) {
            JsonObject info = new JsonObject();
            info.addProperty("uid", user.objectId());
            info.addProperty("utid", tenantId);
            out.addProperty("client_info", Jwt.base64Url(info.toString().getBytes(StandardCharsets.UTF_8)));
        }
        // The scopes granted: the resource's delegated permission, and the .default asked for.
        String granted = audience + "/user_impersonation";
        if (scope != null) {
            for (String s : scope.trim().split("\\s+")) {
                if (s.endsWith("/.default")) {
                    granted += " " + s;
                }
            }
        }
        out.addProperty("scope", granted);
        String refresh = UUID.randomUUID() + "." + UUID.randomUUID();
        store.putValue(REFRESH, refresh, user.clientId() + "|" + now.getEpochSecond() + "|" + client.toLowerCase(Locale.ROOT));
        out.addProperty("refresh_token", refresh);
        out.addProperty("refresh_token_expires_in", REFRESH_LIFETIME_SECONDS);
    }

    /**
     * The user key (directory client ID) a refresh token was issued to (it stays valid until it
     * expires, as Entra ID's do, so processes sharing a cache can each use it); or the OAuth error Entra ID gives for an unknown, revoked or other client's token.
     */
    String redeem(String refreshToken, String client, java.util.function.ToLongFunction<String> revokedAt) {
        String[] issued = (refreshToken == null ? "" : store.getValue(REFRESH, refreshToken).orElse("")).split("\\|");
        if (issued.length < 2 || Long.parseLong(issued[1]) <= revokedAt.applyAsLong(issued[0])
                || Long.parseLong(issued[1]) + REFRESH_LIFETIME_SECONDS < Instant.now().getEpochSecond()) {
            throw ArmErrors.oauth(400, "invalid_grant", "AADSTS700082: The refresh token has expired or was revoked. Sign in again.");
        }
        if (issued.length == 3 && client != null && !issued[2].equalsIgnoreCase(client)) {
            throw ArmErrors.oauth(400, "invalid_grant", "AADSTS70000: The provided grant was issued to a different client.");
        }
        return issued[0];
    }
}
