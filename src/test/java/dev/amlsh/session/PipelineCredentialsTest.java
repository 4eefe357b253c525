package dev.amlsh.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Credentials for pipelines, against the sandbox's identity provider, in real child processes with
 * no {@code login}: the AZURE_* variables of EnvironmentCredential (client secret) and
 * WorkloadIdentityCredential (a federated token of the sandbox's OIDC issuer), and
 * {@code login --service-principal --federated-token} as the Azure CLI has it.
 */
@Timeout(600)
class PipelineCredentialsTest {

    private static Map<String, String> servicePrincipal(Sandbox sandbox, String name, String value) {
        return Map.of("AZURE_CLIENT_ID", SandboxSeed.CI_CLIENT_ID, "AZURE_TENANT_ID", "adfs",
                "AZURE_AUTHORITY_HOST", sandbox.endpoint().toString(), name, value);
    }

    @Test
    void aClientSecretInTheEnvironmentSignsInWithoutLogin() throws Exception {
        Path home = ShellHarness.newHome();
        try (Sandbox sandbox = Sandbox.start(new SandboxOptions(home.resolve("sandbox"), 0, Duration.ZERO))) {
            Map<String, String> env = servicePrincipal(sandbox, "AZURE_CLIENT_SECRET", SandboxSeed.CI_CLIENT_SECRET);
            ChildProcess made = ChildProcess.run(home, env, "-c", "group create -n from-env -l eastus --query name -o tsv");
            assertEquals(0, made.code(), made.toString());
            assertEquals("from-env\n", made.out());
            ChildProcess shown = ChildProcess.run(home, env, "-c",
                    "account show --query \"join(' ', [user.name, user.type, user.credential])\" -o tsv");
            assertEquals(SandboxSeed.CI_CLIENT_ID + " servicePrincipal environment\n", shown.out(), shown.toString());
            String config = Files.readString(home.resolve("config.json"));
            assertTrue(!config.contains(SandboxSeed.CI_CLIENT_SECRET), "the secret is not written: " + config);

            assertEquals(0, ChildProcess.run(home, env, "-c", "logout").code());
            ChildProcess wrong = ChildProcess.run(home, servicePrincipal(sandbox, "AZURE_CLIENT_SECRET", "not-it"), "-c", "group list");
            assertEquals(1, wrong.code(), wrong.toString());
            assertEquals(1, wrong.err().lines().count(), wrong.err());
            assertTrue(wrong.err().startsWith("ERROR: Sign-in failed") && wrong.err().contains("AADSTS7000215"), wrong.err());
        }
    }

    @Test
    void aFederatedTokenFileSignsInWithoutLogin() throws Exception {
        Path home = ShellHarness.newHome();
        try (Sandbox sandbox = Sandbox.start(new SandboxOptions(home.resolve("sandbox"), 0, Duration.ZERO))) {
            Path token = home.resolve("token.jwt");
            Files.writeString(token, FederatedTokens.mint(sandbox.endpoint(), sandbox.certificatePem(),
                    "repo:org/app:ref:refs/heads/main", null));
            Map<String, String> env = servicePrincipal(sandbox, "AZURE_FEDERATED_TOKEN_FILE", token.toString());
            ChildProcess made = ChildProcess.run(home, env, "-c", "group create -n from-oidc -l eastus --query name -o tsv");
            assertEquals(0, made.code(), made.toString());
            assertEquals("from-oidc\n", made.out());
            ChildProcess shown = ChildProcess.run(home, env, "-c", "account show --query user.credential -o tsv");
            assertEquals("workloadIdentity\n", shown.out(), shown.toString());

            Path other = home.resolve("other.jwt");
            Files.writeString(other, FederatedTokens.mint(sandbox.endpoint(), sandbox.certificatePem(),
                    "repo:org/other:ref:refs/heads/main", null));
            assertEquals(0, ChildProcess.run(home, env, "-c", "logout").code());
            ChildProcess refused = ChildProcess.run(home, servicePrincipal(sandbox, "AZURE_FEDERATED_TOKEN_FILE", other.toString()),
                    "-c", "group list");
            assertEquals(1, refused.code(), refused.toString());
            assertEquals(1, refused.err().lines().count(), refused.err());
            assertTrue(refused.err().contains("AADSTS700213: No matching federated identity record found for presented assertion subject"
                    + " 'repo:org/other:ref:refs/heads/main'"), refused.err());
        }
    }

    @Test
    void loginWithAFederatedTokenAsTheAzureCliDoes() throws Exception {
        Path home = ShellHarness.newHome();
        Path script = home.resolve("wif.amlsh");
        Files.writeString(script, """
                token=$(sandbox federated-token --subject sc://org/project/amlsh-sandbox --query token -o tsv)
                login --service-principal -u %s --tenant adfs --federated-token $token -o none
                account show --query "join(' ', [user.name, user.credential])" -o tsv
                group create -n federated -l eastus --query name -o tsv
                """.formatted(SandboxSeed.CI_CLIENT_ID));
        ChildProcess run = ChildProcess.run(home, Map.of(), script.toString());
        assertEquals(0, run.code(), run.toString());
        assertEquals(SandboxSeed.CI_CLIENT_ID + " federatedToken\nfederated\n", run.out());
    }
}
