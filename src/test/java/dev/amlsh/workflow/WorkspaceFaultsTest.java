package dev.amlsh.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amlsh.testing.ShellHarness;
import dev.amlsh.testing.ShellHarness.Run;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ml workspace create} when the workspace PUT itself keeps failing after the dependencies
 * were made: one line naming what was made, and a second run that finishes without duplicates.
 */
class WorkspaceFaultsTest {
    private static final List<String> DEPENDENCIES = List.of("storage account", "keyvault", "monitor app-insights component", "acr");
    private static ShellHarness sh;

    @BeforeAll
    static void start() {
        sh = ShellHarness.signedIn();
        sh.ok("group create -n wsfaults -l eastus -o none");
    }

    @AfterAll
    static void stop() {
        sh.close();
    }

    @Test
    void failedWorkspacePutNamesWhatWasMadeAndASecondRunFinishesWithoutDuplicates() {
        // One try and three retries: four failures outlast the retry policy.
        sh.ok("sandbox faults add --status 500 --operation \"Microsoft.MachineLearningServices/workspaces/write\" --times 4");
        Run failed = sh.run("ml workspace create -w wsf1 -g wsfaults");
        assertEquals(1, failed.exitCode(), failed.toString());
        assertEquals(1, failed.err().lines().count(), failed.err());
        assertTrue(failed.err().startsWith("ERROR: (InternalServerError)"), failed.err());
        for (String type : DEPENDENCIES) {
            List<String> ids = ids(type);
            assertEquals(1, ids.size(), type + ": " + ids);
            assertTrue(failed.err().contains(ids.get(0)), "the error names " + ids.get(0) + ": " + failed.err());
        }
        assertEquals(3, sh.run("ml workspace show -w wsf1 -g wsfaults").exitCode());

        String id = sh.ok("ml workspace create -w wsf1 -g wsfaults --query id -o tsv").strip();
        assertTrue(id.endsWith("/providers/Microsoft.MachineLearningServices/workspaces/wsf1"), id);
        for (String type : DEPENDENCIES) {
            assertEquals(1, ids(type).size(), type + " is reused, not made twice: " + ids(type));
        }
        String storage = ids("storage account").get(0);
        assertEquals(storage + "\n", sh.ok("ml workspace show -w wsf1 -g wsfaults --query storageAccount -o tsv"));

        assertEquals(id + "\n", sh.ok("ml workspace create -w wsf1 -g wsfaults --exist-ok --query id -o tsv"));
        assertEquals(1, Integer.parseInt(sh.ok("ml workspace list -g wsfaults --query \"length([])\" -o tsv").strip()));
        Run again = sh.run("ml workspace create -w wsf1 -g wsfaults");
        assertEquals(1, again.exitCode(), again.toString());
        assertTrue(again.err().contains("--exist-ok"), again.err());
    }

    private static List<String> ids(String type) {
        return sh.ok(type + " list -g wsfaults --query \"[].id\" -o tsv").lines().toList();
    }
}
