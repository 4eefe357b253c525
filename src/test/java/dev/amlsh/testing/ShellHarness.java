package dev.amlsh.testing;

import dev.amlsh.command.CommandIo;
import dev.amlsh.command.Dispatcher;
import dev.amlsh.session.AmlshHome;
import dev.amlsh.session.Session;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Drives amlsh the way a user does: typed lines in, exact output and exit codes out, against a
 * real sandbox (HTTPS, in its own temporary home) through the real Azure SDK.
 *
 * <pre>{@code
 * try (ShellHarness sh = ShellHarness.signedIn()) {
 *     Run r = sh.run("group create -n rg1 -l eastus");
 * }
 * }</pre>
 */
public final class ShellHarness implements AutoCloseable {
    private final Path home;
    private final Session session;
    private final Dispatcher dispatcher;

    /** What one line printed and returned. */
    public record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
        }
    }

    private ShellHarness(Path home) {
        this(home, Duration.ZERO);
    }

    private ShellHarness(Path home, Duration lroDelay) {
        this.home = home;
        AmlshHome amlshHome = new AmlshHome(home);
        // The home's sandbox service runs in this JVM (started once, shared by every shell of the home, reached over HTTPS).
        this.session = Session.open(amlshHome, lroDelay, InProcessSandboxes.create(amlshHome.sandbox(), lroDelay));
        this.dispatcher = new Dispatcher(session);
    }

    /** A fresh home, signed in to its sandbox as the default user. */
    public static ShellHarness signedIn() {
        ShellHarness sh = on(newHome());
        Run login = sh.run("login --sandbox -o none");
        if (login.exitCode() != 0) {
            sh.close();
            throw new IllegalStateException("sign-in failed: " + login);
        }
        return sh;
    }

    /** A shell on an existing home, as a second shell of the same user would be. */
    public static ShellHarness on(Path home) {
        return new ShellHarness(home);
    }

    /** A shell on an existing home whose sandbox operations take {@code lroDelay} (for operations nobody waits for). */
    public static ShellHarness on(Path home, Duration lroDelay) {
        return new ShellHarness(home, lroDelay);
    }

    /** A new empty home, deleted with the others when the test JVM ends. */
    public static Path newHome() {
        return TempHomes.newHome();
    }

    public Run run(String line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = dispatcher.dispatch(line, CommandIo.plain(o, e));
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs a line that must succeed; returns its standard output. */
    public String ok(String line) {
        Run r = run(line);
        if (r.exitCode() != 0) {
            throw new AssertionError("'" + line + "' failed:\n" + r);
        }
        return r.out();
    }

    public Path home() {
        return home;
    }

    public Session session() {
        return session;
    }

    public Dispatcher dispatcher() {
        return dispatcher;
    }

    /** The home's sandbox, hosted in this JVM: for tests that plant state or revoke sign-ins directly. */
    public dev.amlsh.sandbox.Sandbox sandbox() {
        session.localCloud();
        return InProcessSandboxes.sandbox(new AmlshHome(home).sandbox());
    }

    @Override
    public void close() {
        session.close();
    }
}
