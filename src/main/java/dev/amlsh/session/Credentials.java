package dev.amlsh.session;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.identity.AzureCliCredentialBuilder;
import com.azure.identity.ClientAssertionCredentialBuilder;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import dev.amlsh.sandbox.contract.Seed;
import dev.amlsh.sandbox.contract.SeedIdentity;
import java.util.Locale;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * Builds the azure-identity credential of a sign-in: the same credential classes against Azure
 * and against the sandbox (whose ADFS-style authority issues the tokens), only the authority and
 * the trusted certificate differ.
 *
 * <pre>{@code
 * TokenCredential c = Credentials.build(cloud, authority, ssl, identity, secret, message -> err.println(message));
 * }</pre>
 */
public final class Credentials {
    private Credentials() {
    }

    /**
     * @param authority the authority host (for ADFS-style clouds, the host without {@code /adfs})
     * @param secret the client secret or certificate path given at {@code login}; for a managed identity in the
     *               sandbox, the secret of its managed-identity endpoint; null when not needed
     * @param prompt where the device-code flow shows its message
     */
    public static TokenCredential build(Cloud cloud, String authority, SSLContext ssl, Identity who, String secret,
                                        String tenant, Consumer<String> prompt) {
        return build(cloud, authority, ssl, who, secret, tenant, prompt, null, java.util.Map.of());
    }

    /**
     * As above, with where a user sign-in's tokens are kept ({@code cache}; null: this process only)
     * and the environment (for credentials taken from it).
     *
     * @param prompt where the device-code flow shows its message; null in a process that must not ask
     *               the user (a user sign-in then renews its tokens silently from the cache, or says to sign in again)
     */
    static TokenCredential build(Cloud cloud, String authority, SSLContext ssl, Identity who, String secret,
                                 String tenant, Consumer<String> prompt, TokenCache cache, java.util.Map<String, String> env) {
        HttpClient http = httpClient(ssl);
        boolean adfs = cloud.isSandbox() || cloud.isAdfs();
        String tenantId = adfs ? "adfs" : tenant;
        switch (who.method()) {
            case Identity.SANDBOX -> {
                SeedIdentity seeded = seeded(who.name());
                return tuned(new ClientSecretCredentialBuilder()).authorityHost(authority).tenantId("adfs")
                        .clientId(seeded.clientId()).clientSecret(seeded.clientSecret()).httpClient(http)
                        .disableInstanceDiscovery().build();
            }
            case Identity.SECRET -> {
                var builder = tuned(new ClientSecretCredentialBuilder()).authorityHost(authority).tenantId(tenantId)
                        .clientId(who.clientId()).clientSecret(secretOrSeeded(cloud, who, secret)).httpClient(http);
                return adfs ? builder.disableInstanceDiscovery().build() : builder.build();
            }
            case Identity.CERTIFICATE -> {
                var builder = tuned(new ClientCertificateCredentialBuilder()).authorityHost(authority).tenantId(tenantId)
                        .clientId(who.clientId()).pemCertificate(certificate(who, secret)).httpClient(http);
                return adfs ? builder.disableInstanceDiscovery().build() : builder.build();
            }
            case Identity.MANAGED_IDENTITY -> {
                var builder = tuned(new ManagedIdentityCredentialBuilder()).httpClient(http);
                if (cloud.isSandbox()) {
                    String endpoint = authority.replaceAll("/+$", "") + "/adfs/msi/token";
                    ManagedIdentityEnvironment.pointAt(endpoint, secret);
                    builder.configuration(new com.azure.core.util.ConfigurationBuilder()
                            .putProperty(ManagedIdentityEnvironment.ENDPOINT, endpoint)
                            .putProperty(ManagedIdentityEnvironment.HEADER, secret).build());
                } else {
                    ManagedIdentityEnvironment.useMachine();
                }
                return who.clientId() == null ? builder.build() : builder.clientId(who.clientId()).build();
            }
            case Identity.FEDERATED -> {
                String token = kept(who, secret);
                var builder = tuned(new ClientAssertionCredentialBuilder()).authorityHost(authority).tenantId(tenantId)
                        .clientId(who.clientId()).clientAssertion(() -> token).httpClient(http);
                return adfs ? builder.disableInstanceDiscovery().build() : builder.build();
            }
            case Identity.ENVIRONMENT, Identity.WORKLOAD_IDENTITY -> {
                return EnvironmentSignIn.build(who, env, authority, http);
            }
            case Identity.DEVICE_CODE, Identity.BROWSER -> {
                String at = authority.replaceAll("/+$", "") + "/" + (adfs ? "adfs" : tenant == null ? "organizations" : tenant) + "/";
                UserSignIn user = prompt == null ? UserSignIn.restore(at, ssl, cache, who.name(), who.method())
                        : UserSignIn.interactive(at, ssl, cache, who.method(), prompt);
                return new ReusedTokens(user);
            }
            case Identity.AZURE_CLI -> {
                return tuned(new AzureCliCredentialBuilder()).build();
            }
            default -> throw new SignInException("amlsh does not know the sign-in method '" + who.method()
                    + "' kept in its config; sign in again with 'login'");
        }
    }

