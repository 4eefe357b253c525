package dev.amlsh.sandbox;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Test helper: talks to a sandbox over HTTPS with the JDK {@link HttpClient}, trusting only the
 * sandbox's exported PEM, signed in as a seeded identity (the default one unless told otherwise).
 *
 * <pre>{@code
 * SandboxHttp http = new SandboxHttp(sandbox);
 * SandboxHttp.Response r = http.put("/subscriptions/" + SUB + "/resourcegroups/rg1", "{\"location\":\"eastus\"}");
 * assertEquals(201, r.status());
 * }</pre>
 */
public final class SandboxHttp {
    /** The api-version Microsoft.Resources calls use in tests. */
    public static final String API = "2025-04-01";

    private final URI endpoint;
    private final HttpClient client;
    private final SandboxIdentity identity;
    private String token;

    public SandboxHttp(Sandbox sandbox) {
        this(sandbox.endpoint(), sandbox.certificatePem(), sandbox.defaultIdentity());
    }

    public SandboxHttp(URI endpoint, Path certificatePem, SandboxIdentity identity) {
        this.endpoint = endpoint;
        this.client = client(certificatePem);
        this.identity = identity;
    }

    /** The same sandbox, signed in as someone else. */
    public SandboxHttp as(SandboxIdentity other) {
        return new SandboxHttp(endpoint, client, other);
    }

    private SandboxHttp(URI endpoint, HttpClient client, SandboxIdentity identity) {
        this.endpoint = endpoint;
        this.client = client;
        this.identity = identity;
    }

    /** An {@link HttpClient} that trusts exactly the certificate in this PEM. */
    public static HttpClient client(Path certificatePem) {
        return HttpClient.newBuilder().sslContext(sslContext(certificatePem)).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A TLS context that trusts exactly the certificate in this PEM (for the Azure SDK's HTTP client too). */
    public static SSLContext sslContext(Path certificatePem) {
        try (InputStream in = Files.newInputStream(certificatePem)) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("sandbox", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            return ssl;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A bearer token from the token endpoint (cached). */
    public synchronized String token() {
        if (token == null) {
            Response r = tokenRequest(Map.of("grant_type", "client_credentials", "client_id", identity.clientId(),
                    "client_secret", identity.clientSecret(), "scope", "https://management.azure.com/.default"));
            if (r.status() != 200) {
                throw new IllegalStateException("token request failed: " + r.status() + " " + r.body());
            }
            token = r.json().get("access_token").getAsString();
        }
        return token;
    }

    /** POSTs a form to {@code /adfs/oauth2/token}. */
    public Response tokenRequest(Map<String, String> form) {
        StringBuilder sb = new StringBuilder();
        form.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return raw("POST", "adfs/oauth2/token", sb.toString(), Map.of("Content-Type", "application/x-www-form-urlencoded"));
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response head(String path) {
        return send("HEAD", path, null);
    }

    public Response put(String path, String body) {
        return send("PUT", path, body);
    }

    public Response patch(String path, String body) {
        return send("PATCH", path, body);
    }

    public Response post(String path, String body) {
        return send("POST", path, body);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    /** A signed-in request; {@code api-version} is added unless the path has a query. */
    public Response send(String method, String path, String body) {
        String target = path.contains("?") ? path : path + "?api-version=" + API;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token());
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        return raw(method, target, body, headers);
    }

    /**
     * A request exactly as given: {@code pathAndQuery} is appended to the endpoint (a leading "/"
     * gives the SDK's "//"), no token unless the headers carry one.
     */
    public Response raw(String method, String pathAndQuery, String body, Map<String, String> headers) {
        String base = endpoint.toString();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * One response.
     *
     * @param status  HTTP status
     * @param headers response headers
     * @param body    body text ("" when none)
     */
    public record Response(int status, HttpHeaders headers, String body) {
        public JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }

        /** The first value of a header, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The ARM error code of an error body. */
        public String errorCode() {
            return json().getAsJsonObject("error").get("code").getAsString();
        }

        public String errorMessage() {
            return json().getAsJsonObject("error").get("message").getAsString();
        }
    }
}
