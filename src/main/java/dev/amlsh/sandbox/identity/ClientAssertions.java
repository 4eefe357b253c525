package dev.amlsh.sandbox.identity;

import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmException;
import dev.amlsh.sandbox.arm.Json;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Locale;

/**
 * Checks a certificate credential's client assertion, as MSAL4J makes it: an RS256 JWT with an
 * {@code x5t} or {@code x5t#S256} header naming the certificate, {@code aud} the token endpoint,
 * {@code iss} = {@code sub} = the client ID, {@code exp} and {@code jti}.
 */
final class ClientAssertions {
    static final String SPACE = "identity.certificate";
    static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final long SKEW_SECONDS = 300;

    private ClientAssertions() {
    }

    /** Throws the OAuth error Entra ID gives when the assertion does not prove the client holds its registered key. */
    static void verify(String assertion, String clientId, String registeredCertificate, String tokenEndpoint) {
        if (registeredCertificate == null) {
            throw invalid("AADSTS700027: The certificate with identifier used to sign the client assertion is not registered on application '"
                    + clientId + "'.");
        }
        X509Certificate cert;
        try {
            cert = ClientCertificate.decode(registeredCertificate);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw invalid("AADSTS700027: The certificate registered on application '" + clientId + "' is unusable.");
        }
        JsonObject header = Jwt.header(assertion);
        String x5t = header == null ? null : Json.string(header, "x5t");
        String x5tS256 = header == null ? null : Json.string(header, "x5t#S256");
        boolean named = ClientCertificate.thumbprint(cert, "SHA-1").equals(urlForm(x5t))
                || ClientCertificate.thumbprint(cert, "SHA-256").equals(urlForm(x5tS256));
        if (!named) {
            throw invalid("AADSTS700027: The certificate with identifier used to sign the client assertion is not registered on application '"
                    + clientId + "'.");
        }
        JsonObject claims = Jwt.verify(assertion, cert.getPublicKey());
        if (claims == null) {
            throw invalid("AADSTS7000274: Client assertion contains an invalid signature.");
        }
        if (!clientId.equalsIgnoreCase(String.valueOf(Json.string(claims, "iss")))
                || !clientId.equalsIgnoreCase(String.valueOf(Json.string(claims, "sub")))) {
            throw invalid("AADSTS700023: Client assertion audience claim does not match Realm issuer; iss and sub must be the client ID.");
        }
        String aud = String.valueOf(Json.string(claims, "aud")).replaceAll("/+$", "").toLowerCase(Locale.ROOT);
        if (!aud.equals(tokenEndpoint.replaceAll("/+$", "").toLowerCase(Locale.ROOT))) {
            throw invalid("AADSTS700016: The client assertion's audience '" + Json.string(claims, "aud")
                    + "' is not this authority's token endpoint " + tokenEndpoint + ".");
        }
        if (!claims.has("exp") || !claims.has("jti")) {
            throw invalid("AADSTS50027: The client assertion lacks exp or jti.");
        }
        if (claims.get("exp").getAsLong() + SKEW_SECONDS < Instant.now().getEpochSecond()) {
            throw invalid("AADSTS700024: Client assertion is not within its valid time range.");
        }
    }

    /** MSAL4J writes the thumbprints in plain base64 with padding; RFC 7515 says base64url. Both are taken. */
    private static String urlForm(String thumbprint) {
        return thumbprint == null ? null : thumbprint.replace('+', '-').replace('/', '_').replaceAll("=+$", "");
    }

    private static ArmException invalid(String description) {
        return ArmErrors.oauth(401, "invalid_client", description);
    }
}
