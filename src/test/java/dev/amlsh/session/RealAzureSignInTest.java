package dev.amlsh.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.AzureCliCredential;
import dev.amlsh.testing.ShellHarness;
import dev.amlsh.testing.ShellHarness.Run;
import org.junit.jupiter.api.Test;

/**
 * Browser and Azure CLI sign-in to real Azure, covered up to the network boundary: the credential
 * amlsh builds for AzureCloud, and, on this machine (no browser, no {@code az}), one line that says
 * what is missing and what to do, within seconds.
 */
class RealAzureSignInTest {

    @Test
    void azureCloudGetsTheBrowserAndCliCredentials() {
        Cloud azure = Cloud.find("AzureCloud", java.util.List.of()).orElseThrow();
        TokenCredential browser = Credentials.build(azure, azure.authority(), null, new Identity(null, "user", null, Identity.BROWSER),
                null, null, m -> { });
        assertTrue(browser instanceof ReusedTokens, "a browser sign-in is asked for once per session");
        TokenCredential cli = Credentials.build(azure, azure.authority(), null, new Identity(null, "user", null, Identity.AZURE_CLI),
                null, null, m -> { });
        assertTrue(cli instanceof AzureCliCredential, cli.getClass().getName());
    }

    @Test
    void withoutABrowserLoginSaysSoAtOnce() {
        assumeTrue(java.awt.GraphicsEnvironment.isHeadless() && onPath("xdg-open") == null, "this machine has a browser to open");
        try (ShellHarness sh = ShellHarness.on(ShellHarness.newHome())) {
            sh.ok("cloud set -n AzureCloud");
            long start = System.nanoTime();
            Run login = sh.run("login");
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertEquals(2, login.exitCode(), login.toString());
            assertEquals("ERROR: Sign-in failed: no web browser could be opened on this machine. Sign in with 'login --use-device-code', "
                    + "or 'login --service-principal -u <app-id> -p <secret> --tenant <tenant>'.\n", login.err());
            assertTrue(seconds < 20, "took " + seconds + "s");
            assertEquals(2, sh.run("account show").exitCode(), "still signed out");
        }
    }

    @Test
    void withoutTheAzureCliLoginSaysHowToFixIt() {
        assumeFalse(onPath("az") != null, "the Azure CLI is installed here");
        try (ShellHarness sh = ShellHarness.on(ShellHarness.newHome())) {
            sh.ok("cloud set -n AzureCloud");
            Run login = sh.run("login --azure-cli");
            assertEquals(2, login.exitCode(), login.toString());
            assertEquals(1, login.err().lines().count(), login.err());
            assertTrue(login.err().startsWith("ERROR: Sign-in failed: the Azure CLI is not installed"), login.err());
            assertTrue(login.err().contains("az login"), login.err());
        }
    }

    private static java.nio.file.Path onPath(String program) {
        for (String dir : String.valueOf(System.getenv("PATH")).split(java.io.File.pathSeparator)) {
            java.nio.file.Path p = java.nio.file.Path.of(dir.isEmpty() ? "." : dir, program);
            if (java.nio.file.Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
