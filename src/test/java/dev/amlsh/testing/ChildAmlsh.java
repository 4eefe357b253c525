package dev.amlsh.testing;

import dev.amlsh.app.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * amlsh as a separate process, the way a user starts it from another terminal: its output goes
 * to files (a child that fills a pipe nobody reads would hang), and {@link #await} kills it when it
 * outlives its time.
 *
 * <pre>{@code
 * ChildAmlsh child = ChildAmlsh.start(home, null, "-c", "group list");
 * ChildAmlsh.Result r = child.await(Duration.ofMinutes(3));
 * }</pre>
 */
public final class ChildAmlsh {
    private final Process process;
    private final Path out;
    private final Path err;

    /** What the process printed and its exit code. */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
        }
    }

    private ChildAmlsh(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code amlsh ARGS} on {@code home}; {@code stdin} (may be null) is what it reads. */
    public static ChildAmlsh start(Path home, String stdin, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path logs = Files.createTempDirectory(TempHomes.ROOT, "child-");
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("AMLSH_HOME", home.toString());
        pb.environment().put("AMLSH_SANDBOX_LRO_DELAY_MS", "0");
        Path in = logs.resolve("in");
        Files.writeString(in, stdin == null ? "" : stdin);
        pb.redirectInput(in.toFile());
        pb.redirectOutput(logs.resolve("out").toFile());
        pb.redirectError(logs.resolve("err").toFile());
        return new ChildAmlsh(pb.start(), logs.resolve("out"), logs.resolve("err"));
    }

    /** Waits for the process to end; one still running after {@code limit} is killed and fails the test. */
    public Result await(Duration limit) throws IOException, InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("amlsh did not end within " + limit + "; it printed:\n" + read(out) + read(err));
        }
        return new Result(process.exitValue(), read(out), read(err));
    }

    /** Kills the process if it still runs. */
    public void kill() {
        process.destroyForcibly();
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
