package dev.amlsh.app;

import dev.amlsh.command.CommandIo;
import dev.amlsh.command.Dispatcher;
import dev.amlsh.command.ExitCode;
import dev.amlsh.script.ScriptRunner;
import dev.amlsh.session.AmlshHome;
import dev.amlsh.session.Session;
import dev.amlsh.shell.Repl;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Entry point of amlsh: picks the mode and exits with its code.
 * <ul>
 *   <li>{@code amlsh}: the interactive shell (commands from standard input when it is not a terminal)</li>
 *   <li>{@code amlsh -c "group list"}: one command</li>
 *   <li>{@code amlsh FILE.amlsh} or {@code amlsh -f FILE}: a script</li>
 *   <li>{@code amlsh group list}: the words as one command</li>
 *   <li>{@code amlsh sandbox serve [--port N]}: the sandbox cloud alone, for other clients</li>
 * </ul>
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs amlsh with these arguments and environment; returns the exit code. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        List<String> argv = Arrays.asList(args);
        if (argv.equals(List.of("--version"))) {
            out.println("amlsh " + dev.amlsh.azure.Version.current());
            return ExitCode.OK;
        }
        if (argv.equals(List.of("-h")) || argv.equals(List.of("--help"))) {
            out.print(Launcher.USAGE);
            return ExitCode.OK;
        }
        AmlshHome home = AmlshHome.fromEnvironment(env);
        if (argv.size() >= 2 && argv.get(0).equals("sandbox") && argv.get(1).equals("serve")) {
            return SandboxServe.run(home, argv.subList(2, argv.size()), env, out, err);
        }
        boolean firstRun = !Files.exists(home.config());
        try (Session session = Session.open(home, Launcher.lroDelay(env))) {
            Dispatcher dispatcher = new Dispatcher(session);
            CommandIo io = CommandIo.plain(out, err);
            if (firstRun && session.cloud().isSandbox()) {
                Launcher.signInQuietly(dispatcher, err);
            }
            if (argv.isEmpty()) {
                if (System.console() != null) {
                    return new Repl(dispatcher, home.history()).atFirstPrompt(() -> Warmup.start(dispatcher)).run();
                }
                session.warnings().forEach(err::println);
                return ScriptRunner.run("<stdin>", new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                        dispatcher, io);
            }
            session.warnings().forEach(err::println);
            String first = argv.get(0);
            if (first.equals("-c")) {
                if (argv.size() != 2) {
                    err.println("ERROR: -c takes one command in quotes, e.g. amlsh -c \"group list\".");
                    return ExitCode.USAGE;
                }
                return dispatcher.dispatch(argv.get(1), io);
            }
            if (first.equals("-f") || first.endsWith(".amlsh")) {
                return Launcher.runScript(first.equals("-f") ? argv.subList(1, argv.size()) : argv, dispatcher, io);
            }
            return dispatcher.dispatch(argv, io);
        } catch (IOException | RuntimeException e) {
            err.println("ERROR: amlsh could not start: " + e.getMessage());
            if (argv.contains("--debug")) {
                e.printStackTrace(err);
            }
            return ExitCode.ERROR;
        }
    }
}
