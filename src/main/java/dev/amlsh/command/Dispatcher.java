package dev.amlsh.command;

import dev.amlsh.core.ExitCode;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import dev.amlsh.core.AmlshException;
import dev.amlsh.azure.ArmErrors;
import dev.amlsh.azure.Azure;
import dev.amlsh.azure.HttpDebugPolicy;
import dev.amlsh.output.OutputFormat;
import dev.amlsh.output.OutputWriter;
import dev.amlsh.output.Query;
import dev.amlsh.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
    private final CommandTree commands;
    private final List<CommandListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile JsonElement lastResult = JsonNull.INSTANCE;
    private volatile long results;
    private volatile CommandLine v2Tree;
    /** The secret values on the line being run ({@link SecretOptions}), hidden from its error messages. */
    private volatile Set<String> secrets = Set.of();

    /** A dispatcher for the shell: the whole command tree is read at once, in the background. */
    public Dispatcher(Session session) {
        this(session, true);
    }

    /**
     * With {@code wholeTree} false (one-shot commands, scripts), the tree grows as commands need
     * it: one command reads only its own group's annotations.
     */
    public Dispatcher(Session session, boolean wholeTree) {
        HttpDebugPolicy debug = new HttpDebugPolicy();
        Azure azure = new Azure(session, List.of(debug));
        this.context = new CommandContext(session, azure, debug,
                CommandIo.plain(System.out, System.err));
        this.commands = new CommandTree(context);
        if (wholeTree) {
            readWholeTreeInBackground();
        }
        context.dispatcher(this);
    }

    /** Reads every command's annotations (~0.4 s) on a daemon thread, for completion and help. */
    public void readWholeTreeInBackground() {
        Thread t = new Thread(commands::complete, "amlsh-command-tree");
        t.setDaemon(true);
        t.start();
    }

    /** Tells {@code listener} about every command that succeeds from now on. */
    public void addListener(CommandListener listener) {
        listeners.add(listener);
    }

    public Session session() {
        return context.session();
    }

    /** The cloud facade of this dispatcher's commands (the completion index lists through it; warm-up starts it). */
    public Azure azure() {
        return context.azure();
    }

    /** The whole picocli tree, for help and completion. */
    public CommandLine tree() {
        return commands.complete();
    }

    /** True when {@code word} is a top-level command (without reading the whole tree). */
    public boolean isCommand(String word) {
        return commands.knows(word);
    }

    /** The tree that parses these words: the v2 {@code ml workspace} tree when {@link MlDialect} says so. */
    CommandLine treeFor(List<String> args) {
        if (MlDialect.applies(args) && MlDialect.of(args, context.session().state()) == MlDialect.V2) {
            if (v2Tree == null) {
                v2Tree = CommandTree.buildV2(context);
            }
            return v2Tree;
        }
        return args.isEmpty() ? tree() : commands.with(args.get(0));
    }

    /** {@link #treeFor} for completion and highlighting: a line that mixes the dialects completes as v1. */
    public CommandLine completionTree(List<String> words) {
        try {
            return treeFor(words);
        } catch (AmlshException mixed) {
            return tree();
        }
    }

    /** Lets the {@code source} command run scripts; the app sets this. */
    public void scriptHost(ScriptHost host) {
        context.scriptHost(host);
    }

    /**
     * Parses words as {@link #dispatch(List, CommandIo)} would, running nothing (for dry runs).
     * Returns the parsed leaf command; throws the one-line usage error dispatch would print.
     */
    public synchronized ParseResult parseOnly(List<String> words) {
        List<String> args = new ArrayList<>(words);
        if (!args.isEmpty() && args.get(0).equals("az")) {
            args.remove(0);
        }
        try {
            ParseResult leaf = treeFor(args).parseArgs(args.toArray(String[]::new));
            while (leaf.hasSubcommand()) {
                leaf = leaf.subcommand();
            }
            return leaf;
        } catch (ParameterException e) {
            throw UsageErrors.describe(e);
        }
    }

    /** The value the last successful command printed (before --query), for follow-up queries. */
    public JsonElement lastResult() {
        return lastResult;
    }

    /** How many results commands have printed so far (the tour tells whether a step printed one). */
    long results() {
        return results;
    }

    /** Runs one line; returns its exit code. Blank lines and {@code #} comments do nothing. */
    public int dispatch(String line, CommandIo io) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return ExitCode.OK;
        }
        try {
            if (trimmed.startsWith("??")) {
                return queryLast(trimmed.substring(2).strip(), io);
            }
            return dispatch(LineTokenizer.split(LastValue.expand(trimmed, lastResult)), io);
        } catch (AmlshException e) {
            return report(io, e, false, Set.of());
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
        boolean debug = args.contains("--debug");
        secrets = SecretOptions.values(args);
        CommandLine tree;
        try {
            tree = treeFor(args.get(0).equals("help") ? args.subList(1, args.size()) : args);
        } catch (AmlshException e) {
            return report(io, e, debug);
        }
        if (args.get(0).equals("help")) {
            return Help.print(tree, args.subList(1, args.size()), io);
        }
        ParseResult parsed;
        try {
            parsed = tree.parseArgs(args.toArray(String[]::new));
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
        return run(command, leaf, io);
    }

    /** {@code ?? <JMESPath>}: the query applied to the last command's result, printed as JSON. */
    private int queryLast(String expression, CommandIo io) {
        if (lastResult.isJsonNull()) {
            throw AmlshException.usage("There is no last result to query yet.",
                    "Run a command that prints something first, e.g. 'group list', then '?? [].name'.");
        }
        JsonElement value = lastResult;
        if (!expression.isEmpty()) {
            try {
                value = Query.compile(expression).apply(lastResult);
            } catch (dev.amlsh.output.QueryException q) {
                throw AmlshException.usage(q.getMessage(), "Check the JMESPath expression after '??', e.g. '?? [].name'.");
            }
        }
        io.out().print(OutputWriter.render(value, null, OutputFormat.JSON, null, io.color(), io.terminal()));
        io.out().flush();
        return ExitCode.OK;
    }

    private int run(AmlCommand command, ParseResult leaf, CommandIo io) {
        GlobalOptions global = command.global();
        try {
            OutputFormat format = global.output == null ? OutputFormat.JSON : parseFormat(global.output);
            Query query = global.query == null ? null : Query.compile(global.query);
            context.debug().sink(global.debug ? io.err() : null);
            command.prepare();
            CommandResult result = Progress.around(io, command.longRunning() && !global.onlyShowErrors,
                    command::execute);
            JsonElement value = result == null || result.value() == null ? JsonNull.INSTANCE : result.value();
            notify(leaf, value, global);
            if (value.isJsonNull()) {
                return ExitCode.OK;
            }
            lastResult = value;
            results++;
            io.out().print(OutputWriter.render(result.value(), query, format, result.columns(), io.color(), io.terminal()));
            io.out().flush();
            String hint = io.interactive() ? QueryHints.caseHint(value, global.query) : null;
            if (hint != null) {
                io.err().println("Hint: " + hint);
            }
            return ExitCode.OK;
        } catch (ReportedFailure e) {
            return e.exitCode();
        } catch (RuntimeException e) {
            if (Interruptions.happened(e)) {
                return report(io, Interruptions.stopped(leaf, command.longRunning()), false);
            }
            AmlshException error = e instanceof dev.amlsh.output.QueryException q
                    ? AmlshException.usage(q.getMessage(), "Check the JMESPath expression given to --query.")
                    : ArmErrors.translate(e);
            return report(io, error, global.debug);
        } finally {
            context.debug().sink(null);
        }
    }

    private void notify(ParseResult leaf, JsonElement value, GlobalOptions global) {
        if (listeners.isEmpty()) {
            return;
        }
        List<String> path = new ArrayList<>(List.of(UsageErrors.commandPath(leaf.commandSpec().commandLine()).split(" ")));
        java.util.Map<String, List<String>> options = new java.util.HashMap<>();
        for (CommandLine.Model.OptionSpec o : leaf.matchedOptions()) {
            for (String name : o.names()) {
                options.put(name, List.copyOf(o.originalStringValues()));
            }
        }
        String subscription;
        try {
            subscription = context.azure().subscriptionId(global.subscription());
        } catch (AmlshException notSignedIn) {
            subscription = null;
        }
        CommandListener.Event event = new CommandListener.Event(List.copyOf(path), options, value, subscription,
                context.session().state().defaultValue("group").orElse(null));
        for (CommandListener l : listeners) {
            try {
                l.succeeded(event);
            } catch (RuntimeException e) {
                // A listener (the completion index) must never turn a command that worked into a failure.
            }
        }
    }

    private static OutputFormat parseFormat(String value) {
        try {
            return OutputFormat.parse(value);
        } catch (IllegalArgumentException e) {
            throw AmlshException.usage(e.getMessage(), null);
        }
    }

    private int report(CommandIo io, AmlshException error, boolean debug) {
        return report(io, error, debug, secrets);
    }

    /** Prints the error (and with --debug its cause), the secrets given on the line hidden. */
    private static int report(CommandIo io, AmlshException error, boolean debug, Set<String> secrets) {
        String line = SecretOptions.hide(Printable.line(error.oneLine()), secrets);
        io.err().println((io.location() == null ? "" : io.location() + ": ") + "ERROR: " + line);
        if (debug && error.getCause() != null) {
            java.io.StringWriter trace = new java.io.StringWriter();
            error.getCause().printStackTrace(new java.io.PrintWriter(trace));
            io.err().print(SecretOptions.hide(trace.toString(), secrets));
        }
        io.err().flush();
        return error.fault().exitCode();
    }
}
