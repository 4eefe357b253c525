package dev.amlsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.amlsh.testing.AmlshProcesses;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A newcomer's first shell, on a real terminal (tmux): the prompt comes up while the sandbox
 * starts and signs them in, a command typed at once waits for that and works, and the prompt
 * then shows the subscription. Needs tmux: skipped with a message on a machine without it,
 * failed in CI.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class FirstShellTmuxTest {
    @TempDir
    Path home;

    private final dev.amlsh.testing.TmuxScreen tmux =
            new dev.amlsh.testing.TmuxScreen("amlsh-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime());

    @AfterEach
    void cleanUp() throws Exception {
        tmux.run("kill-server");
        AmlshProcesses.stopSandbox(home);
    }

    private static void needTmux() {
        boolean present;
        try {
            present = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            present = false;
        }
        if (!present) {
            String why = "tmux is not installed; install it (apt-get install tmux) to run this test";
            if (System.getenv("CI") != null) {
                fail("CI must run the terminal test: " + why);
            }
            System.err.println("FirstShellTmuxTest skipped: " + why);
            Assumptions.abort("Skipped: " + why);
        }
    }

    @Test
    void aFreshHomeGetsItsPromptAtOnceAndItsFirstCommandWaitsForTheSignIn() throws Exception {
        needTmux();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String command = String.join(" ", "env", "AMLSH_HOME=" + home, "AMLSH_SANDBOX_LRO_DELAY_MS=0",
                "AMLSH_SANDBOX_IDLE_TIMEOUT=120s", "AMLSH_NO_KEYRING=1", java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", classpath, "dev.amlsh.app.Main");
        tmux.run("new-session", "-d", "-s", "t", "-x", "200", "-y", "50", command);

        String greeting = tmux.await(screen -> screen.contains("amlsh (signing in)>") || screen.contains("amlsh Sandbox>"),
                Duration.ofSeconds(60));
        assertTrue(greeting.contains("Welcome to amlsh."), greeting);
        assertTrue(greeting.contains("signing in to the sandbox as admin@sandbox.amlsh"), greeting);

        tmux.run("send-keys", "-t", "t", "group create -n first -l eastus --query name -o tsv", "Enter");
        String after = tmux.await(screen -> screen.lines().anyMatch(l -> l.strip().equals("first"))
                && screen.strip().endsWith("amlsh Sandbox>"), Duration.ofSeconds(120));
        assertTrue(!after.contains("ERROR") && !after.contains("WARNING"), after);

        tmux.run("send-keys", "-t", "t", "exit", "Enter");
        AmlshProcesses.Result check = AmlshProcesses.run(home, "-c", "group show -n first --query name -o tsv");
        assertEquals("first\n", check.out(), check.toString());
    }
}
