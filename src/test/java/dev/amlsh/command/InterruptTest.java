package dev.amlsh.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amlsh.session.AmlshHome;
import dev.amlsh.session.Session;
import dev.amlsh.testing.ShellHarness;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Ctrl-C while a command waits on a long-running operation: the wait stops, the shell and the operation go on. */
class InterruptTest {

    private static int run(Dispatcher d, String line, ByteArrayOutputStream out, ByteArrayOutputStream err) {
        out.reset();
        err.reset();
        return d.dispatch(line, CommandIo.plain(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
    }

    @Test
    void ctrlCDuringAnOperationStopsWaitingAndSaysHowToCheck() throws Exception {
        try (Session session = Session.open(new AmlshHome(ShellHarness.newHome()), Duration.ofSeconds(30))) {
            Dispatcher d = new Dispatcher(session);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertEquals(0, run(d, "login --sandbox -o none", out, err), err.toString());
            assertEquals(0, run(d, "group create -n rg-slow -l eastus -o none", out, err), err.toString());
            AtomicInteger code = new AtomicInteger(-1);
            Thread worker = new Thread(() -> code.set(run(d, "group delete -n rg-slow --yes", out, err)), "amlsh-command");
            long start = System.nanoTime();
            worker.start();
            Thread.sleep(800);
            assertTrue(worker.isAlive(), "still waiting on the 30 s operation");
            worker.interrupt();
            worker.join(10_000);
            assertFalse(worker.isAlive(), "the wait stopped");
            assertTrue(System.nanoTime() - start < 10_000_000_000L);
            assertEquals(1, code.get());
            assertEquals("ERROR: Stopped waiting. The operation goes on in the cloud; check it with 'group show -n rg-slow'.\n",
                    err.toString(StandardCharsets.UTF_8));
            assertEquals(0, run(d, "group show -n rg-slow --query properties.provisioningState -o tsv", out, err), err.toString());
            assertEquals("Deleting\n", out.toString(StandardCharsets.UTF_8), "the cloud goes on with it; the shell too");
        }
    }

    @Test
    void ctrlCDuringAReadIsJustCancelled() throws Exception {
        try (ShellHarness sh = ShellHarness.signedIn()) {
            sh.ok("sandbox faults add --delay 5000 --method GET --path \"*/resourceGroups\"");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            AtomicInteger code = new AtomicInteger(-1);
            Thread worker = new Thread(() -> code.set(run(sh.dispatcher(), "group list", out, err)));
            worker.start();
            Thread.sleep(600);
            worker.interrupt();
            worker.join(10_000);
            assertEquals(1, code.get());
            assertEquals("ERROR: Cancelled.\n", err.toString(StandardCharsets.UTF_8));
            sh.ok("sandbox faults clear");
            sh.ok("group list");
        }
    }
}
