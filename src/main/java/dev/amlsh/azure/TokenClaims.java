package dev.amlsh.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Who a token says its holder is, for {@code account show} after a sign-in that did not name the
 * user (browser, device code, Azure CLI). Reads the claims only; the token is not kept.
 *
 * <pre>{@code
 * String who = TokenClaims.displayName(credential); // e.g. "alice@contoso.com"
 * }</pre>
 */
final class TokenClaims {
    private TokenClaims() {
    }

    /** Gets a token (failures propagate: this is how a sign-in is tried) and reads its holder's name. */
    static String displayName(TokenCredential credential) {
        String token = credential.getTokenSync(new TokenRequestContext().addScopes("https://management.azure.com/.default"))
                .getToken();
        try {
            String[] parts = token.split("\\.");
            JsonObject claims = JsonParser.parseString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))
                    .getAsJsonObject();
            for (String claim : new String[] {"upn", "unique_name", "preferred_username", "appid", "oid"}) {
                if (claims.has(claim)) {
                    return claims.get(claim).getAsString();
                }
            }
        } catch (RuntimeException unreadable) {
            // An opaque token: fall through to a neutral name.
        }
        return "(signed in)";
    }
}
