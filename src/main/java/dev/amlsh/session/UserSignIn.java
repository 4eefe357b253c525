package dev.amlsh.session;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.microsoft.aad.msal4j.DeviceCodeFlowParameters;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.InteractiveRequestParameters;
import com.microsoft.aad.msal4j.MsalInteractionRequiredException;
import com.microsoft.aad.msal4j.PublicClientApplication;
import com.microsoft.aad.msal4j.SilentParameters;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import reactor.core.publisher.Mono;

/**
 * A user's sign-in (device code or browser) through MSAL with a persisted {@link TokenCache}:
 * {@code login} asks the user once; later processes find the account in the cache and renew access
 * tokens silently with its refresh token, until that runs out or is revoked, and then say to sign in again.
 *
 * <pre>{@code
 * TokenCredential c = UserSignIn.restore(authority, tenant, ssl, cache, "alice@contoso.com", Identity.DEVICE_CODE);
 * }</pre>
 */
final class UserSignIn implements TokenCredential {
    /** The Azure CLI's public client, which azure-identity's user credentials use too. */
    static final String CLIENT_ID = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";

    private final PublicClientApplication app;
    private final String method;
    private final String userName;
    /** Where the device-code flow shows its message; null in a process that must not ask (not {@code login}). */
    private final Consumer<String> prompt;
    private IAccount account;

    private UserSignIn(PublicClientApplication app, String method, String userName, Consumer<String> prompt) {
        this.app = app;
        this.method = method;
        this.userName = userName;
        this.prompt = prompt;
    }

    /** For {@code login}: asks the user on first use, then works from the cache. */
    static UserSignIn interactive(String authority, SSLContext ssl, TokenCache cache, String method, Consumer<String> prompt) {
        return new UserSignIn(app(authority, ssl, cache), method, null, prompt);
    }

    /** For every later process: the signed-in account from the cache, silently. */
    static UserSignIn restore(String authority, SSLContext ssl, TokenCache cache, String userName, String method) {
        return new UserSignIn(app(authority, ssl, cache), method, userName, null);
    }

    private static PublicClientApplication app(String authority, SSLContext ssl, TokenCache cache) {
        try {
            PublicClientApplication.Builder b = PublicClientApplication.builder(CLIENT_ID).authority(authority)
                    .connectTimeoutForDefaultHttpClient(10_000).readTimeoutForDefaultHttpClient(30_000);
            if (cache != null) {
                b.setTokenCacheAccessAspect(cache.aspect());
            }
            if (ssl != null) {
                b.sslSocketFactory(ssl.getSocketFactory());
            }
            return b.build();
        } catch (java.net.MalformedURLException e) {
            throw new SignInException("'" + authority + "' is not a valid sign-in authority");
        }
    }

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
        return Mono.fromCallable(() -> getTokenSync(request));
    }

    @Override
    public synchronized AccessToken getTokenSync(TokenRequestContext request) {
        Set<String> scopes = new LinkedHashSet<>(request.getScopes());
        try {
            IAccount who = account();
            if (who != null) {
                try {
                    return token(app.acquireTokenSilently(SilentParameters.builder(scopes, who).build()).get());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof MsalInteractionRequiredException) || prompt == null) {
                        throw e;
                    }
                }
            }
            if (prompt == null) {
                throw new SignInException("You have no sign-in" + (userName == null ? "" : " as " + userName) + " kept here, or it has run out"
                        + " or was revoked. Sign in again with 'login" + (Identity.DEVICE_CODE.equals(method)
                        ? " --use-device-code" : "") + "'");
            }
            IAuthenticationResult r = Identity.DEVICE_CODE.equals(method)
                    ? app.acquireToken(DeviceCodeFlowParameters.builder(scopes, code -> prompt.accept(code.message())).build()).get()
                    : app.acquireToken(InteractiveRequestParameters.builder(URI.create("http://localhost")).scopes(scopes).build()).get();
            account = r.account();
            return token(r);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof MsalInteractionRequiredException && prompt == null) {
                throw new SignInException("Your sign-in" + (userName == null ? "" : " as " + userName)
                        + " has run out or was revoked (" + firstLine(cause.getMessage()) + "). Sign in again with 'login'");
            }
            throw new com.azure.core.exception.ClientAuthenticationException(firstLine(cause.getMessage()), null, cause);
        } catch (java.net.MalformedURLException e) {
            throw new SignInException("The sign-in authority is not a valid URL: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInException("Sign-in interrupted");
        }
    }

    /** The cached account of this sign-in: the one with the signed-in user's name, else the only one. */
    private IAccount account() throws ExecutionException, InterruptedException {
        if (account == null) {
            Set<IAccount> all = app.getAccounts().get();
            for (IAccount a : all) {
                if (userName != null && userName.toLowerCase(Locale.ROOT).equals(String.valueOf(a.username()).toLowerCase(Locale.ROOT))) {
                    account = a;
                }
            }
            if (account == null && all.size() == 1) {
                account = all.iterator().next();
            }
        }
        return account;
    }

    private static AccessToken token(IAuthenticationResult r) {
        return new AccessToken(r.accessToken(), r.expiresOnDate().toInstant().atOffset(ZoneOffset.UTC));
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
