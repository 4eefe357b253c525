package dev.amlsh.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amlsh.testing.ChildAmlsh;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** amlsh's modes as a user starts them: one command, a script, piped input, a second process. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LauncherTest {
    @TempDir
    Path home;

    record Result(int code, String out, String err) {
    }

    @org.junit.jupiter.api.AfterEach
    void stopTheSandboxAChildProcessStarted() {
        dev.amlsh.testing.AmlshProcesses.stopSandbox(home);
    }

    Result main(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, Map.of("AMLSH_HOME", home.toString(), "AMLSH_SANDBOX_LRO_DELAY_MS", "0"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void firstRunIsSignedInToTheSandboxAndOneCommandRuns() {
        Result r = main("-c", "group create -n rg1 -l eastus --query name -o tsv");
        assertEquals(0, r.code(), r.err());
        assertEquals("rg1\n", r.out());
        Result words = main("group", "show", "-n", "rg1", "--query", "location", "-o", "tsv");
        assertEquals("eastus\n", words.out());
        assertEquals(3, main("-c", "group show -n nope").code());
        assertEquals(2, main("-c", "group frobnicate").code());
    }

    @Test
    void oneCommandStillSeesEveryGroupForHelpAndTypos() {
        Result help = main("-c", "help");
        assertEquals(0, help.code(), help.err());
        String out = help.out();
        // every group, in the order help always listed them
        assertTrue(out.indexOf("login") < out.indexOf("group") && out.indexOf("group") < out.indexOf("keyvault")
                && out.indexOf("keyvault") < out.indexOf("tour"), out);
        Result typo = main("-c", "grup list");
        assertEquals(2, typo.code());
        assertTrue(typo.err().contains("'group'"), typo.err());
        Result groupHelp = main("help", "keyvault");
        assertEquals(0, groupHelp.code(), groupHelp.err());
        assertTrue(groupHelp.out().contains("Manage key vaults."), groupHelp.out());
        Result misplaced = main("-c", "workspace list");
        assertEquals(2, misplaced.code());
        assertTrue(misplaced.err().contains("ml workspace"), misplaced.err());
    }

    @Test
    void scriptStopsAtTheFirstFailureWithFileAndLine() throws Exception {
        Path script = home.resolve("setup.amlsh");
        Files.writeString(script, """
                #!/usr/bin/env amlsh
                # make two groups, then fail
                group create -n s1 \\
                    -l eastus -o none

                group show -n missing
                group create -n s2 -l eastus -o none
                """);
        Result r = main(script.toString());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().startsWith("setup.amlsh:6: ERROR: (ResourceGroupNotFound)"), r.err());
        assertEquals("true\n", main("-c", "group exists -n s1").out());
        assertEquals("false\n", main("-c", "group exists -n s2").out());
        assertEquals(2, main("-f", home.resolve("nope.amlsh").toString()).code());
    }

    @Test
    void aSecondProcessSeesWhatTheFirstWrote() throws Exception {
        assertEquals(0, main("-c", "group create -n shared -l eastus -o none").code());
        ChildAmlsh.Result other = ChildAmlsh.start(home, null, "-c", "group show -n shared --query id -o tsv").await(Duration.ofSeconds(90));
        assertEquals(0, other.exitCode(), other.toString());
        assertTrue(other.out().strip().endsWith("/resourceGroups/shared"), other.toString());
    }

    @Test
    void commandsFromStandardInput() throws Exception {
        ChildAmlsh.Result piped = ChildAmlsh.start(home, "group create -n piped -l eastus -o none\ngroup list --query \"[].name\" -o tsv\n")
                .await(Duration.ofSeconds(90));
        assertEquals(0, piped.exitCode(), piped.toString());
        assertEquals("piped\n", piped.out());
    }

    @Test
    void whatIfAndTraceFlagsComeBeforeTheScript() throws Exception {
        Path script = home.resolve("make.amlsh");
        Files.writeString(script, "group create -n flagged -l eastus -o none\nprint \"made $1\"\n");
        Result dry = main("--what-if", script.toString(), "it");
        assertEquals(0, dry.code(), dry.err());
        assertEquals("would run: group create -n flagged -l eastus -o none\nwould print: made it\n", dry.out());
        Result traced = main("-x", "-f", script.toString(), "it");
        assertEquals(0, traced.code(), traced.err());
        assertEquals("made it\n", traced.out());
        assertTrue(traced.err().contains("+ group create -n flagged -l eastus -o none\n"), traced.err());
    }

    @Test
    void anExecutableScriptWithAShebangRunsWithoutTheExtension() throws Exception {
        Path script = home.resolve("provision");
        Files.writeString(script, "#!/usr/bin/env amlsh\nprint \"$# args: $1\"\n");
        Result r = main(script.toString(), "rg9");
        assertEquals(0, r.code(), r.err());
        assertEquals("1 args: rg9\n", r.out());
    }

}
