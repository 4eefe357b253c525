package dev.amlsh.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A tmux server of a test's own (its socket name), driven as a user at a terminal: run tmux
 * commands against it, and wait until its pane shows what the test expects.
 *
 * <pre>{@code
 * TmuxScreen tmux = new TmuxScreen("amlsh-test-" + ProcessHandle.current().pid());
 * tmux.run("new-session", "-d", "-s", "t", "-x", "200", "-y", "50", command);
 * String screen = tmux.await(s -> s.contains("amlsh Sandbox>"), Duration.ofSeconds(60));
 * }</pre>
 */
public final class TmuxScreen {
    private final String socket;

    public TmuxScreen(String socket) {
        this.socket = socket;
    }

    /** Runs {@code tmux -L SOCKET ARGS...}; returns what it printed. */
    public String run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    /** The screen of window "t" once {@code ready} holds for it; fails with the screen when it never does. */
    public String await(Predicate<String> ready, Duration limit) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        String screen = "";
        while (System.nanoTime() < end) {
            screen = run("capture-pane", "-p", "-t", "t").strip();
            if (ready.test(screen)) {
                return screen;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the terminal never showed what was expected; it shows:\n" + screen);
    }
}
