package dev.amlsh.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code amlsh sandbox serve} in its own JVM on a fixed port and home, which the reliability run
 * kills with SIGKILL and starts again. Fault specs are given on the first start only: the rules
 * live in the home, so a restart keeps them (and their counters) without adding them twice.
 *
 * <pre>{@code
 * ServeProcess serve = ServeProcess.start(home, port, List.of("503,rate=0.1"));
 * serve.kill();
 * serve.restart();
 * }</pre>
 */
final class ServeProcess {
    private final Path home;
    private final int port;
    private Process process;

    private ServeProcess(Path home, int port) {
        this.home = home;
        this.port = port;
    }

    static ServeProcess start(Path home, int port, List<String> faults) throws IOException {
        ServeProcess s = new ServeProcess(home, port);
        s.launch(faults);
        return s;
    }

    Path certificate() {
        return home.resolve("sandbox/certificate.pem");
    }

    /** SIGKILL: no shutdown hook, no flush, whatever was in flight is cut off. */
    synchronized void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Starts again on the same port and home (retrying while the port is still held). */
    synchronized void restart() throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                launch(List.of());
                return;
            } catch (IllegalStateException notYet) {
                if (attempt >= 20) {
                    throw notYet;
                }
                Thread.sleep(250);
            }
        }
    }

    /** A clean stop (SIGTERM runs the shutdown hook that closes the store). */
    synchronized void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private void launch(List<String> faults) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), "dev.amlsh.app.Main", "sandbox", "serve", "--port", String.valueOf(port)));
        for (String f : faults) {
            command.add("--fault");
            command.add(f);
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("AMLSH_HOME", home.toString());
        // Operations then answer Retry-After: 1, so each command that waits on one polls for about a second.
        pb.environment().put("AMLSH_SANDBOX_LRO_DELAY_MS", "20");
        process = pb.start();
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly, "serve-stop"));
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.startsWith("ARM endpoint:")) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "serve-output");
                drain.setDaemon(true);
                drain.start();
                return;
            }
        }
        throw new IllegalStateException("sandbox serve did not start:\n" + seen);
    }
}
