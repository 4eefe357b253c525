package dev.amlsh.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amlsh.testing.ShellHarness;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A home, config.json or key store that amlsh cannot use is named, with what is wrong with it: not called a network problem. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LocalFilesTest {
    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out ---\n" + out + "--- err ---\n" + err;
        }
    }

    static Result amlsh(Path home, String command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"-c", command}, Map.of("AMLSH_HOME", home.toString(), "AMLSH_SANDBOX_LRO_DELAY_MS", "0"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static void assertOneLocalError(Result r, String expectedStart) {
        assertEquals(1, r.code(), r.toString());
        assertEquals("", r.out(), r.toString());
        assertEquals(1, r.err().lines().count(), r.toString());
        assertTrue(r.err().startsWith(expectedStart), r.toString());
        assertFalse(r.err().contains("Cannot reach the cloud") || r.err().contains("network"), r.toString());
    }

    @Test
    void aHomeThatIsAFile() throws Exception {
        Path home = ShellHarness.newHome().resolve("home");
        Files.writeString(home, "not a folder");
        assertOneLocalError(amlsh(home, "group list"), "ERROR: Cannot use " + home + " as amlsh's home: it is a file, not a folder.");
    }

    @Test
    void aConfigThatIsAFolder() throws Exception {
        Path home = ShellHarness.newHome();
        Files.createDirectories(home.resolve("config.json"));
        assertOneLocalError(amlsh(home, "group list"), "ERROR: Cannot use " + home.resolve("config.json") + ": it is a folder, not a file.");
    }

    @Test
    void aFileWhereTheSandboxFolderGoes() throws Exception {
        Path home = ShellHarness.newHome();
        Files.writeString(home.resolve("sandbox"), "");
        assertOneLocalError(amlsh(home, "group list"), "ERROR: Cannot use " + home.resolve("sandbox") + ": ");
    }

    @Test
    void anUnwritableHome() throws Exception {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "root writes into a read-only folder");
        Path home = ShellHarness.newHome();
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("r-x------"));
        assertOneLocalError(amlsh(home, "group list"), "ERROR: Cannot use " + home.resolve("sandbox") + ": permission denied.");
    }

    @Test
    void aDamagedKeyStoreIsNamedAndMadeAgainOnceDeleted() throws Exception {
        Path home = ShellHarness.newHome();
        assertEquals(0, amlsh(home, "group list -o none").code());
        Path keystore = home.resolve("sandbox/certs/sandbox.p12");
        assertTrue(Files.exists(keystore));
        Files.writeString(keystore, "garbage");
        Result damaged = amlsh(home, "group list");
        assertOneLocalError(damaged, "ERROR: Cannot use " + keystore + ": damaged (");
        assertTrue(damaged.err().contains("Delete it (amlsh makes a new one)"), damaged.toString());
        Files.delete(keystore);
        Result again = amlsh(home, "group list");
        assertEquals(0, again.code(), again.toString());
        assertEquals("[]\n", again.out());
    }

    @Test
    void aReadOnlyHomeKeepsItsMode() throws Exception {
        Path home = ShellHarness.newHome();
        assertEquals(0, amlsh(home, "group list -o none").code());
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("r-x------"));
        Result r = amlsh(home, "configure --defaults location=eastus");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            assertEquals(0, r.code(), r.toString());
        } else {
            assertOneLocalError(r, "ERROR: Cannot use " + home.resolve("config.json"));
        }
        assertEquals("r-x------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home)));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void aCorruptConfigIsSetAsideAndTheShellIsSignedInAsOnAFreshHome() throws Exception {
        Path home = ShellHarness.newHome();
        Files.writeString(home.resolve("config.json"), "{ this is not json");
        Result r = amlsh(home, "account show --query user.name -o tsv");
        assertEquals(0, r.code(), r.toString());
        assertEquals("admin@sandbox.amlsh\n", r.out());
        assertEquals("WARNING: " + home.resolve("config.json") + " is corrupt and was moved to " + home.resolve("config.json.corrupt")
                + "; starting with a fresh session on the sandbox (run 'login' to sign in to another cloud again).\n", r.err());
        assertEquals("{ this is not json", Files.readString(home.resolve("config.json.corrupt")));
    }

    @Test
    void anUnknownSecretOptionIsNotRepeated() {
        try (ShellHarness sh = ShellHarness.signedIn()) {
            ShellHarness.Run r = sh.run("login --service-principal -u app --secret hunter2 --tenant t");
            assertEquals(2, r.exitCode(), r.toString());
            assertFalse(r.err().contains("hunter2"), r.err());
            assertTrue(r.err().startsWith("ERROR: Unrecognized arguments: --secret ***"), r.err());
            ShellHarness.Run attached = sh.run("group list --client-secret=hunter2");
            assertEquals(2, attached.exitCode(), attached.toString());
            assertFalse(attached.err().contains("hunter2"), attached.err());
        }
    }
}
