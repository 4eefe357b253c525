package dev.amlsh.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amlsh.session.AmlshHome;
import dev.amlsh.session.Session;
import dev.amlsh.testing.ShellHarness;
import dev.amlsh.testing.ShellHarness.Run;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Help next to every command (STYLE principle 7): each command of the tree, whoever wrote it, has
 * a summary, a description for every option and at least one example; defaults are shown.
 */
@org.junit.jupiter.api.Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
class HelpTest {
    static Session session;
    static ShellHarness sh;

    @BeforeAll
    static void open() {
        session = Session.open(new AmlshHome(ShellHarness.newHome()), Duration.ZERO);
        sh = ShellHarness.on(ShellHarness.newHome());
    }

    @AfterAll
    static void close() {
        session.close();
        sh.close();
    }

    @Test
    void everyCommandHasASummaryOptionDescriptionsAndAnExample() {
        List<String> missing = new ArrayList<>();
        check(new Dispatcher(session).tree(), missing);
        assertEquals(List.of(), missing, "commands without help");
    }

    private static void check(CommandLine c, List<String> missing) {
        String path = c.getParent() == null ? "amlsh" : UsageErrors.commandPath(c);
        var usage = c.getCommandSpec().usageMessage();
        if (usage.description().length == 0 || usage.description()[0].isBlank()) {
            missing.add(path + ": no description");
        }
        if (usage.footer().length == 0 || java.util.Arrays.stream(usage.footer()).noneMatch(l -> l.startsWith("  "))) {
            missing.add(path + ": no example in the footer");
        }
        for (OptionSpec o : c.getCommandSpec().options()) {
            if (o.description().length == 0 || o.description()[0].isBlank()) {
                missing.add(path + " " + o.longestName() + ": no description");
            }
        }
        c.getSubcommands().values().forEach(sub -> check(sub, missing));
    }

    /**
     * picocli warns on standard error (not in the text) about help it cannot format, such as a lone
     * %, through a stream it took when it loaded: only a process of its own shows what a user sees.
     */
    @Test
    void everyCommandsHelpPrintsWithoutPicocliWarnings() throws Exception {
        List<String> paths = new ArrayList<>();
        leaves(new Dispatcher(session).tree(), paths);
        assertTrue(paths.size() > 50, "commands: " + paths);
        StringBuilder script = new StringBuilder();
        paths.forEach(p -> script.append("help ").append(p).append("\n"));
        dev.amlsh.testing.ChildAmlsh.Result r = dev.amlsh.testing.ChildAmlsh.start(ShellHarness.newHome(), script.toString())
                .await(Duration.ofMinutes(3));
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("", r.err(), "what picocli printed on standard error");
        assertTrue(r.out().contains("none of % & \\ ? /"), "the component name rules in the help");
    }

    private static void leaves(CommandLine c, List<String> paths) {
        if (c.getSubcommands().isEmpty()) {
            paths.add(UsageErrors.commandPath(c));
        }
        c.getSubcommands().values().forEach(sub -> leaves(sub, paths));
    }

    @Test
    void helpShowsDefaultsAndExamples() {
        String tour = sh.ok("help tour");
        assertTrue(tour.contains("--from=STEP") && tour.contains("Default: 1"), tour);
        assertTrue(tour.contains("Examples:\n  tour\n"), tour);
        assertEquals(tour, sh.ok("tour -h"));
        String root = sh.ok("help");
        assertTrue(root.contains("?? [].name") && root.contains("$_.name"), "?? and $_ are documented: " + root);
    }

    @Test
    void unknownCommandsSuggestTheNearest() {
        Run r = sh.run("group craete -n x");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("Did you mean 'create'?"), r.err());
        Run h = sh.run("help group craete");
        assertTrue(h.err().contains("Did you mean 'create'?"), h.err());
    }
}
