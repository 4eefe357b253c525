package dev.amlsh.session;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import javax.net.ssl.SSLContext;
import reactor.core.publisher.Mono;

/**
 * OAuth 2 client-credentials grant against an ADFS-style token endpoint, with the token cached
 * until five minutes before it expires. Used for the sandbox's own authority, which presents a
 * certificate only this session trusts.
 *
 * <pre>{@code
 * TokenCredential c = new ClientSecretTokenCredential(tokenUri, ssl, clientId, secret);
 * }</pre>
 */
final class ClientSecretTokenCredential implements TokenCredential {
    private static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);
    private final URI tokenEndpoint;
    private final HttpClient http;
    private final String clientId;
    private final String clientSecret;
    private AccessToken cached;

    ClientSecretTokenCredential(URI tokenEndpoint, SSLContext ssl, String clientId, String clientSecret) {
        this.tokenEndpoint = tokenEndpoint;
        this.http = HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(10)).build();
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
        return Mono.fromCallable(() -> getTokenSync(request));
    }

    @Override
    public synchronized AccessToken getTokenSync(TokenRequestContext request) {
        if (cached != null && cached.getExpiresAt().minus(REFRESH_MARGIN).isAfter(OffsetDateTime.now())) {
            return cached;
        }
        String scope = request.getScopes().isEmpty() ? "" : request.getScopes().get(0);
        String form = "grant_type=client_credentials&client_id=" + enc(clientId)
                + "&client_secret=" + enc(clientSecret) + "&scope=" + enc(scope);
        HttpRequest post = HttpRequest.newBuilder(tokenEndpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = http.send(post, HttpResponse.BodyHandlers.ofString());
            JsonObject body = JsonParser.parseString(response.body()).getAsJsonObject();
            if (response.statusCode() != 200 || !body.has("access_token")) {
                String why = body.has("error_description") ? body.get("error_description").getAsString()
                        : "HTTP " + response.statusCode();
                throw new SignInException("sign-in to " + tokenEndpoint.getHost() + " failed: " + why);
            }
            long seconds = body.get("expires_in").getAsLong();
            cached = new AccessToken(body.get("access_token").getAsString(), OffsetDateTime.now().plusSeconds(seconds));
            return cached;
        } catch (IOException e) {
            throw new SignInException("cannot reach the token endpoint " + tokenEndpoint + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInException("sign-in interrupted");
        } catch (RuntimeException e) {
            if (e instanceof SignInException) {
                throw e;
            }
            throw new SignInException("the token endpoint " + tokenEndpoint + " sent an answer amlsh cannot read");
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
