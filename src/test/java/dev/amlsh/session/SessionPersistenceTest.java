package dev.amlsh.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amlsh.testing.ShellHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/** The session outlives the shell: what one shell sets, the next one starts with. */
class SessionPersistenceTest {

    @Test
    void subscriptionGroupAndDefaultsAreRestored() throws Exception {
        Path home;
        try (ShellHarness first = ShellHarness.signedIn()) {
            home = first.home();
            first.ok("group create -n kept -l eastus");
            first.ok("use kept");
            first.ok("configure --defaults location=westus2");
            first.ok("account set -s \"Sandbox Unregistered\"");
        }
        try (ShellHarness second = ShellHarness.on(home)) {
            SessionState state = second.session().state();
            assertEquals("kept", state.defaultValue("group").orElseThrow());
            assertEquals("westus2", state.defaultValue("location").orElseThrow());
            assertEquals("Sandbox Unregistered", state.currentSubscription().orElseThrow().name());
            second.ok("account set -s Sandbox");
            assertEquals("kept\n", second.ok("group show --query name -o tsv"));
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("config.json"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home)));
        String config = Files.readString(home.resolve("config.json"));
        assertTrue(!config.toLowerCase().contains("secret") && !config.contains("access_token"), config);
    }

    @Test
    void corruptConfigGivesAWarningAndAWorkingShell() throws Exception {
        Path home = ShellHarness.newHome();
        Files.writeString(home.resolve("config.json"), "{ this is not json");
        try (ShellHarness sh = ShellHarness.on(home)) {
            assertEquals(1, sh.session().warnings().size());
            assertTrue(sh.session().warnings().get(0).contains("corrupt"), sh.session().warnings().toString());
            sh.ok("login --sandbox -o none");
            assertEquals("[]\n", sh.ok("group list"));
        }
        assertTrue(Files.exists(home.resolve("config.json.corrupt")));
    }
}
