package dev.amlsh.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.amlsh.sandbox.Sandbox;
import dev.amlsh.sandbox.SandboxSeed;
import dev.amlsh.testing.ShellHarness;
import dev.amlsh.testing.ShellHarness.Run;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * When a host cannot be reached, the one-line error names it and says what to do: the sign-in
 * authority (a device-code sign-in included, which used to say "The service answered HTTP 0"),
 * or the Resource Manager endpoint.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class UnreachableHostTest {

    @Test
    void aDeviceCodeSignInNamesTheAuthorityItCouldNotReach() {
        try (ShellHarness sh = ShellHarness.on(ShellHarness.newHome())) {
            // '.invalid' never resolves (RFC 2606), on any machine.
            sh.ok("cloud register -n Nowhere --endpoint-resource-manager https://management.invalid/ "
                    + "--endpoint-active-directory https://login.invalid/adfs");
            sh.ok("cloud set -n Nowhere");
            Run r = sh.run("login --use-device-code");
            assertEquals(1, r.exitCode(), r.toString());
            assertEquals("ERROR: Sign-in failed: Cannot reach login.invalid: its name could not be resolved. "
                    + "Check the network or the cloud's endpoints ('cloud show').\n", r.err());
        }
    }

    @Test
    void aResourceManagerThatRefusesConnectionsIsNamed() throws Exception {
        try (ShellHarness sh = ShellHarness.signedIn()) {
            Sandbox sandbox = sh.sandbox();
            int closed;
            try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
                closed = s.getLocalPort();
            }
            String identity = sandbox.endpoint().toString().replaceAll("/+$", "");
            sh.ok("cloud register -n Closed --endpoint-resource-manager https://localhost:" + closed + "/ "
                    + "--endpoint-active-directory " + identity + "/adfs --ca-cert " + sandbox.certificatePem());
            sh.ok("cloud set -n Closed");
            // The token comes from the sandbox's identity provider; the subscriptions from the closed port.
            Run r = sh.run("login --service-principal -u " + SandboxSeed.CI_CLIENT_ID + " -p " + SandboxSeed.CI_CLIENT_SECRET);
            assertEquals(1, r.exitCode(), r.toString());
            assertEquals("ERROR: Sign-in failed: Cannot reach localhost: connection refused. "
                    + "Check the network or the cloud's endpoints ('cloud show').\n", r.err());
        }
    }
}
