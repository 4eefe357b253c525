package dev.amlsh.sandbox.contract;

/**
 * A seeded sandbox principal and its client-credentials secret (public on purpose, as Azurite's
 * account key is).
 *
 * <pre>{@code
 * SeedIdentity admin = Seed.admin();
 * }</pre>
 *
 * @param userName the user principal name, or the application name of a service principal
 */
public record SeedIdentity(String tenantId, String clientId, String clientSecret, String userName) {
    @Override
    public String toString() {
        // never print the secret by accident
        return "SeedIdentity[tenantId=" + tenantId + ", clientId=" + clientId + ", userName=" + userName + "]";
    }
}
