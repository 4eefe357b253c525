package dev.amlsh.app;

import dev.amlsh.command.CommandIo;
import dev.amlsh.command.Dispatcher;
import dev.amlsh.core.ExitCode;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** The small pieces of {@link Main}'s modes: usage text, first sign-in. */
final class Launcher {
    static final String USAGE = """
            Usage:
              amlsh                         start the interactive shell
              amlsh -c "COMMAND"            run one command and exit with its code
              amlsh COMMAND WORDS...        the same, without quotes (e.g. amlsh group list)
              amlsh [--what-if] [-x] FILE.amlsh [ARGS...]
              amlsh [--what-if] [-x] -f FILE [ARGS...]
                                            run a script, stopping at the first failing command;
                                            --what-if checks it and prints what it would do,
                                            -x echoes each command (secrets masked) to stderr
              amlsh sandbox serve [--port N] [--idle-timeout 30m]
                                            run the sandbox cloud in the foreground (amlsh
                                            otherwise starts it in the background on demand)
              amlsh --complete "LINE"       print the completions of LINE's last word, one per line
              amlsh --version | --help
            Commands are read from standard input when it is not a terminal.
            State lives in $AMLSH_HOME (default ~/.amlsh).
            """;

    /** The completion index's cache file, under {@code $AMLSH_HOME/cache/}. */
    static final String INDEX_CACHE = "index.json";

    /** How long sandbox long-running operations take unless AMLSH_SANDBOX_LRO_DELAY_MS says otherwise. */
    private static final Duration DEFAULT_LRO_DELAY = Duration.ofMillis(500);

    private Launcher() {
    }

    static Duration lroDelay(Map<String, String> env) {
        String value = env.get("AMLSH_SANDBOX_LRO_DELAY_MS");
        if (value == null || value.isBlank()) {
            return DEFAULT_LRO_DELAY;
        }
        try {
            return Duration.ofMillis(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            return DEFAULT_LRO_DELAY;
        }
    }

    /**
     * With no {@code login} (or after a sign-in from the environment), signs in the service principal
     * the AZURE_* environment variables name, as azure-identity's EnvironmentCredential and
     * WorkloadIdentityCredential do (an explicit login is kept). Returns -1 when the environment
     * names none, else 0, or 1 when its credentials were refused (said in one line).
     */
    static int signInFromEnvironment(Dispatcher dispatcher, PrintStream err) {
        var fromEnv = dispatcher.session().environmentIdentity();
        if (fromEnv.isEmpty()) {
            return -1;
        }
        dev.amlsh.session.Identity current = dispatcher.session().state().identity();
        boolean environmental = current != null && (dev.amlsh.session.Identity.ENVIRONMENT.equals(current.method())
                || dev.amlsh.session.Identity.WORKLOAD_IDENTITY.equals(current.method()));
        if (current != null && (!environmental || current.equals(fromEnv.get()))) {
            return ExitCode.OK;
        }
        try {
            dispatcher.azure().account().signIn(fromEnv.get(), null, null, message -> { });
            return ExitCode.OK;
        } catch (RuntimeException e) {
            err.println("ERROR: " + dev.amlsh.azure.ArmErrors.translate(e).getMessage());
            return ExitCode.ERROR;
        }
    }

    /**
     * The shell's first sign-in on a fresh home, while the prompt is already up: returns null when
     * it worked, else the warning to show (its error, and what to run).
     */
    static String signInInBackground(Dispatcher dispatcher) {
        java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
        PrintStream err = new PrintStream(said, true, StandardCharsets.UTF_8);
        if (signInQuietly(dispatcher, err, false) == ExitCode.OK) {
            return null;
        }
        String why = said.toString(StandardCharsets.UTF_8).strip().replaceFirst("^ERROR: ", "");
        return "WARNING: could not sign in to the sandbox" + (why.isEmpty() ? "" : ": " + why.lines().findFirst().orElse(""))
                + "; run 'login --sandbox'.";
    }

    /** Runs {@code work} on a daemon thread (leaving the shell never waits for it), completing {@code result}. */
    static void inBackground(java.util.function.Supplier<String> work, java.util.concurrent.CompletableFuture<String> result) {
        Thread t = new Thread(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }, "amlsh-first-sign-in");
        t.setDaemon(true);
        t.start();
    }

    /** On a fresh home, signs in to the sandbox so the first command just works. */
    static int signInQuietly(Dispatcher dispatcher, PrintStream err, boolean interactive) {
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        int code = dispatcher.dispatch("login --sandbox -o none", CommandIo.plain(discard, err));
        if (code != ExitCode.OK && interactive) {
            err.println("WARNING: could not sign in to the sandbox; run 'login --sandbox'.");
        }
        return code;
    }
}
