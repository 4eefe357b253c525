package dev.amlsh.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File mode: state, certificate and signing key live in the home and are shared by every sandbox using it. */
class SharedHomeTest {
    private static final String GROUPS = "/subscriptions/" + SandboxSeed.SUBSCRIPTION_ID + "/resourcegroups/";

    @TempDir
    static Path parent;
    private static Path home;

    @BeforeAll
    static void home() {
        home = parent.resolve("sandbox");
    }

    private static Sandbox start() throws Exception {
        return Sandbox.start(new SandboxOptions(home, 0, Duration.ZERO));
    }

    @Test
    void twoSandboxesOnOneHomeShareStateTokensAndOperations() throws Exception {
        try (Sandbox a = start(); Sandbox b = start()) {
            SandboxHttp httpA = new SandboxHttp(a);
            SandboxHttp httpB = new SandboxHttp(b);
            assertEquals(201, httpA.put(GROUPS + "shared", "{\"location\":\"eastus\"}").status());
            assertEquals("shared", httpB.get(GROUPS + "SHARED").json().get("name").getAsString());
            assertEquals(200, httpB.put(GROUPS + "Shared", "{\"location\":\"eastus\"}").status());
            assertEquals("Shared", httpA.get(GROUPS + "shared").json().get("name").getAsString());
            assertEquals(200, httpB.raw("GET", "subscriptions?api-version=2022-12-01", null,
                    java.util.Map.of("Authorization", "Bearer " + httpA.token())).status(), "a token from A works on B");
            SandboxHttp.Response del = httpA.delete(GROUPS + "shared");
            String status = del.header("Azure-AsyncOperation").substring(a.endpoint().toString().length() - 1);
            assertEquals("Succeeded", httpB.send("GET", status, null).json().get("status").getAsString());
            assertEquals(404, httpB.get(GROUPS + "shared").status());
        }
    }

    @Test
    void restartKeepsCertificateKeysAndData() throws Exception {
        byte[] pem;
        String token;
        try (Sandbox first = start()) {
            SandboxHttp http = new SandboxHttp(first);
            http.put(GROUPS + "survivor", "{\"location\":\"eastus\",\"tags\":{\"keep\":\"me\"}}");
            pem = Files.readAllBytes(first.certificatePem());
            token = http.token();
            assertEquals(home.resolve("certificate.pem"), first.certificatePem());
        }
        try (Sandbox second = start()) {
            assertArrayEquals(pem, Files.readAllBytes(second.certificatePem()));
            SandboxHttp http = new SandboxHttp(second);
            assertEquals("me", http.get(GROUPS + "survivor").json().getAsJsonObject("tags").get("keep").getAsString());
            assertEquals(200, http.raw("GET", "subscriptions?api-version=2022-12-01", null,
                    java.util.Map.of("Authorization", "Bearer " + token)).status(), "tokens survive a restart");
        }
    }

    @Test
    void resetWipesStateAndSeedsItAgain() throws Exception {
        try (Sandbox sandbox = start()) {
            SandboxHttp http = new SandboxHttp(sandbox);
            http.put(GROUPS + "before-reset", "{\"location\":\"eastus\"}");
            http.post("/subscriptions/" + SandboxSeed.UNREGISTERED_SUBSCRIPTION_ID + "/providers/Microsoft.MachineLearningServices/register", null);
            sandbox.reset();
            assertEquals(404, http.get(GROUPS + "before-reset").status());
            assertEquals(2, http.get("/subscriptions").json().getAsJsonArray("value").size());
            assertEquals("NotRegistered", http.get("/subscriptions/" + SandboxSeed.UNREGISTERED_SUBSCRIPTION_ID
                    + "/providers/Microsoft.MachineLearningServices").json().get("registrationState").getAsString());
        }
    }

    @Test
    void homeFilesArePrivate() throws Exception {
        try (Sandbox sandbox = start()) {
            new SandboxHttp(sandbox).put(GROUPS + "perm", "{\"location\":\"eastus\"}");
            for (String dir : new String[] {"", "certs", "keys"}) {
                assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve(dir))), dir);
            }
            for (String file : new String[] {"sandbox.db", "certificate.pem", "certs/sandbox.p12", "certs/keystore.pass",
                    "keys/token-signing.pem"}) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve(file))), file);
            }
            String db = Files.readString(home.resolve("sandbox.db"), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertTrue(!db.contains(SandboxSeed.ADMIN_CLIENT_SECRET), "secrets are stored hashed");
        }
    }
}
