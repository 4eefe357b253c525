package dev.amlsh.app;

import dev.amlsh.session.AmlshHome;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the home's resident process ({@link ResidentServer}) after a one-shot command the
 * launcher ran in a process of its own, with that process's java, options and class path.
 *
 * <pre>{@code
 * if ("1".equals(env.get(ResidentStart.START_ENV))) ResidentStart.inBackground(env);
 * }</pre>
 */
final class ResidentStart {
    /** Set by the launchers on a one-shot command they run themselves: start a resident process after it. */
    static final String START_ENV = "AMLSH_RESIDENT_START";
    private static final String LOG = "resident.log";
    /** A Unix socket's path must fit in 108 bytes; a home deeper than that gets no resident process. */
    private static final int SOCKET_PATH_LIMIT = 100;

    private ResidentStart() {
    }

    /**
     * Starts this home's resident process, detached (its own session, its output in
     * {@code run/resident.log}), with this process's java, options and class path. Never waits for it.
     */
    static void inBackground(Map<String, String> env) {
        try {
            if (ResidentProtocol.socket(env).toString().getBytes(StandardCharsets.UTF_8).length > SOCKET_PATH_LIMIT) {
                return;
            }
            Path run = AmlshHome.fromEnvironment(env).runFolder();
            List<String> cmd = new ArrayList<>();
            if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
                cmd.add("/usr/bin/setsid");
            }
            cmd.addAll(javaCommand());
            cmd.add(ResidentServer.SERVE_ARG);
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.environment().remove(START_ENV);
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(run.resolve(LOG).toFile()));
            pb.redirectErrorStream(true);
            pb.start();
        } catch (IOException | RuntimeException e) {
            // commands still run, each in a process of its own
        }
    }

    /** This JVM's command line up to its main class or jar: the resident runs like it. */
    private static List<String> javaCommand() {
        ProcessHandle.Info info = ProcessHandle.current().info();
        String java = info.command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> args = List.of(info.arguments().orElse(new String[0]));
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        // it lives long: give memory back after a big answer
        cmd.addAll(List.of("-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30"));
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-jar") && i + 1 < args.size()) {
                cmd.add(a);
                cmd.add(args.get(i + 1));
                return cmd;
            }
            if (a.equals(Main.class.getName())) {
                cmd.add(a);
                return cmd;
            }
            if (a.startsWith("-XX:ArchiveClassesAtExit") || a.startsWith("-XX:AOTCacheOutput")) {
                continue;   // a training run's archive is made by that run alone
            }
            cmd.add(a);
        }
        // arguments unknown (another OS): the class path this JVM was given
        return List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Main.class.getName());
    }

}
