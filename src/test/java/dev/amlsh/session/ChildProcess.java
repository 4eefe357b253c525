package dev.amlsh.session;

import dev.amlsh.app.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A real amlsh process (a child JVM, as a script or a second terminal starts it) on a given home,
 * with no keyring (so tokens go to the 0600 file, on any machine) and extra environment variables.
 */
record ChildProcess(int code, String out, String err) {

    static ChildProcess run(Path home, Map<String, String> env, String... args) throws Exception {
        return run(home, env, line -> { }, args);
    }

    /** As above, handing each line of stderr to {@code onErrLine} as it comes (to approve a device code). */
    static ChildProcess run(Path home, Map<String, String> env, Consumer<String> onErrLine, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> e = new HashMap<>(Map.of("AMLSH_HOME", home.toString(), "AMLSH_SANDBOX_LRO_DELAY_MS", "0",
                TokenCache.NO_KEYRING, "1", "NO_COLOR", "1"));
        e.putAll(env);
        pb.environment().keySet().removeIf(k -> k.startsWith("AZURE_"));
        pb.environment().putAll(e);
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p, false, line -> { }));
        String err = read(p, true, onErrLine);
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("amlsh " + String.join(" ", args) + " did not finish");
        }
        return new ChildProcess(p.exitValue(), out.get(30, TimeUnit.SECONDS), err);
    }

    private static String read(Process p, boolean err, Consumer<String> onLine) {
        StringBuilder all = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(err ? p.getErrorStream() : p.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                all.append(line).append('\n');
                onLine.accept(line);
            }
        } catch (IOException e) {
            all.append("(read failed: ").append(e).append(")\n");
        }
        return all.toString();
    }

    @Override
    public String toString() {
        return "exit " + code + "\nstdout:\n" + out + "stderr:\n" + err;
    }
}
