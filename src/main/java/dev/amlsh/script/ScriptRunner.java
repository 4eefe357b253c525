package dev.amlsh.script;

import dev.amlsh.core.AmlshException;
import dev.amlsh.command.CommandIo;
import dev.amlsh.command.Dispatcher;
import dev.amlsh.core.ExitCode;
import dev.amlsh.command.ScriptHost;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs {@code .amlsh} scripts through the shell's own dispatcher: the whole script (and what it
 * sources by a literal path) is parsed first, so a syntax error stops it before anything runs;
 * then each command runs in turn, stopping at the first failure with {@code file:line:} before
 * its error. The language is described in the README's "Scripts" section.
 *
 * <pre>{@code
 * int code = ScriptRunner.main(List.of("--what-if", "setup.amlsh", "rg1"), dispatcher, io, System.getenv());
 * }</pre>
 */
public final class ScriptRunner {
    /** Set to 1 to print {@code timing: file:line N ms} on stderr after each command. */
    public static final String TIMING_ENV = "AMLSH_SCRIPT_TIMING";

    private final Dispatcher dispatcher;
    private final ScriptOptions options;

    public ScriptRunner(Dispatcher dispatcher, ScriptOptions options) {
        this.dispatcher = dispatcher;
        this.options = options;
    }

    /** Runs {@code [--what-if] [-x] FILE [ARGS...]} or {@code [--what-if] [-x] -f FILE [ARGS...]}. */
    public static int main(List<String> argv, Dispatcher dispatcher, CommandIo io, Map<String, String> env) {
        ScriptArgs parsed;
        try {
            parsed = ScriptArgs.parse(argv);
        } catch (picocli.CommandLine.ParameterException e) {
            String message = e.getMessage().strip().replaceAll("[\\r\\n]+", " ");
            io.err().println("ERROR: " + message + (message.endsWith(".") ? "" : ".") + " See 'amlsh --help'.");
            return ExitCode.USAGE;
        }
        List<String> rest = parsed.fileThenArgs();
        ScriptOptions options = new ScriptOptions(parsed.whatIf, parsed.trace, "1".equals(env.get(TIMING_ENV)), env);
        Path file = dev.amlsh.core.WorkingDir.resolve(rest.get(0));
        return new ScriptRunner(dispatcher, options).runFile(file, file.getFileName().toString(), rest.subList(1, rest.size()), io);
    }

    /** What {@code source FILE} in the shell calls: the script runs in the shell's session. */
    public static ScriptHost host(Dispatcher dispatcher, Map<String, String> env) {
        return (file, args, io) -> new ScriptRunner(dispatcher, ScriptOptions.of(env)).runFile(dev.amlsh.core.WorkingDir.resolve(file), file, args, io);
    }

    /** Parses and runs a script file; {@code name} is how messages call it. */
    public int runFile(Path file, String name, List<String> args, CommandIo io) {
        ScriptLoader loader = new ScriptLoader(unknownCommand());
        try {
            return run(loader, loader.load(file.toAbsolutePath().normalize(), name), args, io);
        } catch (ScriptSyntaxException e) {
            io.err().println(e.oneLine());
            return ExitCode.USAGE;
        } catch (AmlshException e) {
            io.err().println("ERROR: " + e.oneLine());
            return e.fault().exitCode();
        }
    }

    /** Parses and runs lines read elsewhere (standard input); {@code dir} is where {@code source} looks. */
    public int run(String name, Path dir, List<String> lines, List<String> args, CommandIo io) {
        ScriptLoader loader = new ScriptLoader(unknownCommand());
        try {
            return run(loader, loader.parse(dir.toAbsolutePath().resolve(name), name, lines), args, io);
        } catch (ScriptSyntaxException e) {
            io.err().println(e.oneLine());
            return ExitCode.USAGE;
        }
    }

    private int run(ScriptLoader loader, Ast.Script script, List<String> args, CommandIo io) {
        return new Interpreter(dispatcher, options, loader, io).run(script, args);
    }

    /** The error for a first word that is not a command (with the nearest names), or null. */
    private Function<String, AmlshException> unknownCommand() {
        return word -> {
            if (word.equals("help") || word.equals("az") || dispatcher.isCommand(word)) {
                return null;
            }
            try {
                dispatcher.parseOnly(List.of(word));
                return null;
            } catch (AmlshException e) {
                return e;
            }
        };
    }
}
