package dev.amlsh.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amlsh.testing.AmlshProcesses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One-shot commands on the sandbox reuse the token the previous one got, and nothing breaks when it is gone or bad. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SandboxTokensTest {
    @TempDir
    Path home;

    @AfterEach
    void stopTheSandbox() {
        dev.amlsh.testing.AmlshProcesses.stopSandbox(home);
    }

    /** amlsh in its own process, as users run it: the processes share the home's background sandbox. */
    private AmlshProcesses.Result amlsh(String... args) throws IOException, InterruptedException {
        return AmlshProcesses.run(home, args);
    }

    private List<Path> kept() throws IOException {
        Path dir = home.resolve("cache").resolve(SandboxTokens.DIRECTORY);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    @Test
    void aSecondCommandUsesTheTokenTheFirstGot() throws Exception {
        assertEquals(0, amlsh("-c", "group create -n t1 -l eastus -o none").exitCode());
        List<Path> files = kept();
        assertEquals(1, files.size(), files.toString());
        Path token = files.get(0);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(token)));
        String first = Files.readString(token);
        assertTrue(first.contains("\"token\"") && !first.toLowerCase().contains("secret"), first);

        AmlshProcesses.Result show = amlsh("-c", "group show -n t1 --query name -o tsv");
        assertEquals("t1\n", show.out(), show.toString());
        assertEquals(first, Files.readString(token), "the second process asked for a new token instead of reusing it");
    }

    @Test
    void aDamagedTokenFileOnlyCostsANewSignIn() throws Exception {
        assertEquals(0, amlsh("-c", "group create -n t2 -l eastus -o none").exitCode());
        Path token = kept().get(0);
        Files.writeString(token, "{ not json");
        AmlshProcesses.Result show = amlsh("-c", "group show -n t2 --query name -o tsv");
        assertEquals("t2\n", show.out(), show.toString());
        assertTrue(Files.readString(token).contains("\"token\""), "a new token is kept in place of the damaged one: " + kept()
                + " " + Files.readString(token));
    }

    @Test
    void aRestartedSandboxIssuesNewTokensAndLogoutRemovesThem() throws Exception {
        assertEquals(0, amlsh("-c", "group create -n t3 -l eastus -o none").exitCode());
        List<Path> before = kept();
        assertEquals(0, amlsh("-c", "sandbox stop").exitCode());
        AmlshProcesses.Result show = amlsh("-c", "group show -n t3 --query name -o tsv");
        assertEquals("t3\n", show.out(), show.toString());
        List<Path> after = kept();
        assertEquals(2, after.size(), "a token of the new service, beside the old one: " + after);
        assertTrue(after.containsAll(before));

        assertEquals(0, amlsh("-c", "logout").exitCode());
        assertEquals(List.of(), kept());
        AmlshProcesses.Result signedOut = amlsh("-c", "group list");
        assertEquals(2, signedOut.exitCode(), signedOut.toString());
        assertTrue(signedOut.err().contains("login"), "after logout a command says to sign in: " + signedOut);
        assertEquals(List.of(), kept(), "no token is kept for a session that is signed out");
    }
}
