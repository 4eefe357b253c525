package dev.amlsh.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amlsh.sandbox.Sandbox;
import dev.amlsh.sandbox.SandboxOptions;
import dev.amlsh.sandbox.SandboxSeed;
import dev.amlsh.testing.ShellHarness;
import dev.amlsh.testing.ShellHarness.Run;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Sign-in through azure-identity against the sandbox's authority, and clouds registered by the user. */
class SignInTest {

    @Test
    void sandboxUsersAndServicePrincipals() throws Exception {
        try (ShellHarness sh = ShellHarness.signedIn()) {
            sh.ok("login --service-principal -u " + SandboxSeed.CI_CLIENT_ID + " -p " + SandboxSeed.CI_CLIENT_SECRET + " -o none");
            assertEquals(SandboxSeed.CI_CLIENT_ID + " servicePrincipal\n",
                    sh.ok("account show --query \"join(' ', [user.name, user.type])\" -o tsv"));
            String config = Files.readString(sh.home().resolve("config.json"));
            assertFalse(config.contains(SandboxSeed.CI_CLIENT_SECRET), "the secret is never saved");
            try (ShellHarness next = ShellHarness.on(sh.home())) {
                assertEquals("[]\n", next.ok("group list --query \"[?name=='none']\""),
                        "the next shell signs the sandbox's service principal in again by itself");
            }
        }
    }

    @Test
    void aUserSeesExactlyWhatTheirRolesAllow() {
        try (ShellHarness sh = ShellHarness.signedIn()) {
            sh.ok("group create -n bobs-rg -l eastus -o none");
            sh.ok("group create -n not-bobs -l eastus -o none");
            Run nothing = sh.run("login --sandbox -u bob@sandbox.amlsh -o none");
            assertEquals(0, nothing.exitCode(), nothing.toString());
            assertTrue(nothing.err().contains("no subscription gives this identity any role"), nothing.err());
            sh.ok("login --sandbox -o none");
            sh.ok("role assignment create --assignee bob@sandbox.amlsh --role Reader -g bobs-rg -o none");
            sh.ok("login --sandbox -u bob@sandbox.amlsh -o none");
            assertEquals("bob@sandbox.amlsh user\n", sh.ok("account show --query \"join(' ', [user.name, user.type])\" -o tsv"));
            assertEquals("bobs-rg\n", sh.ok("group list --query \"[].name\" -o tsv"));
            Run write = sh.run("group update -n bobs-rg --tags owner=bob");
            assertEquals(1, write.exitCode(), write.toString());
            assertTrue(write.err().startsWith("ERROR: (AuthorizationFailed)"), write.err());
            assertEquals(1, write.err().lines().count(), write.err());
        }
    }

    @Test
    void aRefusedSignInKeepsTheSessionAsItWas() {
        try (ShellHarness sh = ShellHarness.signedIn()) {
            Run refused = sh.run("login --service-principal -u " + SandboxSeed.CI_CLIENT_ID + " -p not-the-secret");
            assertEquals(1, refused.exitCode(), refused.toString());
            assertEquals(1, refused.err().lines().count(), refused.err());
            assertTrue(refused.err().startsWith("ERROR: Sign-in failed: The sign-in was refused"), refused.err());
            assertFalse(refused.err().contains("not-the-secret"), "the secret is not echoed");
            assertEquals("admin@sandbox.amlsh\n", sh.ok("account show --query user.name -o tsv"));
            assertEquals(2, sh.run("login --sandbox -u mallory@sandbox.amlsh").exitCode());
            assertEquals(2, sh.run("login --service-principal -u " + SandboxSeed.CI_CLIENT_ID).exitCode());
        }
    }

    @Test
    void aRegisteredCloudIsAnotherArmEndpoint() throws Exception {
        try (Sandbox other = Sandbox.start(new SandboxOptions(null, 0, Duration.ZERO));
             ShellHarness sh = ShellHarness.signedIn()) {
            String arm = other.endpoint().toString();
            sh.ok("cloud register -n Other --endpoint-resource-manager " + arm + " --endpoint-active-directory " + arm
                    + "adfs --ca-cert " + other.certificatePem());
            sh.ok("cloud set -n Other");
            assertEquals(2, sh.run("group list").exitCode(), "switching clouds signs out");
            sh.ok("login --service-principal -u " + SandboxSeed.CI_CLIENT_ID + " -p " + SandboxSeed.CI_CLIENT_SECRET + " -o none");
            sh.ok("group create -n only-on-other -l eastus -o none");
            assertEquals(arm, sh.ok("cloud show --query endpoints.resourceManager -o tsv").strip());
            sh.ok("cloud set -n Sandbox");
            sh.ok("login --sandbox -o none");
            assertEquals("false\n", sh.ok("group exists -n only-on-other"));
            Run unknown = sh.run("cloud set -n Nowhere");
            assertEquals(3, unknown.exitCode());
            assertEquals(2, sh.run("cloud register -n Plain --endpoint-resource-manager http://127.0.0.1:1/ "
                    + "--endpoint-active-directory http://127.0.0.1:1/adfs").exitCode());
        }
    }
}
