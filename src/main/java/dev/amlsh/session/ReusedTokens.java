package dev.amlsh.session;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * Keeps the tokens of an interactive sign-in (device code, browser) per scope until shortly before
 * they expire, so every SDK client of the session reuses them and the user is asked once; past
 * that, the wrapped credential is asked again (MSAL refreshes silently where it can).
 *
 * <pre>{@code
 * TokenCredential once = new ReusedTokens(UserSignIn.restore(authority, ssl, cache, "alice@contoso.com", Identity.DEVICE_CODE));
 * }</pre>
 */
final class ReusedTokens implements TokenCredential {
    private static final Duration MARGIN = Duration.ofMinutes(5);
    private final TokenCredential inner;
    private final Map<String, AccessToken> tokens = new ConcurrentHashMap<>();

    ReusedTokens(TokenCredential inner) {
        this.inner = inner;
    }

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
        return Mono.fromCallable(() -> getTokenSync(request));
    }

    @Override
    public synchronized AccessToken getTokenSync(TokenRequestContext request) {
        String key = String.join(" ", request.getScopes()) + "|" + request.getTenantId() + "|" + request.getClaims();
        AccessToken kept = tokens.get(key);
        if (kept != null && kept.getExpiresAt().isAfter(OffsetDateTime.now().plus(MARGIN))) {
            return kept;
        }
        AccessToken fresh = inner.getTokenSync(request);
        tokens.put(key, fresh);
        return fresh;
    }
}
