package dev.amlsh.complete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amlsh.app.Main;
import dev.amlsh.sandbox.Plant;
import dev.amlsh.testing.ShellHarness;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Completion against the sandbox through the real SDK: the index filled by one listing, changed
 * at once by the shell's own creates and deletes, and {@code amlsh --complete} answering from the
 * cache the shell wrote.
 */
class CompletionSandboxTest {
    static final String SUB = "0b1f6471-1bf0-4dda-aec3-111122223333";
    static ShellHarness sh;
    static Completions completions;

    @BeforeAll
    static void start() {
        sh = ShellHarness.signedIn();
        sh.ok("group create -n cs-alpha -l eastus -o none");
        sh.ok("group create -n cs-beta -l eastus -o none");
        Plant.resource(sh.sandbox(), "/subscriptions/" + SUB + "/resourceGroups/cs-beta/providers/Microsoft.Storage/storageAccounts/csbetasa");
        Plant.resource(sh.sandbox(),
                "/subscriptions/" + SUB + "/resourceGroups/cs-beta/providers/Microsoft.MachineLearningServices/workspaces/cs-ws");
        completions = Completions.oneShot(sh.dispatcher(), sh.home().resolve("cache/index.json"), Map.of());
        StandInCommands.addIfMissing(sh.dispatcher().tree());
    }

    @AfterAll
    static void stop() {
        completions.close();
        sh.close();
    }

    static List<String> values(String line) {
        return completions.completer().complete(line, line.length()).matching().stream().map(Candidate::value).toList();
    }

    @Test
    void theListingFillsGroupsLocationsUsersAndResources() {
        assertTrue(values("group show -g cs-").containsAll(List.of("cs-alpha", "cs-beta")), values("group show -g cs-").toString());
        assertTrue(values("group create -n x -l east").contains("eastus"));
        assertTrue(values("ml workspace share -w cs-ws --user ").contains("alice@sandbox.amlsh"), values("ml workspace share --user ").toString());
        assertEquals(List.of("cs-ws"), values("ml workspace show -g cs-beta -w "));
        assertEquals(List.of("/subscriptions/" + SUB + "/resourceGroups/cs-beta/providers/Microsoft.Storage/storageAccounts/csbetasa"),
                values("ml workspace create --storage-account /subscriptions/" + SUB + "/resourceGroups/cs-beta/"));
    }

    @Test
    void createsAndDeletesOfThisSessionShowAtOnce() {
        values("group show -g ");
        sh.ok("group create -n cs-new -l eastus -o none");
        assertTrue(values("group show -g cs-").contains("cs-new"), "created in this session");
        sh.ok("group delete -n cs-new --yes");
        assertFalse(values("group show -g cs-").contains("cs-new"), "deleted in this session");
        completions.refresher().refreshNow(SUB);
        assertFalse(values("group show -g cs-").contains("cs-new"), "and still gone after a listing");
    }

    @Test
    void groupDeleteForgetsItsResources() {
        sh.ok("group create -n cs-gone -l eastus -o none");
        Plant.resource(sh.sandbox(), "/subscriptions/" + SUB + "/resourceGroups/cs-gone/providers/Microsoft.Storage/storageAccounts/csgonesa");
        completions.refresher().refreshNow(SUB);
        String ids = "storage account show --ids /subscriptions/" + SUB + "/resourceGroups/cs-gone/";
        assertEquals(1, values(ids).size());
        sh.ok("group delete -n cs-gone --yes");
        assertEquals(List.of(), values(ids));
    }

    @Test
    void oneShotCompleteAnswersFromTheCacheTheShellWrote() {
        values("group show -g ");
        completions.close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"--complete", "group show -g cs-b"}, Map.of("AMLSH_HOME", sh.home().toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertEquals("cs-beta\n", out.toString(StandardCharsets.UTF_8));
        out.reset();
        Main.run(new String[] {"--complete", "group del"}, Map.of("AMLSH_HOME", sh.home().toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals("delete\n", out.toString(StandardCharsets.UTF_8));
    }
}
