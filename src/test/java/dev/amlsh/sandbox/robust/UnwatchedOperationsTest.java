package dev.amlsh.sandbox.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amlsh.testing.ShellHarness;
import dev.amlsh.testing.ShellHarness.Run;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Operations nobody waits for run to their end on the sandbox's side, as in Azure: a shell that
 * leaves (or is killed) right after the 202 does not leave the resource Creating or Deleting.
 */
@Timeout(120)
class UnwatchedOperationsTest {
    private static final Duration DELAY = Duration.ofMillis(1200);
    private final Path home = ShellHarness.newHome();

    @AfterEach
    void clean() {
        Homes.delete(home);
    }

    private ShellHarness shell() {
        ShellHarness sh = ShellHarness.on(home, DELAY);
        return sh;
    }

    private void signIn() {
        try (ShellHarness sh = shell()) {
            sh.ok("login --sandbox -o none");
            sh.ok("group create -n rg1 -l eastus -o none");
        }
    }

    @Test
    void workspaceCreatedWithNoWaitFinishesAfterTheShellIsGone() throws Exception {
        signIn();
        try (ShellHarness sh = shell()) {
            Run create = sh.run("ml workspace create -w ws1 -g rg1 --no-wait -o none");
            assertEquals(0, create.exitCode(), create.toString());
        } // the shell and its sandbox stop here, with the workspace PUT answered 202 and nobody polling
        Thread.sleep(DELAY.toMillis() + 300);
        try (ShellHarness next = shell()) {
            Run update = next.run("ml workspace update -w ws1 -g rg1 --description later --query description -o tsv");
            assertEquals(0, update.exitCode(), update.toString());
            assertEquals("later\n", update.out());
        }
    }

    @Test
    void groupDeleteLeftBehindEndsWithTheGroupGone() throws Exception {
        signIn();
        try (ShellHarness sh = shell()) {
            sh.ok("group create -n doomed -l eastus -o none");
            assertEquals(0, sh.run("group delete -n doomed --yes --no-wait").exitCode());
        }
        Thread.sleep(DELAY.toMillis() + 300);
        try (ShellHarness next = shell()) {
            Run show = next.run("group show -n doomed");
            assertEquals(3, show.exitCode(), show.toString());
            assertEquals("false\n", next.ok("group exists -n doomed"));
        }
    }

    @Test
    void existOkWaitsForAWorkspaceStillBeingCreated() {
        signIn();
        try (ShellHarness sh = shell()) {
            sh.ok("ml workspace create -w ws2 -g rg1 --no-wait -o none");
            Run again = sh.run("ml workspace create -w ws2 -g rg1 --exist-ok --verbose --query name -o tsv");
            assertEquals(0, again.exitCode(), again.toString());
            assertEquals("ws2\n", again.out());
            assertTrue(again.err().contains("Workspace ws2 is still creating; waiting for it"), again.err());
            // it waited for the end: the workspace takes an update at once, no AnotherOperationInProgress
            Run update = sh.run("ml workspace update -w ws2 -g rg1 --description now --query description -o tsv");
            assertEquals(0, update.exitCode(), update.toString());
        }
    }

    @Test
    void existOkWithNoWaitSaysTheWorkspaceIsStillBeingCreated() {
        signIn();
        try (ShellHarness sh = shell()) {
            sh.ok("ml workspace create -w ws3 -g rg1 --no-wait -o none");
            Run again = sh.run("ml workspace create -w ws3 -g rg1 --exist-ok --no-wait --verbose");
            assertEquals(0, again.exitCode(), again.toString());
            assertEquals("", again.out(), "a workspace still being created is not printed as if it were ready");
            assertTrue(again.err().contains("Workspace ws3 is still creating; not waiting for it (--no-wait)"), again.err());
        }
    }
}
