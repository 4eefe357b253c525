package dev.amlsh.script;

import dev.amlsh.core.AmlshException;
import dev.amlsh.command.CommandIo;
import dev.amlsh.command.Dispatcher;
import dev.amlsh.core.ExitCode;
import dev.amlsh.script.Expander.Arg;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code --what-if}: checks one command by parsing it with the command tree, without running
 * it, fills in the session defaults it would use, and prints {@code would run: ...} on stdout.
 * A command that would be rejected gets the error the real run would print, at its
 * {@code file:line}.
 *
 * <pre>{@code
 * int code = dryRun.check(args, pos, ""); // would run: group create -n rg1 -l eastus
 * }</pre>
 */
final class DryRun {
    private final Dispatcher dispatcher;
    private final CommandIo io;
    private final Secrets secrets;

    DryRun(Dispatcher dispatcher, CommandIo io, Secrets secrets) {
        this.dispatcher = dispatcher;
        this.io = io;
        this.secrets = secrets;
    }

    /** Checks and prints one command; note says why it runs (e.g. "output captured"), or is empty. Returns an exit code. */
    int check(List<Arg> args, Ast.Pos pos, String note) {
        List<String> notes = new ArrayList<>();
        if (!note.isEmpty()) {
            notes.add(note);
        }
        try {
            if (!isHelp(Expander.values(args))) {
                notes.addAll(defaults(dispatcher.parseOnly(Expander.values(args))));
            }
        } catch (AmlshException e) {
            io.err().println(pos.at() + ": ERROR: " + e.oneLine());
            return e.fault().exitCode();
        }
        Set<String> unknown = new LinkedHashSet<>();
        args.stream().map(Arg::unknown).filter(u -> u != null).forEach(unknown::add);
        if (!unknown.isEmpty()) {
            notes.add("argument from " + String.join(", ", unknown) + ", not known before running");
        }
        io.out().println("would run: " + secrets.show(Expander.shown(args), i -> args.get(i).unknown() != null) + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")"));
        return ExitCode.OK;
    }

    private static boolean isHelp(List<String> words) {
        int first = !words.isEmpty() && words.get(0).equals("az") ? 1 : 0;
        return words.size() > first && words.get(first).equals("help");
    }

    /** The session defaults the command would fall back to, as notes; a missing group is the error the run would give. */
    private List<String> defaults(ParseResult leaf) {
        List<String> notes = new ArrayList<>();
        var state = dispatcher.session().state();
        OptionSpec group = leaf.commandSpec().findOption("--resource-group");
        if (group != null && !leaf.hasMatchedOption(group) && !leaf.isUsageHelpRequested()) {
            String current = state.defaultValue("group").orElseThrow(() -> AmlshException.usage(
                    "No resource group given.", "Add -g <group>, or set a current group with 'use <group>'."));
            notes.add("-g " + current + " from the current group");
        }
        OptionSpec location = leaf.commandSpec().findOption("--location");
        if (location != null && !leaf.hasMatchedOption(location)) {
            state.defaultValue("location").ifPresent(l -> notes.add("-l " + l + " from the configured defaults"));
        }
        return notes;
    }
}
