package dev.amlsh.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amlsh.testing.ShellHarness;
import dev.amlsh.testing.ShellHarness.Run;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code ??}, {@code $_} and {@code tour} typed into the shell, against the sandbox. */
class LastResultAndTourTest {
    static ShellHarness sh;

    @BeforeAll
    static void start() {
        sh = ShellHarness.signedIn();
        sh.ok("group create -n lr-one -l eastus -o none");
        sh.ok("group create -n lr-two -l westus -o none");
    }

    @AfterAll
    static void stop() {
        sh.close();
    }

    @Test
    void queryTheLastResult() {
        sh.ok("group list --query \"[?starts_with(name, 'lr-')].name\"");
        assertEquals("[\n  \"lr-one\",\n  \"lr-two\"\n]\n", sh.ok("?? [?starts_with(name, 'lr-')].name"),
                "?? works on what the command returned before its --query");
        assertEquals("\"westus\"\n", sh.ok("?? [?name=='lr-two'].location | [0]"), "the last result stays for the next ??");
        Run bad = sh.run("?? [?");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().startsWith("ERROR: ") && bad.err().contains("'??'"), bad.err());
    }

    @Test
    void dollarUnderscorePassesAValueOn() {
        sh.ok("group show -n lr-one");
        assertTrue(sh.ok("group show -n $_.name --query location -o tsv").equals("eastus\n"));
        sh.ok("group exists -n lr-two");
        Run scalar = sh.run("group show -n lr-$_");
        assertTrue(scalar.err().contains("'lr-true' could not be found"), "a scalar last result, inside a word: " + scalar.err());
        assertEquals("[\n  \"$_\"\n]\n", sh.ok("group list --query '[?name==`\"lr-one\"`].[`\"$_\"`] | [0]'"),
                "single quotes keep $_ as it is");
        sh.ok("group list");
        Run list = sh.run("group show -n $_");
        assertEquals(2, list.exitCode());
        assertTrue(list.err().contains("is a list, not a single value"), list.err());
        Run missing = sh.run("group show -n $_[0].nosuch");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("has no value"), missing.err());
    }

    @Test
    void tourWithoutATerminalPrintsTheStepsAndCommands() {
        String out = sh.ok("tour");
        assertTrue(out.startsWith("Step 1 of " + TourStep.WORKFLOW.size() + " (§0): Pick the subscription\n"), out);
        for (TourStep s : TourStep.WORKFLOW) {
            assertTrue(out.contains("  " + s.command()), "shows " + s.command());
        }
        assertTrue(out.contains("(explained only)"));
        assertTrue(sh.ok("tour --list --from 12").startsWith("Step 12 of 12 (§7): Delete the resource group\n"));
    }

    @Test
    void tourRunsStepsChecksThemAndAcceptsTheUsersOwnCommand() {
        Deque<String> answers = new ArrayDeque<>(List.of("", "s", "group create -n tour-rg -l westus", "q"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream p = new PrintStream(out, true, StandardCharsets.UTF_8);
        CommandIo io = new CommandIo(p, p, true, false, q -> true, null, q -> {
            p.print(q);
            return answers.poll();
        });
        assertEquals(0, sh.dispatcher().dispatch("tour", io));
        String shown = out.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("  $ account set -s Sandbox\n[Enter] run it"), shown);
        assertTrue(shown.contains("ok: step 1 done."), "checked with 'account show': " + shown);
        assertTrue(shown.contains("Step 2 of") && shown.contains("Step 3 of"), "s skipped step 2: " + shown);
        assertTrue(shown.contains("  $ group create -n tour-rg -l westus\n") && shown.contains("ok: step 3 done."), shown);
        assertTrue(shown.contains("Tour stopped. Go on later with 'tour --from 4'."), shown);
        assertEquals("westus\n", sh.ok("group show -n tour-rg --query location -o tsv"));
    }

    @Test
    void aFailedStepIsNotPassed() {
        Deque<String> answers = new ArrayDeque<>(List.of("group show -n no-such-group", "q"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream p = new PrintStream(out, true, StandardCharsets.UTF_8);
        CommandIo io = new CommandIo(p, p, true, false, q -> true, null, q -> answers.poll());
        assertEquals(0, sh.dispatcher().dispatch("tour --from 3", io));
        String shown = out.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("not yet: the command failed"), shown);
        assertTrue(shown.contains("go on later with 'tour --from 3'".replace("go", "Go")), shown);
    }
}
