package dev.amlsh.session;

import dev.amlsh.sandbox.contract.ServiceFiles;
import dev.amlsh.sandbox.contract.ServiceRecord;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts the sandbox service as a detached child process ({@code amlsh sandbox serve --background}
 * on the same java and class path), in a session of its own so it outlives this process and the
 * terminal, with its output appended to {@value ServiceFiles#LOG} in the sandbox home.
 *
 * <pre>{@code
 * new ChildProcessStarter(home, Duration.ofMillis(500)).start(home.sandbox(), 0);
 * }</pre>
 */
final class ChildProcessStarter implements SandboxStarter {
    private static final Duration START_LIMIT = Duration.ofSeconds(90);
    private static final long LOG_LIMIT = 1024 * 1024;
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final AmlshHome amlshHome;
    private final Duration lroDelay;

    ChildProcessStarter(AmlshHome amlshHome, Duration lroDelay) {
        this.amlshHome = amlshHome;
        this.lroDelay = lroDelay;
    }

    @Override
    public void start(Path sandboxHome, int preferredPort) throws IOException {
        Path log = sandboxHome.resolve(ServiceFiles.LOG);
        if (Files.exists(log) && Files.size(log) > LOG_LIMIT) {
            Files.move(log, log.resolveSibling(ServiceFiles.LOG + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        ProcessBuilder pb = new ProcessBuilder(command(preferredPort));
        pb.environment().put("AMLSH_HOME", amlshHome.root().toAbsolutePath().toString());
        pb.environment().put("AMLSH_SANDBOX_LRO_DELAY_MS", String.valueOf(lroDelay.toMillis()));
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.redirectErrorStream(true);
        Process child = pb.start();
        AmlshHome.setPermissions(log, "rw-------");
        long end = System.nanoTime() + START_LIMIT.toNanos();
        Path recordFile = sandboxHome.resolve(ServiceFiles.RECORD);
        while (System.nanoTime() < end) {
            Optional<ServiceRecord> r = ServiceRecord.read(recordFile);
            if (r.isPresent() && r.get().pid() == child.pid()) {
                return;
            }
            if (!child.isAlive()) {
                String said = tail(log, logStart);
                throw new SandboxStartException(said.startsWith(": ")
                        ? said.substring(2).replaceFirst("^.*?sandbox: cannot start: ", "")
                        : "its process ended (exit " + child.exitValue() + ")", log);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while the sandbox started", e);
            }
        }
        child.destroyForcibly();
        throw new SandboxStartException("it did not start within " + START_LIMIT.toSeconds() + " s", log);
    }

    private List<String> command(int preferredPort) {
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            cmd.add(SETSID.toString()); // its own session: Ctrl-C or a closed terminal of this shell do not reach it
        }
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add(java);
        cmd.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss2m", "-Xshare:auto"));
        // Where SQLite's native library is found belongs to the sandbox: settings given to amlsh go on to it.
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("org.sqlite.")).sorted()
                .forEach(k -> cmd.add("-D" + k + "=" + System.getProperty(k)));
        cmd.add("-cp");
        cmd.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        cmd.addAll(List.of("dev.amlsh.app.Main", "sandbox", "serve", "--background"));
        String idle = System.getenv(ServiceFiles.IDLE_TIMEOUT_ENV);
        cmd.add("--idle-timeout");
        cmd.add(idle == null || idle.isBlank() ? ServiceFiles.DEFAULT_IDLE_TIMEOUT : idle.trim());
        if (preferredPort > 0) {
            cmd.add("--preferred-port");
            cmd.add(String.valueOf(preferredPort));
        }
        return cmd;
    }

    /** The last lines the failed process wrote, for the one-line error. */
    private static String tail(Path log, long from) {
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(from, f.length() - 600);
            f.seek(start);
            byte[] b = new byte[(int) (f.length() - start)];
            f.readFully(b);
            String text = new String(b, StandardCharsets.UTF_8).strip().replace('\n', ' ');
            return text.isEmpty() ? "; see " + log : ": " + text;
        } catch (IOException e) {
            return "; see " + log;
        }
    }
}
