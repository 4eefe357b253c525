package dev.amlsh.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amlsh.command.CommandIo;
import dev.amlsh.sandbox.Sandbox;
import dev.amlsh.sandbox.SandboxSeed;
import dev.amlsh.testing.ShellHarness;
import dev.amlsh.testing.ShellHarness.Run;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each sign-in method that can run here, through azure-identity against the sandbox's authority, then a command with the token. */
class SignInMethodsTest {

    @Test
    void servicePrincipalWithItsCertificate() {
        try (ShellHarness sh = ShellHarness.signedIn()) {
            String pem = sh.sandbox().servicePrincipalCertificate().toString();
            sh.ok("login --service-principal -u " + SandboxSeed.CI_CLIENT_ID + " -p " + pem + " -o none");
            assertEquals(SandboxSeed.CI_CLIENT_ID + " servicePrincipal\n",
                    sh.ok("account show --query \"join(' ', [user.name, user.type])\" -o tsv"));
            sh.ok("group create -n made-by-certificate -l eastus -o none");
            assertEquals("true\n", sh.ok("group exists -n made-by-certificate"));
        }
    }

    @Test
    void aCertificateOfAnotherKeyIsRefused() throws Exception {
        try (ShellHarness sh = ShellHarness.signedIn()) {
            java.nio.file.Path other = sh.home().resolve("other.pem");
            // the CI certificate, registered for another app: the thumbprint is not the one registered for alice
            java.nio.file.Files.copy(sh.sandbox().servicePrincipalCertificate(), other);
            Run refused = sh.run("login --service-principal -u " + SandboxSeed.ALICE_CLIENT_ID + " -p " + other);
            assertEquals(1, refused.exitCode(), refused.toString());
            assertEquals(1, refused.err().lines().count(), refused.err());
            assertTrue(refused.err().startsWith("ERROR: Sign-in failed"), refused.err());
        }
    }

    @Test
    void managedIdentitySystemAndUserAssigned() {
        try (ShellHarness sh = ShellHarness.signedIn()) {
            sh.ok("group create -n mi-rg -l eastus -o none");
            sh.ok("login --identity -o none");
            assertEquals("systemAssignedIdentity servicePrincipal\n",
                    sh.ok("account show --query \"join(' ', [user.name, user.type])\" -o tsv"));
            assertEquals("true\n", sh.ok("group exists -n mi-rg"), "the machine identity reads");
            Run write = sh.run("group create -n mi-made -l eastus");
            assertEquals(1, write.exitCode(), write.toString());
            assertTrue(write.err().startsWith("ERROR: (AuthorizationFailed)"), write.err());
            sh.ok("login --identity --username " + SandboxSeed.USER_IDENTITY_CLIENT_ID + " -o none");
            sh.ok("group create -n mi-made -l eastus -o none");
            assertEquals(SandboxSeed.USER_IDENTITY_CLIENT_ID + "\n", sh.ok("account show --query user.name -o tsv"));
        }
    }

    @Test
    void deviceCodeApprovedFromAnotherThread() throws Exception {
        try (ShellHarness sh = ShellHarness.signedIn()) {
            Sandbox sandbox = sh.sandbox();
            sh.ok("group create -n alices-devices -l eastus -o none");
            sh.ok("role assignment create --assignee alice@sandbox.amlsh --role Reader -g alices-devices -o none");
            HttpClient browser = HttpClient.newBuilder().sslContext(PemTrust.sslContext(sandbox.certificatePem())).build();
            AtomicReference<String> approval = new AtomicReference<>();
            Pattern page = Pattern.compile("open the page (\\S+) and enter the code (\\S+) ");
            ByteArrayOutputStream seen = new ByteArrayOutputStream() {
                @Override
                public synchronized void write(byte[] b, int off, int len) {
                    super.write(b, off, len);
                    Matcher m = page.matcher(toString(StandardCharsets.UTF_8));
                    if (approval.get() == null && m.find()) {
                        approval.set(m.group(1));
                        String url = m.group(1);
                        Thread t = new Thread(() -> {
                            try {
                                HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create(url)).build(),
                                        HttpResponse.BodyHandlers.ofString());
                                approval.set(r.statusCode() + " " + r.body());
                            } catch (Exception e) {
                                approval.set("failed: " + e);
                            }
                        });
                        t.start();
                    }
                }
            };
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = sh.dispatcher().dispatch("login --use-device-code -u alice@sandbox.amlsh -o none",
                    CommandIo.plain(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(seen, true, StandardCharsets.UTF_8)));
            String err = seen.toString(StandardCharsets.UTF_8);
            assertEquals(0, code, err);
            assertTrue(err.startsWith("To sign in, use a web browser to open the page " + sandbox.deviceLoginPage()), err);
            assertTrue(approval.get().startsWith("200"), approval.get());
            assertEquals("alice@sandbox.amlsh user\n", sh.ok("account show --query \"join(' ', [user.name, user.type])\" -o tsv"));
            assertEquals("alices-devices\n", sh.ok("group list --query \"[].name\" -o tsv"), "commands run with alice's token");
        }
    }

    @Test
    void aRevokedSignInSaysSignInAgain() {
        try (ShellHarness sh = ShellHarness.signedIn()) {
            sh.ok("login --service-principal -u " + SandboxSeed.CI_CLIENT_ID + " -p " + SandboxSeed.CI_CLIENT_SECRET + " -o none");
            sh.ok("group list -o none");
            sh.sandbox().revokeSignIn(SandboxSeed.CI_CLIENT_ID);
            Run revoked = sh.run("group list");
            assertEquals(1, revoked.exitCode(), revoked.toString());
            assertEquals(1, revoked.err().lines().count(), revoked.err());
            assertTrue(revoked.err().contains("Sign in again with 'login'"), revoked.err());
        }
    }

    @Test
    void aReaderCannotDeleteAnOwnerCan() {
        try (ShellHarness sh = ShellHarness.signedIn()) {
            sh.ok("group create -n alices-rg -l eastus -o none");
            sh.ok("role assignment create --assignee alice@sandbox.amlsh --role Reader -g alices-rg -o none");
            sh.ok("login --sandbox -u alice@sandbox.amlsh -o none");
            assertEquals("alices-rg\n", sh.ok("group show -n alices-rg --query name -o tsv"));
            Run delete = sh.run("group delete -n alices-rg --yes");
            assertEquals(1, delete.exitCode(), delete.toString());
            assertEquals(1, delete.err().lines().count(), delete.err());
            assertTrue(delete.err().startsWith("ERROR: (AuthorizationFailed)"), delete.err());
            assertEquals("true\n", sh.ok("group exists -n alices-rg"));
            sh.ok("login --sandbox -o none");
            sh.ok("role assignment create --assignee alice@sandbox.amlsh --role Owner -g alices-rg -o none");
            sh.ok("login --sandbox -u alice@sandbox.amlsh -o none");
            sh.ok("group delete -n alices-rg --yes");
            sh.ok("login --sandbox -o none");
            assertEquals("false\n", sh.ok("group exists -n alices-rg"));
        }
    }
}
