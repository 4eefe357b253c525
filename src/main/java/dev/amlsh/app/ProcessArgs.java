package dev.amlsh.app;

import dev.amlsh.core.ExitCode;
import dev.amlsh.script.ScriptArgs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * The process's arguments, parsed by picocli into the mode {@link Main} runs. Option parsing stops
 * at the first word that is not an option, so what follows it (a command's own options, a script's
 * arguments) is kept verbatim: {@code amlsh group list -g x} hands {@code -g x} to the command.
 * Bad arguments get one line with the usage hint and exit code 2; nothing of the command tree, the
 * SDK or JLine is loaded to parse them.
 *
 * <pre>{@code
 * ProcessArgs.Invocation call = ProcessArgs.parse(args, out, err);
 * if (call.mode() == ProcessArgs.Mode.EXIT) return call.exitCode();
 * }</pre>
 */
@Command(name = "amlsh")
final class ProcessArgs {
    /** What the process was asked to do. */
    enum Mode {
        /** The interactive shell, or commands from standard input. */
        SHELL,
        /** {@code -c "COMMAND"}: {@code args} holds the command line. */
        COMMAND,
        /** {@code amlsh WORDS...}: the words as one command. */
        WORDS,
        /** A script: {@code args} is {@code [--what-if] [-x] -f FILE [ARGS...]} for {@code ScriptRunner.main}. */
        SCRIPT,
        /** {@code --complete LINE}: {@code args} holds the line. */
        COMPLETE,
        /** {@code sandbox serve ...}: {@code args} holds what follows {@code serve}. */
        SERVE,
        /** Help, version or a usage error was printed: exit with {@code exitCode}. */
        EXIT
    }

    /** The mode, its arguments, whether {@code --debug} was given, and the exit code of {@link Mode#EXIT}. */
    record Invocation(Mode mode, List<String> args, boolean debug, int exitCode) {
        static Invocation of(Mode mode, List<String> args, boolean debug) {
            return new Invocation(mode, List.copyOf(args), debug, ExitCode.OK);
        }

        static Invocation exit(int code) {
            return new Invocation(Mode.EXIT, List.of(), false, code);
        }
    }

    static final String HINT = "See 'amlsh --help'.";

    @Option(names = "-c", paramLabel = "COMMAND")
    String command;

    @Option(names = "--complete", paramLabel = "LINE")
    String completeLine;

    @Option(names = "--what-if")
    boolean whatIf;

    @Option(names = "-x")
    boolean trace;

    /** {@code -f FILE [ARGS...]}: what follows FILE is the script's, options or not. */
    @Option(names = "-f", paramLabel = "FILE", parameterConsumer = ScriptArgs.FileAndArgs.class)
    List<String> fileAndArgs;

    @Option(names = "--debug")
    boolean debug;

    @Option(names = "--version", versionHelp = true)
    boolean version;

    @Option(names = {"-h", "--help"}, usageHelp = true)
    boolean help;

    @Parameters(paramLabel = "WORDS")
    List<String> words = new ArrayList<>();

    /** Parses the arguments; help, version and usage errors are printed here (mode {@link Mode#EXIT}). */
    static Invocation parse(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            // Nothing to parse: the shell starts without loading picocli (~0.2 s) before its prompt.
            return Invocation.of(Mode.SHELL, List.of(), false);
        }
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("--help") || args[0].equals("-h"))) {
            // nothing to parse either: answered without loading picocli (~0.2 s)
            out.print(args[0].equals("--version") ? "amlsh " + dev.amlsh.azure.Version.current() + "\n" : Launcher.USAGE);
            return Invocation.exit(ExitCode.OK);
        }
        ProcessArgs parsed = new ProcessArgs();
        CommandLine cl = strict(new CommandLine(parsed));
        try {
            cl.parseArgs(args);
            if (cl.isUsageHelpRequested()) {
                out.print(Launcher.USAGE);
                return Invocation.exit(ExitCode.OK);
            }
            if (cl.isVersionHelpRequested()) {
                out.println("amlsh " + dev.amlsh.azure.Version.current());
                return Invocation.exit(ExitCode.OK);
            }
            return parsed.mode(cl, List.of(args).contains("--debug"));
        } catch (ParameterException e) {
            err.println(oneLine(e.getMessage(), HINT));
            return Invocation.exit(ExitCode.USAGE);
        }
    }

    /** picocli as amlsh's process arguments need it: no {@code @file} expansion, options only before the first word. */
    static CommandLine strict(CommandLine cl) {
        return cl.setExpandAtFiles(false).setStopAtPositional(true);
    }

    /** {@code ERROR: <what picocli said>. <hint>} on one line. */
    static String oneLine(String message, String hint) {
        String m = message == null || message.isBlank() ? "Bad arguments" : message.strip().replaceAll("[\\r\\n]+", " ");
        return "ERROR: " + m + (m.endsWith(".") ? " " : ". ") + hint;
    }

    private Invocation mode(CommandLine cl, boolean debugged) {
        boolean script = whatIf || trace || fileAndArgs != null;
        if (completeLine != null) {
            if (command != null || script || !words.isEmpty()) {
                throw new ParameterException(cl, "--complete takes the line in quotes and nothing else, e.g. amlsh --complete \"group show -g \"");
            }
            return Invocation.of(Mode.COMPLETE, List.of(completeLine), debugged);
        }
        if (command != null) {
            if (script || !words.isEmpty()) {
                throw new ParameterException(cl, "-c takes one command in quotes, e.g. amlsh -c \"group list\"");
            }
            return Invocation.of(Mode.COMMAND, List.of(debug ? command + " --debug" : command), debugged);
        }
        if (!script && words.size() >= 2 && words.get(0).equals("sandbox") && words.get(1).equals("serve")) {
            return Invocation.of(Mode.SERVE, words.subList(2, words.size()), debugged);
        }
        if (script || !words.isEmpty() && isScriptFile(words.get(0))) {
            List<String> fileArgs = fileAndArgs != null ? fileAndArgs : words;
            if (fileArgs.isEmpty()) {
                throw new ParameterException(cl, "Which script? Give its file, e.g. amlsh -f deploy.amlsh or amlsh --what-if deploy.amlsh");
            }
            List<String> run = new ArrayList<>(flags());
            run.add("-f");
            run.addAll(fileArgs);
            return Invocation.of(Mode.SCRIPT, run, debugged);
        }
        if (words.isEmpty()) {
            return Invocation.of(Mode.SHELL, List.of(), debugged);
        }
        List<String> line = new ArrayList<>(words);
        if (debug && !line.contains("--debug")) {
            line.add("--debug");
        }
        return Invocation.of(Mode.WORDS, line, debugged);
    }

    private List<String> flags() {
        List<String> flags = new ArrayList<>();
        if (whatIf) {
            flags.add("--what-if");
        }
        if (trace) {
            flags.add("-x");
        }
        return flags;
    }

    /** A first word that names a script: a {@code .amlsh} file, or an executable starting with an amlsh shebang. */
    static boolean isScriptFile(String word) {
        try {
            return word.endsWith(".amlsh") || startsWithShebang(dev.amlsh.core.WorkingDir.resolve(word));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    private static boolean startsWithShebang(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = reader.readLine();
            return line != null && line.startsWith("#!") && line.contains("amlsh");
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }
}
