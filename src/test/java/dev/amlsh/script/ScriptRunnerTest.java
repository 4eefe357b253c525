package dev.amlsh.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amlsh.testing.ShellHarness;
import dev.amlsh.testing.ShellHarness.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a script does to the cloud and the session, beyond what it prints (see the golden files for that). */
class ScriptRunnerTest {
    static ShellHarness sh;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        sh = ShellHarness.signedIn();
        sh.dispatcher().scriptHost(ScriptRunner.host(sh.dispatcher(), Map.of()));
    }

    @AfterAll
    static void stop() {
        sh.close();
    }

    ScriptGoldenTest.Result script(String text, String... flagsThenArgs) throws Exception {
        Path file = dir.resolve("t.amlsh");
        Files.writeString(file, text);
        List<String> argv = new java.util.ArrayList<>();
        int i = 0;
        while (i < flagsThenArgs.length && flagsThenArgs[i].startsWith("-")) {
            argv.add(flagsThenArgs[i++]);
        }
        argv.add(file.toString());
        argv.addAll(List.of(flagsThenArgs).subList(i, flagsThenArgs.length));
        return ScriptGoldenTest.run(sh, argv);
    }

    String groups() {
        return sh.ok("group list --query \"sort([].name)\" -o tsv");
    }

    @Test
    void aSyntaxErrorStopsTheScriptBeforeItsFirstCommand() throws Exception {
        String before = groups();
        ScriptGoldenTest.Result r = script("group create -n rg-syntax -l eastus\nfor x in a b\n  print $x\n");
        assertEquals(2, r.code());
        assertEquals("t.amlsh:2:1: syntax error: 'for' is not closed. Add a line 'end' after its commands.\n", r.err());
        assertEquals(before, groups());
    }

    @Test
    void whatIfReachesNothing() throws Exception {
        sh.ok("group create -n rg-keep -l eastus -o none");
        sh.ok("use rg-keep");
        String before = groups();
        String subscription = sh.ok("account show --query name -o tsv");
        String tags = sh.ok("group show -n rg-keep --query tags");
        ScriptGoldenTest.Result r = script("""
                group create -n rg-new -l eastus
                group delete -n rg-keep --yes
                account set -s "Sandbox Unregistered"
                use --none
                group show -n rg-that-does-not-exist
                id=$(group show -n rg-keep --query id -o tsv)
                group update -n rg-keep --tags "id=$id"
                """, "--what-if");
        assertEquals(0, r.code(), r.err());
        assertEquals(7, r.out().lines().filter(l -> l.startsWith("would run: ")).count(), r.out());
        assertEquals(before, groups());
        assertEquals(subscription, sh.ok("account show --query name -o tsv"));
        assertEquals("rg-keep", sh.session().state().defaultValue("group").orElse(""));
        assertEquals(tags, sh.ok("group show -n rg-keep --query tags"));
        sh.ok("use --none");
    }

    @Test
    void sourceInTheShellSharesTheSessionBothWays() throws Exception {
        sh.ok("group create -n rg-src-a -l eastus -o none");
        sh.ok("group create -n rg-src-b -l westus2 -o none");
        sh.ok("use rg-src-a");
        Path file = dir.resolve("switch.amlsh");
        Files.writeString(file, """
                print "started in $(group show --query name -o tsv), $# args"
                use $1
                """);
        Run r = sh.run("source " + file + " rg-src-b");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("started in rg-src-a, 1 args\n", r.out());
        assertEquals("rg-src-b\n", sh.ok("group show --query name -o tsv"));
        sh.ok("use --none");
    }

    @Test
    void sourceInTheShellReportsTheScriptsErrorOnce() throws Exception {
        Path file = dir.resolve("fails.amlsh");
        Files.writeString(file, "print one\ngroup show -n rg-none-here\nprint two\n");
        Run r = sh.run("source " + file);
        assertEquals(3, r.exitCode());
        assertEquals("one\n", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith(file + ":2: ERROR: (ResourceGroupNotFound)"), r.err());
        assertEquals(2, sh.run("source " + dir.resolve("none.amlsh")).exitCode());
    }

    @Test
    void timingPrintsOneLinePerCommand() throws Exception {
        Path file = dir.resolve("timed.amlsh");
        Files.writeString(file, "x=$(group exists -n a)\ngroup exists -n b -o none\nprint $x\n");
        ScriptGoldenTest.Result r;
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        int code = ScriptRunner.main(List.of(file.toString()), sh.dispatcher(),
                dev.amlsh.command.CommandIo.plain(new java.io.PrintStream(out, true), new java.io.PrintStream(err, true)),
                Map.of(ScriptRunner.TIMING_ENV, "1"));
        r = new ScriptGoldenTest.Result(code, out.toString(), err.toString());
        assertEquals(0, r.code());
        assertEquals("false\n", r.out());
        List<String> lines = r.err().lines().toList();
        assertEquals(2, lines.size(), r.err());
        assertTrue(lines.get(0).matches("timing: timed\\.amlsh:1 [0-9]+\\.[0-9]{3} ms"), lines.get(0));
        assertTrue(lines.get(1).startsWith("timing: timed.amlsh:2 "), lines.get(1));
    }

    @Test
    void argumentsAfterTheFileAreTheScriptsEvenWhenTheyLookLikeOptions() throws Exception {
        Path file = dir.resolve("opts.amlsh");
        Files.writeString(file, "print \"$#: $1 $2 $3\"\n");
        ScriptGoldenTest.Result traced = ScriptGoldenTest.run(sh, List.of("-x", file.toString(), "-g", "rg1", "--what-if"));
        assertEquals(0, traced.code(), traced.err());
        assertEquals("3: -g rg1 --what-if\n", traced.out());
        ScriptGoldenTest.Result withF = ScriptGoldenTest.run(sh, List.of("-f", file.toString(), "-x", "-f", "b"));
        assertEquals(0, withF.code(), withF.err());
        assertEquals("3: -x -f b\n", withF.out());
        assertEquals("", withF.err());

        ScriptGoldenTest.Result none = ScriptGoldenTest.run(sh, List.of("--what-if", "-x"));
        assertEquals(2, none.code());
        assertEquals("ERROR: Which script? Give its file, e.g. amlsh -f deploy.amlsh or amlsh --what-if deploy.amlsh. "
                + "See 'amlsh --help'.\n", none.err());
        ScriptGoldenTest.Result bogus = ScriptGoldenTest.run(sh, List.of("--bogus", file.toString()));
        assertEquals(2, bogus.code());
        assertEquals("ERROR: Unknown option: '--bogus'. See 'amlsh --help'.\n", bogus.err());
        assertEquals("", bogus.out());
    }
}
