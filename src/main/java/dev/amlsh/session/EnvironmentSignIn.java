package dev.amlsh.session;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.util.Configuration;
import com.azure.core.util.ConfigurationBuilder;
import com.azure.identity.EnvironmentCredentialBuilder;
import com.azure.identity.WorkloadIdentityCredentialBuilder;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Credentials for pipelines, with no {@code login}: the environment variables azure-identity's
 * {@code WorkloadIdentityCredential} ({@code AZURE_FEDERATED_TOKEN_FILE}, what GitHub Actions, Azure
 * Pipelines and AKS provide) and {@code EnvironmentCredential} ({@code AZURE_CLIENT_SECRET} or
 * {@code AZURE_CLIENT_CERTIFICATE_PATH}) read, with {@code AZURE_CLIENT_ID}, {@code AZURE_TENANT_ID}
 * and optionally {@code AZURE_AUTHORITY_HOST}; those classes do the signing in.
 *
 * <pre>{@code
 * EnvironmentSignIn.detect(System.getenv()).ifPresent(who -> ...);
 * }</pre>
 */
public final class EnvironmentSignIn {
    public static final String CLIENT_ID = "AZURE_CLIENT_ID";
    public static final String TENANT_ID = "AZURE_TENANT_ID";
    public static final String CLIENT_SECRET = "AZURE_CLIENT_SECRET";
    public static final String CERTIFICATE_PATH = "AZURE_CLIENT_CERTIFICATE_PATH";
    public static final String FEDERATED_TOKEN_FILE = "AZURE_FEDERATED_TOKEN_FILE";
    public static final String AUTHORITY_HOST = "AZURE_AUTHORITY_HOST";
    private static final List<String> PASSED = List.of(CLIENT_ID, TENANT_ID, CLIENT_SECRET, CERTIFICATE_PATH,
            "AZURE_CLIENT_CERTIFICATE_PASSWORD", "AZURE_CLIENT_SEND_CERTIFICATE_CHAIN", FEDERATED_TOKEN_FILE, AUTHORITY_HOST);

    private EnvironmentSignIn() {
    }

    /** The service principal the environment names, with the credential class that signs it in; empty when it names none. */
    public static Optional<Identity> detect(Map<String, String> env) {
        String client = value(env, CLIENT_ID);
        if (client == null || value(env, TENANT_ID) == null) {
            return Optional.empty();
        }
        if (value(env, FEDERATED_TOKEN_FILE) != null) {
            return Optional.of(new Identity(client, "servicePrincipal", client, Identity.WORKLOAD_IDENTITY));
        }
        if (value(env, CLIENT_SECRET) != null || value(env, CERTIFICATE_PATH) != null) {
            return Optional.of(new Identity(client, "servicePrincipal", client, Identity.ENVIRONMENT));
        }
        return Optional.empty();
    }

    /** The cloud a fresh home starts on when the environment holds credentials: the one of {@code AZURE_AUTHORITY_HOST}. */
    static String cloudFor(Map<String, String> env) {
        String host = value(env, AUTHORITY_HOST);
        if (host == null) {
            return "AzureCloud";
        }
        String h = hostOf(host);
        if (h.equals("127.0.0.1") || h.equals("localhost")) {
            return Cloud.SANDBOX;
        }
        return Cloud.KNOWN.stream().filter(c -> c.authority() != null && hostOf(c.authority()).equals(h))
                .map(Cloud::name).findFirst().orElse("AzureCloud");
    }

    /** True when the environment's credentials are meant for this cloud (the sandbox takes them only when AZURE_AUTHORITY_HOST points at it). */
    static boolean appliesTo(Cloud cloud, Map<String, String> env) {
        return detect(env).isPresent() && (!cloud.isSandbox() || value(env, AUTHORITY_HOST) != null);
    }

    /**
     * The azure-identity credential of the environment's service principal.
     *
     * @param authority the cloud's authority host, used when {@code AZURE_AUTHORITY_HOST} is not set
     */
    static TokenCredential build(Identity who, Map<String, String> env, String authority, HttpClient http) {
        String host = value(env, AUTHORITY_HOST) != null ? value(env, AUTHORITY_HOST) : authority;
        ConfigurationBuilder config = new ConfigurationBuilder();
        for (String name : PASSED) {
            if (value(env, name) != null) {
                config.putProperty(name, env.get(name));
            }
        }
        config.putProperty(AUTHORITY_HOST, host);
        Configuration built = config.build();
        if (Identity.WORKLOAD_IDENTITY.equals(who.method())) {
            var b = new WorkloadIdentityCredentialBuilder().configuration(built).clientId(env.get(CLIENT_ID))
                    .tenantId(env.get(TENANT_ID)).tokenFilePath(env.get(FEDERATED_TOKEN_FILE)).authorityHost(host).httpClient(http);
            return isAdfs(env) ? b.disableInstanceDiscovery().build() : b.build();
        }
        return new EnvironmentCredentialBuilder().configuration(built).authorityHost(host).httpClient(http).build();
    }

    private static boolean isAdfs(Map<String, String> env) {
        return "adfs".equalsIgnoreCase(value(env, TENANT_ID));
    }

    private static String hostOf(String url) {
        try {
            String h = URI.create(url.trim()).getHost();
            return h == null ? "" : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v;
    }
}
