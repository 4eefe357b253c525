package dev.amlsh.sandbox;

/**
 * Credentials of a sandbox principal for the client-credentials grant at {@link Sandbox#tokenEndpoint()}.
 *
 * <pre>{@code
 * SandboxIdentity id = sandbox.defaultIdentity();
 * // form: grant_type=client_credentials&client_id=<id.clientId()>&client_secret=<id.clientSecret()>&scope=https://management.azure.com/.default
 * }</pre>
 *
 * @param tenantId     the sandbox tenant
 * @param clientId     the application (client) ID to sign in with
 * @param clientSecret its secret
 * @param userName     the user principal name, or the application name of a service principal
 */
public record SandboxIdentity(String tenantId, String clientId, String clientSecret, String userName) {
    @Override
    public String toString() {
        // never print the secret by accident
        return "SandboxIdentity[tenantId=" + tenantId + ", clientId=" + clientId + ", userName=" + userName + "]";
    }
}
