package dev.amlsh.app;

import dev.amlsh.command.CommandIo;
import dev.amlsh.command.Dispatcher;
import dev.amlsh.core.ExitCode;
import dev.amlsh.complete.Completions;
import dev.amlsh.script.ScriptOptions;
import dev.amlsh.script.ScriptRunner;
import dev.amlsh.session.AmlshHome;
import dev.amlsh.session.Preconnect;
import dev.amlsh.session.Session;
import dev.amlsh.shell.Repl;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Entry point of amlsh: picks the mode and exits with its code.
 * <ul>
 *   <li>{@code amlsh}: the interactive shell (commands from standard input when it is not a terminal)</li>
 *   <li>{@code amlsh -c "group list"}: one command</li>
 *   <li>{@code amlsh [--what-if] [-x] FILE.amlsh [ARGS]} or {@code amlsh -f FILE [ARGS]}: a script
 *   (also an executable script starting with {@code #!/usr/bin/env amlsh})</li>
 *   <li>{@code amlsh group list}: the words as one command</li>
 *   <li>{@code amlsh sandbox serve [--port N]}: the sandbox cloud alone, for other clients</li>
 * </ul>
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        if (args.length == 1 && args[0].equals(ResidentServer.SERVE_ARG)) {
            System.exit(ResidentServer.serve(env));
        }
        int code = run(args, env, System.out, System.err);
        if ("1".equals(env.get(ResidentStart.START_ENV))) {
            // the launcher ran this one-shot command itself: the next ones go to a warm process
            System.out.flush();
            System.err.flush();
            ResidentStart.inBackground(env);
        }
        System.exit(code);
    }

    /** Runs amlsh with these arguments and environment; returns the exit code. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return run(args, env, out, err, out == System.out && Tty.inAndOut(), true);
    }

    /**
     * The same, for a caller whose output is a terminal or not ({@code terminal}); {@code preconnect}
     * false in a process whose connections are already open (the resident process).
     */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, boolean terminal,
                   boolean preconnect) {
        if (preconnect && reachesTheCloud(args)) {
            // the sandbox's TLS connection opens while the arguments, configuration and parser are read
            Preconnect.start(AmlshHome.fromEnvironment(env));
        }
        ProcessArgs.Invocation call = ProcessArgs.parse(args, out, err);
        if (call.mode() == ProcessArgs.Mode.EXIT) {
            return call.exitCode();
        }
        AmlshHome home = AmlshHome.fromEnvironment(env);
        java.util.Optional<String> unusable = home.problem();
        if (call.mode() == ProcessArgs.Mode.SHELL && out == System.out && Tty.inAndOut() && unusable.isEmpty()) {
            Repl.openTerminalEarly(env, home.cache());   // beside the session's start, on the other core
        }
        if (call.mode() == ProcessArgs.Mode.COMPLETE) {
            return CompleteMode.run(home, call.args(), env, out, err);
        }
        if (call.mode() == ProcessArgs.Mode.SERVE) {
            return SandboxServe.run(home, call.args(), env, out, err);
        }
        if (unusable.isPresent()) {
            err.println("ERROR: " + unusable.get());
            return ExitCode.ERROR;
        }
        try (Session session = Session.open(home, Launcher.lroDelay(env), env)) {
            // a fresh home, or one whose damaged config.json was just set aside: sign in as on a first run
            boolean firstRun = !Files.exists(home.config()) && !session.state().signedIn();
            boolean interactive = call.mode() == ProcessArgs.Mode.SHELL && Tty.inAndOut();
            // commands read only the command groups they use; the shell reads the rest once its prompt is up
            Dispatcher dispatcher = new Dispatcher(session, false);
            // what reaches a terminal is escaped; what goes to a pipe or file stays byte-exact
            CommandIo io = CommandIo.plain(out, err).onTerminal(terminal);
            dispatcher.scriptHost(ScriptRunner.host(dispatcher, env));
            int fromEnvironment = Launcher.signInFromEnvironment(dispatcher, err);
            if (fromEnvironment == ExitCode.ERROR && call.mode() != ProcessArgs.Mode.SHELL) {
                return fromEnvironment; // a pipeline's credentials were refused: stop here, in one line
            }
            java.util.concurrent.CompletableFuture<String> signingIn = null;
            if (fromEnvironment < 0 && firstRun && session.cloud().isSandbox() && interactive) {
                // a newcomer gets the prompt at once; the sandbox starts and signs them in meanwhile
                signingIn = new java.util.concurrent.CompletableFuture<>();   // started with the first prompt, below
            } else if (fromEnvironment < 0 && firstRun && session.cloud().isSandbox()) {
                int signedIn = Launcher.signInQuietly(dispatcher, err, interactive);
                if (signedIn != ExitCode.OK && !interactive) {
                    session.warnings().forEach(err::println);
                    return signedIn;    // its error says what is wrong; the command would only add "not signed in"
                }
            }
            java.nio.file.Path cache = home.cache().resolve(Launcher.INDEX_CACHE);
            if (interactive) {
                if (firstRun) {
                    err.print(signingIn != null ? dev.amlsh.command.Greeting.whileSigningIn(session)
                            : dev.amlsh.command.Greeting.text(session));
                }
                try (Completions completions = Completions.forShell(dispatcher, cache, env)) {
                    var signIn = signingIn;
                    // Nothing competes with the prompt for the processor: what the first Tab or command
                    // needs (the whole command tree, the resource index, a warm connection) starts here.
                    Runnable warmUp = () -> {
                        if (signIn != null) {
                            Launcher.inBackground(() -> Launcher.signInInBackground(dispatcher), signIn);
                        }
                        dispatcher.readWholeTreeInBackground();
                        if (signIn == null) {
                            completions.warmUp();
                            Warmup.start(dispatcher);
                        } else {
                            signIn.thenRun(() -> {
                                completions.warmUp();
                                Warmup.start(dispatcher);
                            });
                        }
                    };
                    return new Repl(dispatcher, home.history(), completions.completer()).signingIn(signIn)
                            .atFirstPrompt(warmUp).run();
                }
            }
            // One-shot commands keep an existing cache in step with what they create and delete.
            try (Completions tracking = Files.exists(cache) ? Completions.tracking(dispatcher, cache) : null) {
                return runOnce(call, dispatcher, io, session, err, env);
            }
        } catch (IOException | RuntimeException e) {
            err.println("ERROR: amlsh could not start: " + e.getMessage());
            if (call.debug()) {
                e.printStackTrace(err);
            }
            return ExitCode.ERROR;
        }
    }

    /** True for one-shot commands and scripts: not the shell, what never talks to the cloud, the sandbox's own commands. */
    private static boolean reachesTheCloud(String[] args) {
        // the shell (no arguments) connects once its prompt is up (Warmup), so nothing delays the prompt
        return args.length > 0 && !List.of("--version", "-h", "--help", "--complete", "sandbox").contains(args[0]);
    }

    private static int runOnce(ProcessArgs.Invocation call, Dispatcher dispatcher, CommandIo io, Session session, PrintStream err,
                               Map<String, String> env) throws IOException {
        session.warnings().forEach(err::println);
        if (call.mode() == ProcessArgs.Mode.SHELL) {
            List<String> lines = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).lines().toList();
            return new ScriptRunner(dispatcher, ScriptOptions.of(env)).run("<stdin>", Path.of(""), lines, List.of(), io);
        }
        if (call.mode() == ProcessArgs.Mode.COMMAND) {
            return dispatcher.dispatch(call.args().get(0), io);
        }
        if (call.mode() == ProcessArgs.Mode.SCRIPT) {
            return ScriptRunner.main(call.args(), dispatcher, io, env);
        }
        return dispatcher.dispatch(call.args(), io);
    }
}
