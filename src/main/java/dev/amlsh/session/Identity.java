package dev.amlsh.session;

/**
 * Who is signed in and how: a name to show, the kind of principal as {@code account show}
 * prints it ({@code user} or {@code servicePrincipal}), the client (application) ID where there
 * is one, the sign-in method, and for a certificate sign-in the path of its PEM file (never the
 * key itself). Never holds a secret.
 *
 * <pre>{@code
 * new Identity("bob@sandbox.amlsh", "user", null, Identity.SANDBOX);
 * }</pre>
 */
public record Identity(String name, String type, String clientId, String method, String certificate) {
    /** A seeded sandbox principal, signed in with the sandbox's well-known credentials. */
    public static final String SANDBOX = "sandbox";
    public static final String SECRET = "secret";
    public static final String CERTIFICATE = "certificate";
    public static final String MANAGED_IDENTITY = "managedIdentity";
    public static final String BROWSER = "browser";
    public static final String DEVICE_CODE = "deviceCode";
    public static final String AZURE_CLI = "azureCli";
    /** A service principal with a federated token ({@code login --federated-token}). */
    public static final String FEDERATED = "federatedToken";
    /** No {@code login}: azure-identity's EnvironmentCredential (AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH). */
    public static final String ENVIRONMENT = "environment";
    /** No {@code login}: azure-identity's WorkloadIdentityCredential (AZURE_FEDERATED_TOKEN_FILE). */
    public static final String WORKLOAD_IDENTITY = "workloadIdentity";

    public Identity(String name, String type, String clientId, String method) {
        this(name, type, clientId, method, null);
    }

    public Identity(String name, String type) {
        this(name, type, null, SANDBOX);
    }

    /** True for sign-ins whose tokens are kept in the {@link TokenCache} (a user's, asked for interactively). */
    public boolean isUserSignIn() {
        return DEVICE_CODE.equals(method) || BROWSER.equals(method);
    }
}
