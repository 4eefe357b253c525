package dev.amlsh.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Stack;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * A script run's arguments, {@code [--what-if] [-x] [-f] FILE [ARGS...]}, parsed by picocli:
 * options only before FILE; ARGS are the script's own, even when they look like options.
 *
 * <pre>{@code
 * ScriptArgs a = ScriptArgs.parse(List.of("-x", "deploy.amlsh", "-g", "rg1")); // file deploy.amlsh, args [-g, rg1]
 * }</pre>
 */
@Command(name = "amlsh")
public final class ScriptArgs {
    @Option(names = "--what-if")
    boolean whatIf;

    @Option(names = "-x")
    boolean trace;

    @Option(names = "-f", paramLabel = "FILE", parameterConsumer = FileAndArgs.class)
    List<String> fileAndArgs;

    @Parameters(paramLabel = "FILE")
    List<String> positional = new ArrayList<>();

    private ScriptArgs() {
    }

    /** Parses the arguments; a usage error is a {@link ParameterException} with picocli's message. */
    static ScriptArgs parse(List<String> argv) {
        ScriptArgs parsed = new ScriptArgs();
        CommandLine cl = new CommandLine(parsed).setExpandAtFiles(false).setStopAtPositional(true);
        cl.parseArgs(argv.toArray(String[]::new));
        if (parsed.fileAndArgs == null && parsed.positional.isEmpty()) {
            throw new ParameterException(cl, "Which script? Give its file, e.g. amlsh -f deploy.amlsh or amlsh --what-if deploy.amlsh");
        }
        return parsed;
    }

    /** FILE followed by the script's arguments. */
    List<String> fileThenArgs() {
        return fileAndArgs != null ? fileAndArgs : positional;
    }

    /**
     * For {@code -f}: takes FILE and every argument after it, so a script's own options stay its own
     * ({@code amlsh -f deploy.amlsh -g rg1}).
     */
    public static final class FileAndArgs implements IParameterConsumer {
        @Override
        public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
            if (args.isEmpty()) {
                throw new ParameterException(commandSpec.commandLine(),
                        "Missing required parameter for option '" + ((OptionSpec) argSpec).longestName() + "' (FILE)");
            }
            List<String> taken = new ArrayList<>();
            while (!args.isEmpty()) {
                taken.add(args.pop());
            }
            argSpec.setValue(taken);
        }
    }
}
