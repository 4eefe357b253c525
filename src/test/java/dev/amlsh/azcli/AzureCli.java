package dev.amlsh.azcli;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real Azure CLI ({@code az} on the PATH), run as a user runs it: one process per command, in bash for
 * the lines {@code sandbox serve} prints, with its own throwaway {@code AZURE_CONFIG_DIR}.
 *
 * <pre>{@code
 * AzureCli az = new AzureCli(configDir, Map.of("REQUESTS_CA_BUNDLE", pem));
 * AzureCli.Result r = az.run("group", "show", "-n", "rg1");
 * }</pre>
 */
final class AzureCli {
    private static final long TIMEOUT_SECONDS = 90;

    /** What one command did. */
    record Result(String command, int exitCode, String stdout, String stderr) {
        JsonElement json() {
            return JsonParser.parseString(stdout);
        }

        @Override
        public String toString() {
            return "$ " + command + "\nexit " + exitCode + "\n" + stdout + stderr;
        }
    }

    private final Map<String, String> env = new HashMap<>();
    private int commands;

    AzureCli(Path configDir) {
        env.put("AZURE_CONFIG_DIR", configDir.toString());
        env.put("AZURE_CORE_COLLECT_TELEMETRY", "no");
        env.put("AZURE_CORE_NO_COLOR", "true");
        env.put("AZURE_CORE_SURVEY_MESSAGE", "false");
        env.put("AZURE_CORE_OUTPUT", "json");
    }

    /** The {@code az} executable on the PATH, if any. */
    static Optional<Path> find() {
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
            Path az = Path.of(dir.isEmpty() ? "." : dir, "az");
            if (Files.isExecutable(az)) {
                return Optional.of(az);
            }
        }
        return Optional.empty();
    }

    void set(String name, String value) {
        env.put(name, value);
    }

    int commands() {
        return commands;
    }

    /** {@code az <args>}. */
    Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("az"));
        command.addAll(List.of(args));
        commands++;
        return exec(command, String.join(" ", command));
    }

    /** One line of shell, as pasted (it may run several az commands). */
    Result bash(String line) throws IOException, InterruptedException {
        commands++;
        return exec(List.of("bash", "-c", line), line);
    }

    /** Starts {@code az <args>} and leaves it running (device-code sign-in waits for the user). */
    Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("az"));
        command.addAll(List.of(args));
        commands++;
        return builder(command).start();
    }

    private Result exec(List<String> command, String shown) throws IOException, InterruptedException {
        Process p = builder(command).start();
        p.getOutputStream().close();
        CompletableFuture<String> out = drain(p.getInputStream());
        CompletableFuture<String> err = drain(p.getErrorStream());
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("az did not finish in " + TIMEOUT_SECONDS + " s: " + shown);
        }
        return new Result(shown, p.exitValue(), out.join(), err.join());
    }

    private ProcessBuilder builder(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> e = pb.environment();
        // Nothing of the developer's own Azure setup may leak in (a real sign-in, a real managed identity).
        e.keySet().removeIf(k -> k.startsWith("AZURE_") || k.startsWith("MSI_") || k.startsWith("IDENTITY_")
                || k.startsWith("APPSETTING_") || k.equals("REQUESTS_CA_BUNDLE"));
        e.putAll(env);
        return pb;
    }

    static CompletableFuture<String> drain(InputStream in) {
        // A thread each: the common pool may have one thread on a 2-core machine, and a full stderr pipe would block az.
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }, task -> {
            Thread t = new Thread(task, "az-output");
            t.setDaemon(true);
            t.start();
        });
    }
}
