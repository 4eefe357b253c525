package dev.amlsh.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.amlsh.sandbox.SandboxHttp;
import dev.amlsh.sandbox.SandboxIdentity;
import dev.amlsh.sandbox.contract.Seed;
import dev.amlsh.sandbox.contract.ServiceFiles;
import dev.amlsh.sandbox.contract.ServiceRecord;
import dev.amlsh.testing.AmlshProcesses;
import dev.amlsh.testing.AmlshProcesses.Result;
import dev.amlsh.testing.ShellHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox as one background service per home, with real processes: started on demand by the
 * first amlsh that needs it, shared by shells, one-shot commands and plain HTTPS clients, brought
 * back with all its state after a stop or a kill, started once when two processes race.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class SandboxServiceTest {
    private static final String GROUPS = "/subscriptions/" + Seed.SUBSCRIPTION_ID + "/resourcegroups/";

    @TempDir
    Path home;

    @AfterEach
    void stopTheSandbox() {
        AmlshProcesses.stopSandbox(home);
    }

    private Path recordFile() {
        return home.resolve("sandbox").resolve(ServiceFiles.RECORD);
    }

    private ServiceRecord record() {
        return AmlshProcesses.record(home).orElseThrow(() -> new AssertionError("no sandbox record in " + home));
    }

    private Result amlsh(String line) throws Exception {
        return AmlshProcesses.run(home, "-c", line);
    }

    private long startsLogged() throws Exception {
        Path log = home.resolve("sandbox").resolve(ServiceFiles.LOG);
        return Files.exists(log) ? Files.readAllLines(log).stream().filter(l -> l.contains(") serves https://")).count() : 0;
    }

    @Test
    void twoShellsAOneShotCommandAndAPlainHttpsClientShareOneRunningSandbox() throws Exception {
        Result first = amlsh("group create -n shared -l eastus --query name -o tsv");
        assertEquals(0, first.exitCode(), first.toString());
        assertEquals("shared\n", first.out());
        ServiceRecord running = record();
        assertEquals(ServiceRecord.BACKGROUND, running.mode());
        assertNotEquals(ProcessHandle.current().pid(), running.pid());
        assertTrue(ProcessHandle.of(running.pid()).map(ProcessHandle::isAlive).orElse(false), "it outlives the command that started it");

        try (ShellHarness one = ShellHarness.on(home); ShellHarness two = ShellHarness.on(home)) {
            assertEquals("eastus\n", one.ok("group show -n shared --query location -o tsv"));
            one.ok("group create -n from-one -l westus -o none");
            assertEquals("westus\n", two.ok("group show -n from-one --query location -o tsv"));
            Result oneShot = amlsh("group show -n from-one --query name -o tsv");
            assertEquals(0, oneShot.exitCode(), oneShot.toString());
            assertEquals("from-one\n", oneShot.out());

            SandboxHttp plain = new SandboxHttp(running.endpoint(), running.certificate(), new SandboxIdentity(Seed.TENANT_ID,
                    Seed.ALICE_CLIENT_ID, Seed.ALICE_CLIENT_SECRET, Seed.ALICE_USER));
            assertEquals(403, plain.get(GROUPS + "from-one").status(), "alice has no role: the sandbox's own rules, over plain HTTPS");
            SandboxHttp admin = new SandboxHttp(running.endpoint(), running.certificate(), new SandboxIdentity(Seed.TENANT_ID,
                    Seed.ADMIN_CLIENT_ID, Seed.ADMIN_CLIENT_SECRET, Seed.ADMIN_USER));
            assertEquals(200, admin.get(GROUPS + "from-one").status());
            assertEquals(403, plain.get("/amlsh-sandbox/status").status(), "control is for the sandbox admin only");

            JsonObject status = JsonParser.parseString(two.ok("sandbox status")).getAsJsonObject();
            assertEquals(running.pid(), status.get("pid").getAsLong());
            assertEquals(running.endpoint().toString(), status.get("endpoint").getAsString());
            assertTrue(status.get("requestsServed").getAsLong() > 5, status.toString());
            assertTrue(status.get("uptime").getAsString().matches("\\d+:\\d\\d:\\d\\d"), status.toString());
            assertEquals(running.version(), status.get("version").getAsString());
        }
        assertEquals(running.pid(), record().pid(), "one sandbox served them all");
        assertEquals(1, startsLogged());
    }

    @Test
    void afterSandboxStopAnyCommandBringsItBackWithAllState() throws Exception {
        assertEquals(0, amlsh("group create -n kept -l eastus -o none").exitCode());
        ServiceRecord before = record();
        try (ShellHarness shell = ShellHarness.on(home)) {
            assertEquals("", shell.ok("sandbox stop"));
            assertFalse(Files.exists(recordFile()), "its record is gone");
            assertTrue(ProcessHandle.of(before.pid()).map(p -> !p.isAlive()).orElse(true), "its process has ended");
            assertEquals("false\n", shell.ok("sandbox status --query running"));
            Result again = amlsh("group show -n kept --query name -o tsv");
            assertEquals(0, again.exitCode(), again.toString());
            assertEquals("kept\n", again.out());
            assertNotEquals(before.pid(), record().pid());
            assertEquals("kept\n", shell.ok("group show -n kept --query name -o tsv"), "the open shell follows it to the new process");
        }
        Result noneLeft = amlsh("sandbox stop");
        assertEquals(0, noneLeft.exitCode(), noneLeft.toString());
        Result stoppedTwice = amlsh("sandbox stop");
        assertEquals(0, stoppedTwice.exitCode());
        assertEquals("The sandbox is not running.\n", stoppedTwice.err());
    }

    @Test
    void twoProcessesStartingAtOnceOnAFreshHomeStartOneSandbox() throws Exception {
        Process a = AmlshProcesses.start(home, "-c", "group list -o none");
        Process b = AmlshProcesses.start(home, "-c", "group list -o none");
        Result ra = AmlshProcesses.finish(a);
        Result rb = AmlshProcesses.finish(b);
        assertEquals(0, ra.exitCode(), ra.toString());
        assertEquals(0, rb.exitCode(), rb.toString());
        assertEquals(1, startsLogged(), "one sandbox started");
        assertTrue(ProcessHandle.of(record().pid()).map(ProcessHandle::isAlive).orElse(false));
    }

    @Test
    void aKilledSandboxIsRestartedByTheNextCommandWithEveryAcknowledgedChange() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals(0, amlsh("group create -n acked" + i + " -l eastus -o none").exitCode());
        }
        ServiceRecord killed = record();
        ProcessHandle p = ProcessHandle.of(killed.pid()).orElseThrow();
        p.destroyForcibly(); // SIGKILL: no shutdown hook, the record stays behind
        p.onExit().get(30, TimeUnit.SECONDS);
        assertTrue(Files.exists(recordFile()), "a killed sandbox leaves its record");
        Result after = amlsh("group list --query \"[].name\" -o tsv");
        assertEquals(0, after.exitCode(), after.toString());
        assertEquals("acked0\nacked1\nacked2\n", after.out());
        assertNotEquals(killed.pid(), record().pid());
        assertEquals(killed.endpoint(), record().endpoint(), "it comes back on the same port when it is free");
    }

    @Test
    void aNewerBuildReplacesAnOlderBackgroundSandbox() throws Exception {
        assertEquals(0, amlsh("group create -n survives -l eastus -o none").exitCode());
        AmlshProcesses.stopSandbox(home);
        // An older build's service, as far as its record says: a live process that a SIGTERM ends.
        Process older = new ProcessBuilder("sleep", "300").start();
        long started = older.toHandle().info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
        new ServiceRecord(java.net.URI.create("https://127.0.0.1:1/"), older.pid(), started, "0.0.1", "20000101000000",
                java.time.Instant.now(), ServiceRecord.BACKGROUND, home.resolve("sandbox/certificate.pem"), Seed.TENANT_ID, "x", 60)
                .write(recordFile());
        try {
            Result r = amlsh("group show -n survives --query name -o tsv");
            assertEquals(0, r.exitCode(), r.toString());
            assertEquals("survives\n", r.out());
            assertTrue(older.waitFor(30, TimeUnit.SECONDS), "the older service was asked to stop");
            assertEquals(dev.amlsh.sandbox.contract.Build.id(), record().buildId());
            assertNotEquals(older.pid(), record().pid());
        } finally {
            older.destroyForcibly();
        }
    }

    @Test
    void aRecordOfADeadProcessIsCleanedUp() throws Exception {
        assertEquals(0, amlsh("group list -o none").exitCode());
        ServiceRecord dead = record();
        ProcessHandle p = ProcessHandle.of(dead.pid()).orElseThrow();
        p.destroyForcibly();
        p.onExit().get(30, TimeUnit.SECONDS);
        assertTrue(Files.exists(recordFile()));
        Result status = amlsh("sandbox status --query running -o tsv");
        assertEquals(0, status.exitCode(), status.toString());
        assertEquals("false\n", status.out());
        assertFalse(Files.exists(recordFile()), "the stale record is removed");
        assertEquals(1, startsLogged(), "status starts nothing");
    }
}
