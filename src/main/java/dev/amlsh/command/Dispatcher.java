package dev.amlsh.command;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import dev.amlsh.azure.AmlshException;
import dev.amlsh.azure.ArmErrors;
import dev.amlsh.azure.Azure;
import dev.amlsh.azure.HttpDebugPolicy;
import dev.amlsh.output.OutputFormat;
import dev.amlsh.output.OutputWriter;
import dev.amlsh.output.Query;
import dev.amlsh.session.Session;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Runs one command line: the shell, scripts, {@code -c} and standard input all come through
 * {@link #dispatch(String, CommandIo)}. Parses with the picocli tree, runs the command, applies
 * {@code --query} and the output format, and turns every failure into one line and an exit code.
 *
 * <pre>{@code
 * Dispatcher d = new Dispatcher(session);
 * int code = d.dispatch("group create -n rg1 -l eastus", io);
 * }</pre>
 */
public final class Dispatcher {
    private final CommandContext context;
    private final java.util.concurrent.CompletableFuture<CommandLine> tree;
    private volatile JsonElement lastResult = JsonNull.INSTANCE;

    public Dispatcher(Session session) {
        HttpDebugPolicy debug = new HttpDebugPolicy();
        Azure azure = new Azure(session, List.of(debug));
        this.context = new CommandContext(session, azure, debug,
                CommandIo.plain(System.out, System.err));
        // picocli reads every command's annotations (~0.4 s at start); the terminal is set up meanwhile
        this.tree = java.util.concurrent.CompletableFuture.supplyAsync(() -> CommandTree.build(context), task -> {
            Thread t = new Thread(task, "amlsh-command-tree");
            t.setDaemon(true);
            t.start();
        });
    }

    public Session session() {
        return context.session();
    }

    /** The cloud facade the commands use, for warming it up before the first command. */
    public Azure azure() {
        return context.azure();
    }

    /** The picocli tree, for help and completion. */
    public CommandLine tree() {
        return tree.join();
    }

    /** The value the last successful command printed (before --query), for follow-up queries. */
    public JsonElement lastResult() {
        return lastResult;
    }

    /** Runs one line; returns its exit code. Blank lines and {@code #} comments do nothing. */
    public int dispatch(String line, CommandIo io) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return ExitCode.OK;
        }
        try {
            return dispatch(LineTokenizer.split(trimmed), io);
        } catch (AmlshException e) {
            return report(io, e, false);
        }
    }

    /** Runs one command given as words; returns its exit code. */
    public synchronized int dispatch(List<String> words, CommandIo io) {
        List<String> args = new ArrayList<>(words);
        if (!args.isEmpty() && args.get(0).equals("az")) {
            args.remove(0);
        }
        if (args.isEmpty()) {
            return ExitCode.OK;
        }
        context.io(io);
        if (args.get(0).equals("help")) {
            return Help.print(tree(), args.subList(1, args.size()), io);
        }
        boolean debug = args.contains("--debug");
        ParseResult parsed;
        try {
            parsed = tree().parseArgs(args.toArray(String[]::new));
        } catch (ParameterException e) {
            return report(io, UsageErrors.describe(e), debug);
        }
        ParseResult leaf = parsed;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        CommandLine target = leaf.commandSpec().commandLine();
        if (leaf.isUsageHelpRequested() || !(target.getCommand() instanceof AmlCommand command)) {
            io.out().print(Help.usage(target));
            return ExitCode.OK;
        }
        return run(command, target, io);
    }

    private int run(AmlCommand command, CommandLine target, CommandIo io) {
        GlobalOptions global = command.global();
        try {
            OutputFormat format = global.output == null ? OutputFormat.JSON : parseFormat(global.output);
            Query query = global.query == null ? null : Query.compile(global.query);
            context.debug().sink(global.debug ? io.err() : null);
            command.prepare();
            CommandResult result = Progress.around(io, command.longRunning() && !global.onlyShowErrors,
                    command::execute);
            if (result == null || result.value() == null) {
                return ExitCode.OK;
            }
            lastResult = result.value();
            io.out().print(OutputWriter.render(result.value(), query, format, result.columns(), io.color()));
            io.out().flush();
            return ExitCode.OK;
        } catch (RuntimeException e) {
            AmlshException error = e instanceof dev.amlsh.output.QueryException q
                    ? AmlshException.usage(q.getMessage(), "Check the JMESPath expression given to --query.")
                    : ArmErrors.translate(e);
            return report(io, error, global.debug);
        } finally {
            context.debug().sink(null);
        }
    }

    private static OutputFormat parseFormat(String value) {
        try {
            return OutputFormat.parse(value);
        } catch (IllegalArgumentException e) {
            throw AmlshException.usage(e.getMessage(), null);
        }
    }

    private static int report(CommandIo io, AmlshException error, boolean debug) {
        io.err().println((io.location() == null ? "" : io.location() + ": ") + "ERROR: " + error.oneLine());
        if (debug && error.getCause() != null) {
            error.getCause().printStackTrace(io.err());
        }
        io.err().flush();
        return error.fault().exitCode();
    }
}
