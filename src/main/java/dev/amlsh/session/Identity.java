package dev.amlsh.session;

/**
 * Who is signed in and how: a name to show, the kind of principal as {@code account show}
 * prints it ({@code user} or {@code servicePrincipal}), the client (application) ID where there
 * is one, and the sign-in method. Never holds a secret.
 *
 * <pre>{@code
 * new Identity("bob@sandbox.amlsh", "user", null, Identity.SANDBOX);
 * }</pre>
 */
public record Identity(String name, String type, String clientId, String method) {
    /** A seeded sandbox principal, signed in with the sandbox's well-known credentials. */
    public static final String SANDBOX = "sandbox";
    public static final String SECRET = "secret";
    public static final String CERTIFICATE = "certificate";
    public static final String MANAGED_IDENTITY = "managedIdentity";
    public static final String BROWSER = "browser";
    public static final String DEVICE_CODE = "deviceCode";
    public static final String AZURE_CLI = "azureCli";

    public Identity(String name, String type) {
        this(name, type, null, SANDBOX);
    }
}
