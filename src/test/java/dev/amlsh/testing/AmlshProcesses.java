package dev.amlsh.testing;

import dev.amlsh.sandbox.contract.ServiceFiles;
import dev.amlsh.sandbox.contract.ServiceRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * amlsh as separate processes, the way users run it ({@code amlsh -c ...} in its own JVM), and the
 * background sandbox service such a process starts: tests stop it in their teardown.
 *
 * <pre>{@code
 * AmlshProcesses.Result r = AmlshProcesses.run(home, "-c", "group list");
 * AmlshProcesses.stopSandbox(home);
 * }</pre>
 */
public final class AmlshProcesses {
    /** What a process printed and returned. */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
        }
    }

    private AmlshProcesses() {
    }

    /** Starts {@code amlsh ARGS} on {@code home} (operations without delay). */
    public static Process start(Path home, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), "dev.amlsh.app.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("AMLSH_HOME", home.toString());
        pb.environment().put("AMLSH_SANDBOX_LRO_DELAY_MS", "0");
        pb.environment().put(ServiceFiles.IDLE_TIMEOUT_ENV, "120s"); // a safety net should a test fail to stop it
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return pb.start();
    }

    /** Runs {@code amlsh ARGS} on {@code home} to its end (at most two minutes). */
    public static Result run(Path home, String... args) throws IOException, InterruptedException {
        return finish(start(home, args));
    }

    public static Result finish(Process p) throws IOException, InterruptedException {
        Path out = Files.createTempFile("amlsh-out-", ".txt");
        Path err = Files.createTempFile("amlsh-err-", ".txt");
        try {
            Thread o = copy(p.getInputStream(), out);
            Thread e = copy(p.getErrorStream(), err);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("amlsh did not finish in 2 minutes");
            }
            o.join(5_000);
            e.join(5_000);
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static Thread copy(java.io.InputStream in, Path to) {
        Thread t = new Thread(() -> {
            try (in) {
                Files.write(to, in.readAllBytes());
            } catch (IOException ignored) {
                // the process went away
            }
        }, "amlsh-output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The record of the home's running sandbox service, if any. */
    public static Optional<ServiceRecord> record(Path home) {
        return ServiceRecord.read(home.resolve("sandbox").resolve(ServiceFiles.RECORD));
    }

    /** Stops the home's sandbox service if it runs in another process (SIGTERM, then SIGKILL), and waits for it. */
    public static void stopSandbox(Path home) {
        Optional<ServiceRecord> r = record(home);
        if (r.isEmpty() || r.get().pid() == ProcessHandle.current().pid()) {
            return;
        }
        ProcessHandle.of(r.get().pid()).ifPresent(p -> {
            p.destroy();
            try {
                p.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception slow) {
                p.destroyForcibly();
            }
        });
    }
}
