package dev.amlsh.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.amlsh.testing.ShellHarness;
import dev.amlsh.testing.ShellHarness.Run;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code sandbox faults} through the shell, and how commands ride out (or report) what the faults do. */
class FaultsCommandTest {
    private static ShellHarness sh;

    @BeforeAll
    static void start() {
        sh = ShellHarness.signedIn();
        sh.ok("group create -n rg1 -l eastus");
    }

    @AfterAll
    static void stop() {
        sh.close();
    }

    @BeforeEach
    void clear() {
        sh.ok("sandbox faults clear");
    }

    @Test
    void throttlingAndUnavailableReadsAreRetriedAndSucceed() {
        JsonObject rule = JsonParser.parseString(sh.ok("sandbox faults add --status 503 --method GET --path \"*/resourceGroups/*\" --times 2"))
                .getAsJsonObject();
        assertEquals("503,method=GET,path=*/resourceGroups/*,times=2", rule.get("spec").getAsString());
        assertTrue(sh.ok("group show -n rg1 --query name -o tsv").equals("rg1\n"));
        sh.ok("sandbox faults add --status 429 --retry-after 1 --method GET --every 2");
        for (int i = 0; i < 4; i++) {
            assertEquals("rg1\n", sh.ok("group show -n rg1 --query name -o tsv"));
        }
        JsonArray rules = JsonParser.parseString(sh.ok("sandbox faults list")).getAsJsonArray();
        assertEquals(2, rules.get(0).getAsJsonObject().get("fired").getAsInt());
        assertTrue(rules.get(1).getAsJsonObject().get("fired").getAsInt() >= 2, rules.toString());
        String table = sh.ok("sandbox faults list -o table");
        assertTrue(table.startsWith("Id    Spec"), table);
    }

    @Test
    void persistentServerErrorEndsInOneLineWithTheLastAttemptsRequestId() {
        sh.ok("sandbox faults add --status 500 --method GET --path \"*/resourceGroups/rg1\"");
        Run plain = sh.run("group show -n rg1");
        assertEquals(1, plain.exitCode());
        assertEquals(1, plain.err().lines().count(), plain.err());
        assertTrue(plain.err().startsWith("ERROR: (InternalServerError) Encountered internal server error."), plain.err());
        Run debug = sh.run("group show -n rg1 --debug");
        List<String> ids = debug.err().lines().filter(l -> l.startsWith("DEBUG: 500"))
                .map(l -> l.replaceAll(".*x-ms-request-id ([0-9a-f-]+)\\).*", "$1")).toList();
        assertEquals(4, ids.size(), "one try and three retries:\n" + debug.err());
        String error = debug.err().lines().filter(l -> l.startsWith("ERROR:")).findFirst().orElseThrow();
        assertTrue(error.contains("'" + ids.get(3) + "'"), "the last attempt's request ID: " + error);
        assertEquals(8, JsonParser.parseString(sh.ok("sandbox faults list")).getAsJsonArray().get(0).getAsJsonObject()
                .get("fired").getAsInt(), "two commands, four attempts each");
    }

    @Test
    void droppedConnectionsAndSlowAnswersAreRiddenOut() {
        sh.ok("sandbox faults add --drop --method GET --path \"*/rg1\" --times 2");
        assertEquals("rg1\n", sh.ok("group show -n rg1 --query name -o tsv"));
        sh.ok("sandbox faults clear");
        sh.ok("sandbox faults add --drop --method GET --path \"*/rg1\"");
        Run gone = sh.run("group show -n rg1");
        assertEquals(1, gone.exitCode());
        assertTrue(gone.err().startsWith("ERROR: Cannot reach 127.0.0.1:") && gone.err().lines().count() == 1, gone.err());
    }

    @Test
    void aChangeWhoseConnectionDropsAfterSendingSaysItsOutcomeIsUnknown() {
        sh.ok("sandbox faults add --drop --method PUT --path \"*/rg-drop\"");
        Run dropped = sh.run("group create -n rg-drop -l eastus");
        assertEquals(1, dropped.exitCode(), dropped.toString());
        assertEquals(1, dropped.err().lines().count(), dropped.err());
        assertTrue(dropped.err().startsWith("ERROR: No answer to PUT /subscriptions/") && dropped.err().contains("/rg-drop after it was sent")
                && dropped.err().contains("whether it took effect is unknown"), dropped.err());
        sh.ok("sandbox faults clear");
        sh.ok("sandbox faults add --drop --method GET --path \"*/rg-drop\"");
        Run read = sh.run("group show -n rg-drop");
        assertTrue(read.err().startsWith("ERROR: Cannot reach 127.0.0.1:"), "a read changes nothing: " + read.err());
    }

    @Test
    void failedDeleteOperationIsOneLineAndTheGroupStays() {
        sh.ok("group create -n rg-lro -l eastus");
        sh.ok("sandbox faults add --lro-fail --method DELETE --times 1");
        Run failed = sh.run("group delete -n rg-lro --yes");
        assertEquals(1, failed.exitCode(), failed.toString());
        assertEquals(1, failed.err().lines().count(), failed.err());
        assertTrue(failed.err().startsWith("ERROR: "), failed.err());
        assertEquals("Succeeded\n", sh.ok("group show -n rg-lro --query properties.provisioningState -o tsv"));
        sh.ok("group delete -n rg-lro --yes");
        assertEquals("false\n", sh.ok("group exists -n rg-lro"));
    }

    @Test
    void aSecondShellOnTheHomeObeysTheRulesIncludingAFailingTokenEndpoint() throws java.io.IOException {
        // azure-identity retries a failed token request once, so two failures make the command fail.
        sh.ok("sandbox faults add --token-fail --times 2");
        // the first shell's token is kept for the home's next processes: without it, the second asks for one
        java.nio.file.Path kept = sh.home().resolve("cache").resolve("tokens");
        try (var files = java.nio.file.Files.list(kept)) {
            for (java.nio.file.Path f : (Iterable<java.nio.file.Path>) files::iterator) {
                java.nio.file.Files.delete(f);
            }
        } catch (java.nio.file.NoSuchFileException none) {
            // nothing kept
        }
        try (ShellHarness second = ShellHarness.on(sh.home())) {
            Run noToken = second.run("group list");
            assertEquals(1, noToken.exitCode());
            assertEquals(1, noToken.err().lines().count(), noToken.err());
            assertTrue(noToken.err().contains("AADSTS90033"), noToken.err());
            assertTrue(second.ok("group list --query \"[].name\"").contains("rg1"), "the next try gets a token");
        }
    }

    @Test
    void badRulesAreUsageErrors() {
        Run bad = sh.run("sandbox faults add --status 200");
        assertEquals(2, bad.exitCode());
        assertEquals("ERROR: Bad fault rule: status must be a whole number from 400 to 599, not '200'. See 'sandbox faults add -h'.\n",
                bad.err());
        assertEquals(2, sh.run("sandbox faults add --drop --lro-fail").exitCode());
        assertEquals(3, sh.run("sandbox faults clear --id 99").exitCode());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code = dev.amlsh.app.Main.run(new String[] {"sandbox", "serve", "--fault", "503,colour=red"},
                Map.of("AMLSH_HOME", ShellHarness.newHome().toString()), e, e);
        assertEquals(2, code);
        Matcher m = Pattern.compile("^ERROR: Invalid value for option '--fault' \\(SPEC\\): '503,colour=red' is not a fault rule: unknown fault setting 'colour'").matcher(err.toString(StandardCharsets.UTF_8));
        assertTrue(m.find(), err.toString(StandardCharsets.UTF_8));
    }
}
