package dev.amlsh.script;

import dev.amlsh.core.AmlshException;
import dev.amlsh.command.CommandIo;
import dev.amlsh.command.Dispatcher;
import dev.amlsh.core.ExitCode;
import dev.amlsh.script.Ast.Pos;
import dev.amlsh.script.Ast.Stmt;
import dev.amlsh.script.Expander.Arg;
import dev.amlsh.script.Expander.Value;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a parsed script: each command through the shell's dispatcher, control flow, variables,
 * {@code source}, and the stop at the first failure (or, with {@code set -o continue}, a summary
 * of the failures at the end). Under {@code --what-if} nothing is dispatched: {@link DryRun}
 * checks each command instead.
 *
 * <pre>{@code
 * int code = new Interpreter(dispatcher, options, loader, io).run(script, List.of("rg1"));
 * }</pre>
 */
final class Interpreter {
    private static final int MAX_SOURCE_DEPTH = 16;

    private final Dispatcher dispatcher;
    private final ScriptOptions options;
    private final ScriptLoader loader;
    private final CommandIo io;
    private final Expander expander = new Expander(this);
    private final DryRun dryRun;
    private final Secrets secrets = new Secrets();
    private final Map<String, Value> variables = new HashMap<>();
    private final List<String> failures = new ArrayList<>();
    private int firstFailure = ExitCode.OK;
    private List<String> positional = List.of();
    private String scriptName = "";
    private Path dir;
    private boolean keepGoing;
    private boolean trace;
    private int uncertain;
    private int depth;

    /** Unwinds the whole script: {@code exit N}, or a failure without {@code set -o continue}. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int code;
        final boolean explicit;

        Stop(int code, boolean explicit) {
            super(null, null, false, false);
            this.code = code;
            this.explicit = explicit;
        }
    }

    /** A statement failed; its message is already printed. */
    static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int code;