    /**
     * The secret given at login; after a restart (secrets are never saved) the sandbox's own
     * service principal signs in again with its well-known secret, anything else must sign in again.
     */
    private static String secretOrSeeded(Cloud cloud, Identity who, String secret) {
        if (secret == null && cloud.isSandbox()) {
            return seeded(who.clientId()).clientSecret();
        }
        return kept(who, secret);
    }

    private static String kept(Identity who, String secret) {
        if (secret == null) {
            throw new SignInException("The secret of service principal " + who.clientId() + " was not kept (only a keyring"
                    + " keeps it, and this machine has none): set AZURE_CLIENT_ID, AZURE_TENANT_ID and AZURE_CLIENT_SECRET (or"
                    + " AZURE_FEDERATED_TOKEN_FILE) and run 'logout', or sign in with a certificate: 'login --service-principal -u "
                    + who.clientId() + " -p <PEM file> --tenant <tenant>'");
        }
        return secret;
    }

    /** The PEM given at login, else the path remembered in the config; the key is read from the file each time. */
    private static String certificate(Identity who, String given) {
        String path = given != null ? given : who.certificate();
        if (path == null) {
            return kept(who, null);
        }
        if (!java.nio.file.Files.isReadable(java.nio.file.Path.of(path))) {
            throw new SignInException("The certificate of service principal " + who.clientId() + " (" + path
                    + ") cannot be read; sign in again with 'login --service-principal -u " + who.clientId() + " -p <PEM file>'");
        }
        return path;
    }

    /** The seeded sandbox principal with this sign-in name or app name (case-insensitive). */
    public static SeedIdentity seeded(String name) {
        String wanted = name == null ? Seed.ADMIN_USER : name.toLowerCase(Locale.ROOT);
        for (SeedIdentity s : Seed.principals()) {
            if (s.userName().equalsIgnoreCase(wanted) || s.clientId().equalsIgnoreCase(wanted)) {
                return s;
            }
        }
        throw new SignInException("'" + name + "' is not a sandbox user; the sandbox has "
                + Seed.ADMIN_USER + ", " + Seed.ALICE_USER + ", " + Seed.BOB_USER
                + " and the service principal " + Seed.CI_APP_NAME);
    }

    /**
     * One quick retry: a sign-in that cannot reach its authority should say so in seconds, not
     * after the minutes of the default back-off.
     */
    private static <T extends com.azure.identity.CredentialBuilderBase<T>> T tuned(T builder) {
        return builder.retryOptions(new com.azure.core.http.policy.RetryOptions(
                new com.azure.core.http.policy.ExponentialBackoffOptions().setMaxRetries(1)
                        .setBaseDelay(java.time.Duration.ofMillis(200)).setMaxDelay(java.time.Duration.ofSeconds(1))));
    }

    static HttpClient httpClient(SSLContext ssl) {
        return SharedHttp.forTrust(ssl);
    }
}
