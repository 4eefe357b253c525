package dev.amlsh.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amlsh.testing.AmlshProcesses;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The home's resident process as the launchers use it: one-shot commands handed to it by the thin
 * client from another folder and environment, answered exactly as a process of their own would,
 * and a resident that steps aside for another build or other credentials, idles out, and never
 * leaves a caller hanging.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ResidentTest {
    @TempDir
    Path tmp;
    Path home;
    Path callerDir;
    Process resident;

    record Result(int code, String out, String err) {
    }

    @BeforeEach
    void startResident() throws Exception {
        home = Files.createDirectories(tmp.resolve("home"));
        callerDir = Files.createDirectories(tmp.resolve("project"));
        resident = start(List.of(ResidentServer.SERVE_ARG), Map.of(ResidentServer.IDLE_ENV, "120s"), tmp, "dev.amlsh.app.Main");
        awaitSocket(true);
    }

    @AfterEach
    void stop() throws Exception {
        resident.destroy();
        resident.waitFor(10, TimeUnit.SECONDS);
        AmlshProcesses.stopSandbox(home);
    }

    @Test
    void oneShotCommandsAreAnsweredAsByTheirOwnProcess() throws Exception {
        Result made = client(Map.of(), "-c", "group create -n rg1 -l eastus --query name -o tsv");
        assertEquals(new Result(0, "rg1\n", ""), made);
        Result words = client(Map.of(), "group", "show", "-n", "rg1", "--query", "location", "-o", "tsv");
        assertEquals(new Result(0, "eastus\n", ""), words);
        Result missing = client(Map.of(), "-c", "group show -n nope");
        assertEquals(3, missing.code());
        assertEquals("", missing.out());
        assertTrue(missing.err().startsWith("ERROR: (ResourceGroupNotFound)"), missing.err());
        assertEquals(2, client(Map.of(), "-c", "group frobnicate").code());
        Result debug = client(Map.of(), "-c", "group exists -n rg1 --debug");
        assertEquals(0, debug.code(), debug.err());
        assertEquals("true\n", debug.out());
        assertTrue(debug.err().contains("run by the resident process " + resident.pid()), debug.err());
    }

    @Test
    void relativeFilesAreTheCallersNotTheResidents() throws Exception {
        Files.writeString(callerDir.resolve("old.amlsh"), "ml workspace create -w ws1 -g rg1\n");
        Result r = client(Map.of(), "-c", "migrate old.amlsh --write new.amlsh");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(callerDir.resolve("new.amlsh")).contains("ml workspace create"), "written in the caller's folder");
        assertFalse(Files.exists(tmp.resolve("new.amlsh")), "not in the resident's folder");
        Result missing = client(Map.of(), "-c", "migrate nothing-here.amlsh");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nothing-here.amlsh' does not exist"), missing.err());
    }

    @Test
    void commandsAtTheSameTimeEachGetTheirOwnAnswer() throws Exception {
        List<java.util.concurrent.CompletableFuture<Result>> running = new ArrayList<>();
        for (String name : List.of("a1", "a2", "a3")) {
            running.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return client(Map.of(), "-c", "group create -n " + name + " -l westus --query name -o tsv");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(new Result(0, "a" + (i + 1) + "\n", ""), running.get(i).get(2, TimeUnit.MINUTES));
        }
        assertEquals(new Result(0, "a1\na2\na3\n", ""), client(Map.of(), "-c", "group list --query \"sort([].name)\" -o tsv"));
    }

    @Test
    void bashCompletionOfFilesIsTheCallersFolder() throws Exception {
        Files.writeString(callerDir.resolve("workspace.yml"), "name: ws1\n");
        Result r = client(Map.of(), "--complete", "ml workspace create -g rg1 --file work");
        assertEquals(new Result(0, "workspace.yml\n", ""), r);
    }

    @Test
    void scriptsAndTheShellAreLeftToTheirOwnProcess() throws Exception {
        Files.writeString(callerDir.resolve("setup.amlsh"), "print hi\n");
        assertEquals(ResidentProtocol.NOT_SERVED, client(Map.of(), "setup.amlsh").code());
        assertEquals(ResidentProtocol.NOT_SERVED, client(Map.of(), "sandbox", "serve").code());
        assertEquals(ResidentProtocol.NOT_SERVED, client(Map.of()).code());
        assertTrue(resident.isAlive(), "a command it does not take leaves it running");
    }

    @Test
    void otherCredentialsInTheEnvironmentRetireIt() throws Exception {
        Result r = client(Map.of("AZURE_CLIENT_ID", "a0000000-0000-4000-8000-0000000c1e04"), "-c", "group list");
        assertEquals(ResidentProtocol.NOT_SERVED, r.code(), "the launcher runs it in a process of its own");
        assertTrue(resident.waitFor(30, TimeUnit.SECONDS), "the resident ends, for one with the new environment");
        awaitSocket(false);
        assertTrue(Files.readString(tmp.resolve("resident.log")).contains("ends: a client with another environment came"));
    }

    @Test
    void anotherBuildRetiresIt() throws Exception {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket()));
            DataOutputStream out = new DataOutputStream(Channels.newOutputStream(ch));
            ResidentProtocol.writeRequest(out, new ResidentProtocol.Request("amlsh 0.0.1 elsewhere", callerDir, false, "UTF-8",
                    List.of("-c", "group list"), env(Map.of())));
            DataInputStream in = new DataInputStream(Channels.newInputStream(ch));
            assertEquals(ResidentProtocol.DECLINED, in.read());
            assertEquals("another build of amlsh", new String(ResidentProtocol.payload(in), StandardCharsets.UTF_8));
        }
        assertTrue(resident.waitFor(30, TimeUnit.SECONDS), "an older resident steps aside");
    }

    @Test
    void itEndsWhenIdleAndAKilledOneLeavesNobodyHanging() throws Exception {
        resident.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        assertTrue(Files.exists(socket()), "a killed resident leaves its socket behind");
        assertEquals(ResidentProtocol.NOT_SERVED, client(Map.of(), "-c", "group list").code());

        resident = start(List.of(ResidentServer.SERVE_ARG), Map.of(ResidentServer.IDLE_ENV, "2s"), tmp, "dev.amlsh.app.Main");
        awaitSocket(true);
        assertEquals(0, client(Map.of(), "-c", "group list -o none").code(), "a new one takes over the stale socket");
        assertTrue(resident.waitFor(60, TimeUnit.SECONDS), "it ends after its idle time");
        awaitSocket(false);
    }

    @Test
    void aCommandWhoseCallerIsGoneStopsWaiting() throws Exception {
        resident.destroy();
        resident.waitFor(10, TimeUnit.SECONDS);
        // every long-running operation takes a minute; the resident idles out 2 s after its last command
        Map<String, String> slow = Map.of("AMLSH_SANDBOX_LRO_DELAY_MS", "60000");
        resident = start(List.of(ResidentServer.SERVE_ARG), Map.of("AMLSH_SANDBOX_LRO_DELAY_MS", "60000",
                ResidentServer.IDLE_ENV, "2s"), tmp, "dev.amlsh.app.Main");
        awaitSocket(true);
        assertEquals(0, client(slow, "-c", "group create -n slow -l eastus -o none").code());
        Path out = Files.createTempFile(tmp, "out-", ".txt");
        Process waiting = start(List.of("-c", "group delete -n slow --yes"), slow, callerDir, "dev.amlsh.app.ResidentClient", out, out);
        Thread.sleep(3000);
        assertTrue(waiting.isAlive(), "the delete waits for its operation");
        waiting.destroy();   // Ctrl-C
        assertTrue(resident.waitFor(40, TimeUnit.SECONDS), "the interrupted command let the resident idle out long before the minute");
    }

    @Test
    void aSecondResidentForTheSameHomeStepsBack() throws Exception {
        Process second = start(List.of(ResidentServer.SERVE_ARG), Map.of(), tmp, "dev.amlsh.app.Main");
        assertTrue(second.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, second.exitValue());
        assertTrue(resident.isAlive());
        assertEquals(0, client(Map.of(), "-c", "group list -o none").code());
    }

    private Result client(Map<String, String> extraEnv, String... args) throws Exception {
        Path out = Files.createTempFile(tmp, "out-", ".txt");
        Path err = Files.createTempFile(tmp, "err-", ".txt");
        Process p = start(List.of(args), extraEnv, callerDir, "dev.amlsh.app.ResidentClient", out, err);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the client did not end: " + String.join(" ", args));
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private Process start(List<String> args, Map<String, String> extraEnv, Path dir, String main) throws IOException {
        Path log = tmp.resolve("resident.log");
        return start(args, extraEnv, dir, main, log, log);
    }

    /** A JVM of the test's classes; its output goes to files (a child filling a pipe nobody reads would hang). */
    private Process start(List<String> args, Map<String, String> extraEnv, Path dir, String main, Path out, Path err)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), main));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env(extraEnv));
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()));
        pb.redirectError(ProcessBuilder.Redirect.appendTo(err.toFile()));
        return pb.start();
    }

    private Map<String, String> env(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", tmp.toString());
        env.put("AMLSH_HOME", home.toString());
        env.put("AMLSH_SANDBOX_LRO_DELAY_MS", "0");
        env.put("AMLSH_SANDBOX_IDLE_TIMEOUT", "120s");
        env.putAll(extra);
        return env;
    }

    private Path socket() {
        return home.resolve("run").resolve(ResidentProtocol.SOCKET);
    }

    /** Waits until a resident answers on the socket (true), or the socket is gone (false). */
    private void awaitSocket(boolean listening) throws InterruptedException {
        for (int i = 0; i < 600 && listens() != listening; i++) {
            Thread.sleep(50);
        }
        assertEquals(listening, listening ? listens() : Files.exists(socket()), listening ? "the resident listens" : "the socket is removed");
    }

    private boolean listens() {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket()));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