        Failed(int code) {
            super(null, null, false, false);
            this.code = code;
        }
    }

    Interpreter(Dispatcher dispatcher, ScriptOptions options, ScriptLoader loader, CommandIo io) {
        this.dispatcher = dispatcher;
        this.options = options;
        this.loader = loader;
        this.io = io;
        this.trace = options.trace();
        this.dryRun = new DryRun(dispatcher, io, secrets);
    }

    int run(Ast.Script script, List<String> args) {
        scriptName = script.name();
        positional = List.copyOf(args);
        dir = script.dir();
        int code;
        try {
            block(script.body());
            code = firstFailure;
        } catch (Stop stop) {
            code = failures.isEmpty() || stop.explicit && !options.whatIf() ? stop.code : firstFailure;
        }
        if (!failures.isEmpty()) {
            String what = options.whatIf() ? " would fail" : " failed";
            io.err().println(failures.size() + (failures.size() == 1 ? " command" : " commands") + what + ": " + String.join(", ", failures));
        }
        io.err().flush();
        return code;
    }

    boolean whatIf() {
        return options.whatIf();
    }

    List<String> positional() {
        return positional;
    }

    String scriptName() {
        return scriptName;
    }

    Map<String, String> environment() {
        return options.env();
    }

    Map<String, Value> variables() {
        return variables;
    }

    /** Prints a script error at pos; returns the failure to throw. */
    Failed error(Pos pos, AmlshException e) {
        io.err().println(pos.at() + ": ERROR: " + e.oneLine());
        return new Failed(e.fault().exitCode());
    }

    private void block(List<Stmt> body) {
        for (Stmt s : body) {
            try {
                statement(s);
            } catch (Failed f) {
                fail(s.pos(), f.code);
            }
        }
    }

    private void fail(Pos pos, int code) {
        if (!keepGoing && !options.whatIf()) {
            throw new Stop(code, false);
        }
        if (failures.isEmpty()) {
            firstFailure = code;
        }
        failures.add(pos.at() + " (exit " + code + ")");
    }

    private void statement(Stmt s) {
        if (s instanceof Ast.Run run) {
            command(expander.args(run.words()), run.pos());
        } else if (s instanceof Ast.Assign a) {
            assign(a);
        } else if (s instanceof Ast.If f) {
            Boolean holds = condition(f.cond(), f.pos());
            if (holds == null) {
                uncertain++;
                block(f.then());
                block(f.otherwise());
                uncertain--;
            } else {
                block(holds ? f.then() : f.otherwise());
            }
        } else if (s instanceof Ast.For f) {
            loop(f);
        } else if (s instanceof Ast.Exit e) {
            exit(e);
        } else if (s instanceof Ast.Source src) {
            source(src);
        } else if (s instanceof Ast.Echo e) {
            List<Arg> words = expander.args(e.words());
            String text = String.join(" ", options.whatIf() ? Expander.shown(words) : Expander.values(words));
            if (!e.stdout()) {
                io.err().println(text);
            } else {
                io.out().println(options.whatIf() ? "would print: " + text : text);
            }
        } else if (s instanceof Ast.SetOption o) {
            if (o.option().equals("continue")) {
                keepGoing = o.on();
            } else {
                trace = o.on();
            }
        }
    }

    private void assign(Ast.Assign a) {
        Arg value = expander.single(a.value());
        boolean secret = Secrets.secretName(a.name());
        if (secret) {
            secrets.remember(value.value());
        }
        if (trace && !options.whatIf()) {
            io.err().println("+ " + a.name() + "=" + (secret ? Secrets.MASK : Secrets.quote(secrets.maskSeen(value.shown()))));
        }
        variables.put(a.name(), new Value(value.unknown() == null ? value.value() : null, value.unknown()));
    }

    private void command(List<Arg> args, Pos pos) {
        if (args.isEmpty()) {
            return;
        }
        if (options.whatIf()) {
            int code = dryRun.check(args, pos, "");
            if (code != ExitCode.OK) {
                throw new Failed(code);
            }
            return;
        }
        traceLine(args);
        int code = dispatch(Expander.values(args), io.at(pos.at()), pos);
        if (code != ExitCode.OK) {
            throw new Failed(code);
        }
    }

    private Boolean condition(Ast.Cond cond, Pos pos) {
        if (cond instanceof Ast.Compare c) {
            Arg left = expander.single(c.left());
            Arg right = expander.single(c.right());
            if (left.unknown() != null || right.unknown() != null) {
                return null;
            }
            return left.value().equals(right.value()) == c.equal();
        }
        Ast.Succeeds s = (Ast.Succeeds) cond;
        List<Arg> args = expander.args(s.command());
        if (options.whatIf()) {
            int code = dryRun.check(args, pos, "a condition");
            if (code != ExitCode.OK) {
                throw new Failed(code);
            }
            return null;
        }
        traceLine(args);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8);
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        int code = dispatch(Expander.values(args), new CommandIo(discard, err, false, false, io.confirm(), pos.at()), pos);
        if (code == ExitCode.USAGE) {
            io.err().print(errors.toString(StandardCharsets.UTF_8));
            throw new Failed(code);
        }
        return (code == ExitCode.OK) != s.negate();
    }

    private void loop(Ast.For f) {
        for (Arg item : expander.items(f.items())) {
            if (item.unknown() != null) {
                uncertain++;
                variables.put(f.variable(), new Value(null, item.unknown()));
                block(f.body());
                uncertain--;
            } else {
                variables.put(f.variable(), new Value(item.value(), null));
                block(f.body());
            }
        }
    }

    private void exit(Ast.Exit e) {
        int code = 0;
        if (e.code() != null) {
            Arg value = expander.single(e.code());
            if (value.unknown() != null) {
                io.out().println("would exit with " + value.shown() + " (not known before running)");
                return;
            }
            try {
                code = Integer.parseInt(value.value().strip());
            } catch (NumberFormatException bad) {
                code = -1;
            }
            if (code < 0 || code > 255) {
                throw error(e.pos(), AmlshException.usage("Exit code '" + value.value() + "' is not a number from 0 to 255",
                        "Write e.g. 'exit 1'."));
            }
        }
        if (options.whatIf()) {
            io.out().println("would exit " + code);
            if (uncertain > 0) {
                return;
            }
        }
        throw new Stop(code, true);
    }

    private void source(Ast.Source s) {
        Arg file = expander.single(s.file());
        if (file.unknown() != null) {
            io.out().println("would source " + file.shown() + " (path not known before running)");
            return;
        }
        if (depth >= MAX_SOURCE_DEPTH) {
            throw error(s.pos(), AmlshException.usage("'source' is nested more than " + MAX_SOURCE_DEPTH + " deep",
                    "Check that the script does not source itself."));
        }
        Ast.Script script;
        try {
            script = loader.load(dir.resolve(file.value()).normalize(), file.value());
        } catch (ScriptSyntaxException e) {
            io.err().println(e.oneLine());
            throw new Failed(ExitCode.USAGE);
        } catch (AmlshException e) {
            throw error(s.pos(), e);
        }
        List<Arg> args = expander.args(s.args());
        List<String> savedArgs = positional;
        Path savedDir = dir;
        if (!args.isEmpty()) {
            positional = Expander.values(args);
        }
        dir = script.dir();
        depth++;
        try {
            block(script.body());
        } finally {
            depth--;
            dir = savedDir;
            positional = savedArgs;
        }
    }

    /** Runs a capture's command with its output kept; returns the output without trailing newlines. */
    String capture(Ast.Sub sub) {
        List<Arg> args = expander.args(sub.command());
        traceLine(args);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        int code = dispatch(Expander.values(args), new CommandIo(out, io.err(), false, false, io.confirm(), sub.pos().at()), sub.pos());
        if (code != ExitCode.OK) {
            throw new Failed(code);
        }
        return buffer.toString(StandardCharsets.UTF_8).replaceAll("[\\r\\n]+$", "");
    }

    /** Under --what-if: checks a capture's command instead of running it. */
    void checkCapture(Ast.Sub sub) {
        int code = dryRun.check(expander.args(sub.command()), sub.pos(), "output captured");
        if (code != ExitCode.OK) {
            throw new Failed(code);
        }
    }

    private int dispatch(List<String> words, CommandIo target, Pos pos) {
        long start = System.nanoTime();
        int code = dispatcher.dispatch(words, target);
        if (options.timing()) {
            io.err().printf(java.util.Locale.ROOT, "timing: %s %.3f ms%n", pos.at(), (System.nanoTime() - start) / 1e6);
        }
        return code;
    }

    private void traceLine(List<Arg> args) {
        if (trace) {
            io.err().println("+ " + secrets.show(Expander.shown(args)));
        }
    }
}
