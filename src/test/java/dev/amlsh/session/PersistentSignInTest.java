package dev.amlsh.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.amlsh.sandbox.Sandbox;
import dev.amlsh.sandbox.SandboxOptions;
import dev.amlsh.sandbox.SandboxSeed;
import dev.amlsh.testing.ShellHarness;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A device-code sign-in that lasts: {@code login} in one amlsh process, commands in the next ones
 * (real child JVMs on the same home), access tokens renewed silently from the persisted MSAL cache
 * (a 0600 file here: these processes have no keyring), and {@code logout} removing it.
 */
@Timeout(600)
class PersistentSignInTest {

    @Test
    void loginInOneProcessCommandsInTheNextUntilLogout() throws Exception {
        Path home = ShellHarness.newHome();
        try (Sandbox sandbox = Sandbox.start(new SandboxOptions(home.resolve("sandbox"), 0, Duration.ZERO))) {
            String endpoint = sandbox.endpoint().toString();
            Path setup = home.resolve("setup.amlsh");
            Files.writeString(setup, "cloud register -n Stable --endpoint-resource-manager " + endpoint
                    + " --endpoint-active-directory " + endpoint + "adfs --ca-cert " + sandbox.certificatePem() + "\n"
                    + "cloud set -n Stable\n");
            ChildProcess registered = ChildProcess.run(home, Map.of(), setup.toString());
            assertEquals(0, registered.code(), registered.toString());

            HttpClient browser = HttpClient.newBuilder().sslContext(PemTrust.sslContext(sandbox.certificatePem())).build();
            Pattern page = Pattern.compile("open the page (\\S+) and enter the code ");
            AtomicReference<String> approval = new AtomicReference<>("never asked");
            ChildProcess login = ChildProcess.run(home, Map.of(), line -> {
                Matcher m = page.matcher(line);
                if (m.find()) {
                    try {
                        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create(m.group(1))).build(),
                                HttpResponse.BodyHandlers.ofString());
                        approval.set(r.statusCode() + " " + r.body());
                    } catch (Exception e) {
                        approval.set("failed: " + e);
                    }
                }
            }, "-c", "login --use-device-code -u " + SandboxSeed.ADMIN_USER + " -o none");
            assertEquals(0, login.code(), login + "\napproval: " + approval.get());
            assertTrue(approval.get().startsWith("200"), approval.get());
            Path cache = home.resolve(TokenCache.FILE);
            String[] said = login.err().split("\n");
            assertEquals(2, said.length, login.err());
            assertEquals("No keyring on this machine: your sign-in is kept unencrypted in " + cache
                    + " (readable only by you), as the Azure CLI does on Linux; 'logout' removes it.", said[1]);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));
            JsonObject kept = JsonParser.parseString(Files.readString(cache)).getAsJsonObject();
            assertEquals(1, kept.getAsJsonObject("RefreshToken").size(), kept.keySet().toString());
            assertFalse(Files.readString(home.resolve("config.json")).contains(kept.getAsJsonObject("RefreshToken")
                    .entrySet().iterator().next().getValue().getAsJsonObject().get("secret").getAsString()));

            ChildProcess next = ChildProcess.run(home, Map.of(), "-c", "group create -n persisted -l eastus --query name -o tsv");
            assertEquals(0, next.code(), next.toString());
            assertEquals("persisted\n", next.out());
            assertEquals("", next.err(), "the next process asks nothing");

            // The access token runs out: the next process renews it with the refresh token, silently.
            for (var at : kept.getAsJsonObject("AccessToken").entrySet()) {
                at.getValue().getAsJsonObject().addProperty("expires_on", "1000");
                at.getValue().getAsJsonObject().addProperty("extended_expires_on", "1000");
            }
            AmlshHome.writeAtomically(cache, kept.toString());
            ChildProcess renewed = ChildProcess.run(home, Map.of(), "-c", "account show --query \"join(' ', [user.name, user.credential])\" -o tsv");
            assertEquals(0, renewed.code(), renewed.toString());
            assertEquals(SandboxSeed.ADMIN_USER + " deviceCode\n", renewed.out());
            assertEquals(0, ChildProcess.run(home, Map.of(), "-c", "group show -n persisted -o none").code());
            JsonObject after = JsonParser.parseString(Files.readString(cache)).getAsJsonObject();
            long expires = after.getAsJsonObject("AccessToken").entrySet().stream()
                    .mapToLong(e -> Long.parseLong(e.getValue().getAsJsonObject().get("expires_on").getAsString())).max().orElse(0);
            assertTrue(expires > Instant.now().getEpochSecond() + 600, "a new access token was cached: " + after);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));

            ChildProcess logout = ChildProcess.run(home, Map.of(), "-c", "logout");
            assertEquals(0, logout.code(), logout.toString());
            assertFalse(Files.exists(cache), "logout removes the token cache");
            ChildProcess signedOut = ChildProcess.run(home, Map.of(), "-c", "group list");
            assertEquals(2, signedOut.code(), signedOut.toString());
            assertEquals("ERROR: You are not signed in. Sign in with 'login' (or 'login --sandbox').\n", signedOut.err());
        }
    }
}
