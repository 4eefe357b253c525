package dev.amlsh.command;

import dev.amlsh.core.ExitCode;

import com.google.gson.JsonElement;
import dev.amlsh.core.AmlshException;
import dev.amlsh.output.Query;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tour}: a guided walk through the workflow of reference/seed-workflow.md in the sandbox.
 * Each step is explained, its command shown; Enter runs it, any other text runs as the user's own
 * command, {@code s} skips and {@code q} quits; the result is checked before moving on. Without a
 * terminal it prints the steps and their commands only.
 *
 * <pre>{@code
 * tour
 * tour --from 3
 * }</pre>
 */
@Command(name = "tour", description = "Learn the workspace workflow step by step in the sandbox.",
        footerHeading = "%nExamples:%n", footer = {"  tour", "  tour --v2                     the same workflow in CLI v2, the v1 line beside each step", "  tour --from 3", "  tour --list"})
final class TourCommand extends AmlCommand {
    @Option(names = "--from", paramLabel = "STEP", order = 1, defaultValue = "1", description = "Start at this step.")
    int from;

    @Option(names = "--list", order = 2, description = "Print the steps and their commands, and run nothing.")
    boolean list;

    @Option(names = "--v2", order = 3, description = "The same workflow in today's CLI v2 (ml extension), each v1 line shown beside.")
    boolean v2;

    @Override
    protected CommandResult execute() {
        List<TourStep> steps = v2 ? TourStep.WORKFLOW_V2 : TourStep.WORKFLOW;
        if (from < 1 || from > steps.size()) {
            throw AmlshException.usage("--from must be a step from 1 to " + steps.size() + ".", "See the steps with 'tour --list'.");
        }
        CommandIo io = ctx.io();
        if (list || !io.interactive()) {
            for (int i = from - 1; i < steps.size(); i++) {
                header(io, steps, i);
                io.out().println("  " + steps.get(i).command() + (steps.get(i).runnable() ? "" : "   (explained only)"));
                if (steps.get(i).v1Line() != null) {
                    io.out().println("  v1: " + steps.get(i).v1Line());
                }
                io.out().println();
            }
            return null;
        }
        if (!ctx.session().cloud().isSandbox()) {
            throw AmlshException.usage("The tour runs in the sandbox cloud only.", "Switch with 'login --sandbox', then 'tour'.");
        }
        for (int i = from - 1; i < steps.size(); i++) {
            if (!walk(io, steps, i)) {
                io.out().println("Tour stopped. Go on later with 'tour " + (v2 ? "--v2 " : "") + "--from " + (i + 1) + "'.");
                return null;
            }
        }
        io.out().println("That is the whole workflow. 'help' lists every command; Tab completes names and IDs.");
        return null;
    }

    /** Runs one step until it passes, is skipped, or the user quits; false means quit. */
    private boolean walk(CommandIo io, List<TourStep> steps, int i) {
        TourStep step = steps.get(i);
        header(io, steps, i);
        io.out().println("  $ " + step.command());
        if (step.v1Line() != null) {
            io.out().println("    v1: " + step.v1Line());
        }
        if (!step.runnable()) {
            String answer = io.ask().apply("[Enter] next / q quit: ");
            return answer != null && !answer.strip().equalsIgnoreCase("q");
        }
        while (true) {
            String answer = io.ask().apply("[Enter] run it / type your own / s skip / q quit: ");
            if (answer == null || answer.strip().equalsIgnoreCase("q")) {
                return false;
            }
            String typed = answer.strip();
            if (typed.equalsIgnoreCase("s")) {
                return true;
            }
            String line = typed.isEmpty() ? step.command() : typed;
            if (!typed.isEmpty()) {
                io.out().println("  $ " + line);
            }
            String problem = check(io, step, line);
            if (problem == null) {
                io.out().println("  ok: step " + (i + 1) + " done.");
                io.out().println();
                return true;
            }
            io.out().println("  not yet: " + problem + " Try again, type your own command, or s to skip.");
        }
    }

    /** Runs the line and checks the step's result; null when it passed, else what was wrong. */
    private String check(CommandIo io, TourStep step, String line) {
        Dispatcher dispatcher = ctx.dispatcher();
        long before = dispatcher.results();
        if (dispatcher.dispatch(line, io) != ExitCode.OK) {
            return "the command failed (see the error above).";
        }
        if (step.check() == null) {
            return null;
        }
        if (step.verify() != null) {
            before = dispatcher.results();
            if (dispatcher.dispatch(step.verify() + " -o none", io) != ExitCode.OK) {
                return "'" + step.verify() + "' failed.";
            }
        }
        if (dispatcher.results() == before) {
            return "the command printed nothing to check.";
        }
        JsonElement value = Query.compile(step.check()).apply(dispatcher.lastResult());
        boolean passed = value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean() && value.getAsBoolean();
        return passed ? null : "expected " + step.check() + " on the result.";
    }

    private static void header(CommandIo io, List<TourStep> steps, int i) {
        TourStep s = steps.get(i);
        io.out().println("Step " + (i + 1) + " of " + steps.size() + " (" + s.section() + "): " + s.title());
        for (String line : s.explain().split("\n")) {
            io.out().println("  " + line);
        }
    }
}
