package dev.amlsh.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amlsh.sandbox.Sandbox;
import dev.amlsh.sandbox.SandboxOptions;
import dev.amlsh.sandbox.SandboxSeed;
import dev.amlsh.testing.ShellHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A service principal's sign-in across processes (of a cloud other than the built-in sandbox, with
 * no keyring): a certificate's path is remembered and the next process signs in with it; a secret
 * is kept nowhere, and the next process says in one line how to go on.
 */
@Timeout(600)
class ServicePrincipalKeptTest {

    @Test
    void aCertificateIsRememberedASecretIsNot() throws Exception {
        Path home = ShellHarness.newHome();
        try (Sandbox sandbox = Sandbox.start(new SandboxOptions(home.resolve("sandbox"), 0, Duration.ZERO))) {
            String endpoint = sandbox.endpoint().toString();
            Path setup = home.resolve("setup.amlsh");
            Files.writeString(setup, "cloud register -n Stable --endpoint-resource-manager " + endpoint
                    + " --endpoint-active-directory " + endpoint + "adfs --ca-cert " + sandbox.certificatePem() + "\n"
                    + "cloud set -n Stable\n"
                    + "login --service-principal -u " + SandboxSeed.CI_CLIENT_ID + " -p " + SandboxSeed.CI_CLIENT_SECRET + " -o none\n"
                    + "group create -n by-secret -l eastus -o none\n");
            ChildProcess secret = ChildProcess.run(home, Map.of(), setup.toString());
            assertEquals(0, secret.code(), secret.toString());
            assertEquals("WARNING: Switched to Stable; sign in with 'login'.\nNo keyring on this machine: the secret is kept by this shell only; for other processes set AZURE_CLIENT_ID,"
                    + " AZURE_TENANT_ID and AZURE_CLIENT_SECRET (or AZURE_FEDERATED_TOKEN_FILE), or sign in with a certificate.\n",
                    secret.err());
            assertFalse(Files.readString(home.resolve("config.json")).contains(SandboxSeed.CI_CLIENT_SECRET));

            ChildProcess next = ChildProcess.run(home, Map.of(), "-c", "group list");
            assertEquals(1, next.code(), next.toString());
            assertEquals(1, next.err().lines().count(), next.err());
            assertTrue(next.err().contains("set AZURE_CLIENT_ID, AZURE_TENANT_ID and AZURE_CLIENT_SECRET"), next.err());

            Path pem = sandbox.servicePrincipalCertificate();
            ChildProcess certificate = ChildProcess.run(home, Map.of(), "-c",
                    "login --service-principal -u " + SandboxSeed.CI_CLIENT_ID + " -p " + pem + " -o none");
            assertEquals(0, certificate.code(), certificate.toString());
            String config = Files.readString(home.resolve("config.json"));
            assertTrue(config.contains(pem.toString()) && !config.contains("PRIVATE KEY"), config);
            ChildProcess after = ChildProcess.run(home, Map.of(), "-c", "group show -n by-secret --query name -o tsv");
            assertEquals(0, after.code(), after.toString());
            assertEquals("by-secret\n", after.out());
        }
    }
}
