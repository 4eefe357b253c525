package dev.amlsh.sandbox.server;

import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.identity.IdentityService;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** The token endpoints under {@code /adfs} and the OIDC issuer under {@code /oidc}: no bearer token, no api-version. */
final class IdentityRoutes {
    private IdentityRoutes() {
    }

    static ArmResponse route(RawRequest raw, IdentityService identity, URI endpoint) {
        String path = String.join("/", raw.segments()).toLowerCase(Locale.ROOT);
        switch (path) {
            case "adfs/oauth2/token":
                if (!raw.method().equals("POST")) {
                    throw ArmErrors.methodNotAllowed(raw.method());
                }
                String form = new String(raw.body(), StandardCharsets.UTF_8);
                return ArmResponse.ok(identity.token(RawRequest.query(form), basic(raw.header("authorization")), endpoint));
            case "adfs/oauth2/devicecode":
                return ArmResponse.ok(identity.deviceCode(form(raw), endpoint));
            case "adfs/devicelogin":
                return deviceLogin(raw, identity);
            case "adfs/msi/token":
                return get(raw, () -> managedIdentity(raw, identity, endpoint));
            case "adfs/.well-known/openid-configuration":
                return get(raw, () -> ArmResponse.ok(identity.openIdConfiguration(endpoint)));
            case "adfs/discovery/keys":
                return get(raw, () -> ArmResponse.ok(identity.keys()));
            case "oidc/.well-known/openid-configuration":
                return get(raw, () -> ArmResponse.ok(identity.federatedIssuer().openIdConfiguration(endpoint)));
            case "oidc/keys":
                return get(raw, () -> ArmResponse.ok(identity.federatedIssuer().keys()));
            case "oidc/token":
                // The sandbox's stand-in for a CI system's token endpoint: anyone on 127.0.0.1 may ask, as for devicelogin.
                if (!raw.method().equals("POST")) {
                    throw ArmErrors.methodNotAllowed(raw.method());
                }
                return ArmResponse.ok(identity.federatedIssuer().mint(form(raw), endpoint));
            default:
                throw ArmErrors.pathNotFound(raw.path());
        }
    }

    /** GET or POST parameters: the query, then the form body. */
    private static java.util.Map<String, String> form(RawRequest raw) {
        java.util.Map<String, String> all = new java.util.HashMap<>(raw.query());
        if (raw.body().length > 0) {
            all.putAll(RawRequest.query(new String(raw.body(), StandardCharsets.UTF_8)));
        }
        return all;
    }

    /** Approves a device code: {@code ?user_code=...&username=<upn>}. The sandbox checks no password. */
    private static ArmResponse deviceLogin(RawRequest raw, IdentityService identity) {
        var p = form(raw);
        String code = p.get("user_code");
        String user = p.get("username");
        if (code == null || user == null) {
            throw ArmErrors.oauth(400, "invalid_request", "Open this page with ?user_code=<code>&username=<user>, "
                    + "e.g. ?user_code=ABCDEFGHJ&username=alice@sandbox.amlsh.");
        }
        if (!identity.approveDeviceCode(code, user)) {
            throw ArmErrors.oauth(400, "invalid_grant", "The code '" + code + "' is not pending, or '" + user + "' is not a sandbox user.");
        }
        com.google.gson.JsonObject out = new com.google.gson.JsonObject();
        out.addProperty("message", "Signed in as " + user + ". You can close this page and return to amlsh.");
        return ArmResponse.ok(out);
    }

    private static ArmResponse managedIdentity(RawRequest raw, IdentityService identity, URI endpoint) {
        // X-IDENTITY-HEADER (api-version 2019-08-01, IDENTITY_ENDPOINT/IDENTITY_HEADER) or, as the Azure CLI 2.45 sends it,
        // secret (2017-09-01, MSI_ENDPOINT/MSI_SECRET): App Service's two versions of the same endpoint.
        String secret = raw.header("x-identity-header") != null ? raw.header("x-identity-header") : raw.header("secret");
        if (secret == null || !java.security.MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                identity.managedIdentityHeader().getBytes(StandardCharsets.UTF_8))) {
            throw ArmErrors.oauth(401, "invalid_request", "The X-IDENTITY-HEADER (or secret) header is missing or wrong.");
        }
        var q = raw.query();
        String clientId = q.getOrDefault("client_id", q.get("clientid"));
        return ArmResponse.ok(identity.managedIdentityToken(q.get("resource"), clientId, endpoint));
    }

    private static ArmResponse get(RawRequest raw, java.util.function.Supplier<ArmResponse> answer) {
        if (!List.of("GET", "HEAD").contains(raw.method())) {
            throw ArmErrors.methodNotAllowed(raw.method());
        }
        return answer.get();
    }

    /** The decoded {@code id:secret} of a Basic authorization header, or null. */
    private static String basic(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            return new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
