package dev.amlsh.sandbox.identity;

import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;

/** RS256 JSON Web Tokens: signing and verifying with the sandbox key. */
final class Jwt {
    private Jwt() {
    }

    static String sign(JsonObject claims, SigningKey key) {
        JsonObject header = new JsonObject();
        header.addProperty("typ", "JWT");
        header.addProperty("alg", "RS256");
        header.addProperty("kid", key.keyId());
        String signingInput = base64Url(Json.GSON.toJson(header).getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(Json.GSON.toJson(claims).getBytes(StandardCharsets.UTF_8));
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key.privateKey());
            s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64Url(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    /** The claims of a token this key signed, or null when the token is malformed or the signature is wrong. */
    static JsonObject verify(String token, SigningKey key) {
        return verify(token, key.publicKey());
    }

    /** As above, with any RSA public key (a client's certificate, for client assertions). */
    static JsonObject verify(String token, java.security.PublicKey key) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            JsonObject header = Json.parseObject(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
            if (!"RS256".equals(Json.string(header, "alg"))) {
                return null;
            }
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initVerify(key);
            s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!s.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return null;
            }
            return Json.parseObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }

    /** The claims of a compact JWT without checking its signature (to pick the key that must check it), or null. */
    static JsonObject claimsUnverified(String token) {
        try {
            String[] parts = token.split("\\.", -1);
            return parts.length != 3 ? null
                    : Json.parseObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The decoded header of a compact JWT, or null. */
    static JsonObject header(String token) {
        try {
            return Json.parseObject(new String(Base64.getUrlDecoder().decode(token.split("\\.", -1)[0]), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
