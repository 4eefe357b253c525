package dev.amlsh.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amlsh.complete.Completions;
import dev.amlsh.sandbox.Plant;
import dev.amlsh.testing.ShellHarness;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shell on JLine's DumbTerminal over pipes (terminal type ansi): keys typed in (Tab
 * included), the screen read back with its escape sequences removed. The workspace line uses {@code ml workspace show} when that command is merged; until
 * then the stand-in of the same options (see {@code StandInCommands}).
 */
class ReplTerminalTest {
    static final String SUB = "0b1f6471-1bf0-4dda-aec3-111122223333";
    static final String SA_ID = "/subscriptions/" + SUB + "/resourceGroups/tt-beta/providers/Microsoft.Storage/storageAccounts/ttbetasa";
    static ShellHarness sh;
    static Completions completions;

    @BeforeAll
    static void start() {
        sh = ShellHarness.signedIn();
        sh.ok("group create -n tt-alpha -l eastus -o none");
        sh.ok("group create -n tt-beta -l eastus -o none");
        Plant.resource(sh.sandbox(), SA_ID);
        Plant.resource(sh.sandbox(),
                "/subscriptions/" + SUB + "/resourceGroups/tt-alpha/providers/Microsoft.MachineLearningServices/workspaces/tt-ws");
        completions = Completions.oneShot(sh.dispatcher(), null, Map.of());
        TestTrees.withWorkspaceCommands(sh.dispatcher().tree());
        completions.refresher().refreshNow(SUB);
    }

    @AfterAll
    static void stop() {
        completions.close();
        sh.close();
    }

    /** Types the keys into a fresh shell and returns everything the terminal showed. */
    static String type(String keys) throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // JLine's DumbTerminal over pipes, announcing an ANSI terminal: with TERM=dumb JLine reads raw
        // lines (no editing, no Tab), so the screen would show nothing to test.
        try (Terminal terminal = new DumbTerminal("amlsh-test", "ansi",
                new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8)) {
            terminal.setSize(new Size(200, 50));
            new Repl(sh.dispatcher(), sh.home().resolve("history"), completions.completer())
                    .run(terminal, new PrintStream(err, true, StandardCharsets.UTF_8), false);
        }
        String shown = screen.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        return shown.replaceAll("\u001b\\[[0-9;?]*[A-Za-z]|\u001b[=>]|\r", "");
    }

    @Test
    void tabCompletesTheGroupAfterDashG() throws Exception {
        String screen = type("group show -g tt-al\t\nexit\n");
        assertTrue(screen.contains("group show -g tt-alpha"), screen);
        assertTrue(screen.contains("\"id\": \"/subscriptions/" + SUB + "/resourceGroups/tt-alpha\""), "the completed line ran: " + screen);
    }

    @Test
    void tabListsTheGroupsWhenSeveralMatch() throws Exception {
        String screen = type("group show -g tt-\t\nexit\n");
        assertTrue(screen.contains("tt-alpha") && screen.contains("tt-beta"), screen);
    }

    @Test
    void workspaceShowCompletesWorkspacesInTheGroupGiven() throws Exception {
        String screen = type("ml workspace show -g tt-alpha -w tt\t\nexit\n");
        assertTrue(screen.contains("-w tt-ws"), screen);
    }

    @Test
    void storageAccountIdCompletesSegmentBySegment() throws Exception {
        String screen = type("ml workspace create -w w1 --storage-account /subscriptions/\t\nexit\n");
        assertTrue(screen.contains(SUB) && screen.contains("6c2e7a45-9d3b-4f1a-8b2c-444455556666"), "both subscriptions listed: " + screen);
        screen = type("ml workspace create -w w1 --storage-account /subscriptions/0b\t\ttt-b\t\t\nexit\n");
        assertTrue(screen.contains("--storage-account " + SA_ID), screen);
    }
}
