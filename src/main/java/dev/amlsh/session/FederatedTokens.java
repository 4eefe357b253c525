package dev.amlsh.session;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Asks the sandbox's OIDC issuer ({@code POST <endpoint>oidc/token}) for a federated token, the
 * way a CI job asks its platform for one: for tests and demos of workload identity federation.
 *
 * <pre>{@code
 * String jwt = FederatedTokens.mint(sandbox.endpoint(), sandbox.certificatePem(), "repo:org/app:ref:refs/heads/main", null);
 * }</pre>
 */
public final class FederatedTokens {
    private FederatedTokens() {
    }

    /** The token ({@code audience} null: {@code api://AzureADTokenExchange}); an error in one line when the sandbox refuses. */
    public static String mint(URI endpoint, Path certificatePem, String subject, String audience) {
        String form = "subject=" + URLEncoder.encode(subject, StandardCharsets.UTF_8)
                + (audience == null ? "" : "&audience=" + URLEncoder.encode(audience, StandardCharsets.UTF_8));
        try {
            HttpClient http = HttpClient.newBuilder().sslContext(PemTrust.sslContext(certificatePem))
                    .connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(endpoint.resolve("oidc/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonObject body = JsonParser.parseString(r.body()).getAsJsonObject();
            if (r.statusCode() != 200 || !body.has("value")) {
                throw new SignInException("The sandbox's issuer refused: " + (body.has("error_description")
                        ? body.get("error_description").getAsString() : "HTTP " + r.statusCode()));
            }
            return body.get("value").getAsString();
        } catch (IOException e) {
            throw new SignInException("Cannot reach the sandbox's issuer at " + endpoint + "oidc: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInException("Interrupted");
        }
    }
}
