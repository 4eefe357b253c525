package dev.amlsh.command;

import dev.amlsh.core.AmlshException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * What the user is told when Ctrl-C interrupts a command: waiting stops, the shell stays, and the
 * cloud goes on with what it accepted, so the message names the command that shows the outcome.
 *
 * <pre>{@code
 * if (Interruptions.happened(e)) return report(io, Interruptions.stopped(leaf, command.longRunning()), false);
 * // ERROR: Stopped waiting. The operation goes on in the cloud; check it with 'group show -n rg1'.
 * }</pre>
 */
final class Interruptions {
    private static final Set<String> READS = Set.of("show", "list", "exists");
    /** Options that name the resource; the show command gets those it also takes. */
    private static final Set<String> NAMING = Set.of("-n", "--name", "-g", "--resource-group", "-w", "--workspace-name",
            "--subscription", "--ids");

    private Interruptions() {
    }

    /** True (and the thread's interrupt flag cleared) when the failure came from an interruption. */
    static boolean happened(Throwable error) {
        boolean flagged = Thread.interrupted();
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof java.nio.channels.ClosedByInterruptException) {
                return true;
            }
        }
        return flagged;
    }

    /** The one-line message for an interrupted command (exit code 1). */
    static AmlshException stopped(ParseResult leaf, boolean longRunning) {
        String name = leaf.commandSpec().name();
        String check = checkCommand(leaf);
        String how = check == null ? "with a 'show' or 'list' command" : "with '" + check + "'";
        if (longRunning) {
            return AmlshException.service("Stopped waiting. The operation goes on in the cloud; check it " + how + ".", null);
        }
        if (READS.contains(name) || name.startsWith("list")) {
            return AmlshException.service("Cancelled.", null);
        }
        return AmlshException.service("Cancelled. If the request had reached the cloud, the change may still be made; check it "
                + how + ".", null);
    }

    /** The sibling {@code show} command with the naming options of this line, or null when there is none. */
    static String checkCommand(ParseResult leaf) {
        CommandLine parent = leaf.commandSpec().commandLine().getParent();
        CommandLine show = parent == null ? null : parent.getSubcommands().get("show");
        if (show == null) {
            return null;
        }
        List<String> words = new ArrayList<>();
        words.add(UsageErrors.commandPath(show));
        for (OptionSpec o : leaf.matchedOptions()) {
            String used = o.shortestName();
            if (!NAMING.contains(o.longestName()) && !NAMING.contains(used) || show.getCommandSpec().findOption(used) == null) {
                continue;
            }
            Object value = o.getValue();
            if (value != null) {
                words.add(used);
                words.add(quote(String.valueOf(value)));
            }
        }
        return String.join(" ", words);
    }

    private static String quote(String value) {
        return value.matches("[\\w./:()-]+") ? value : "\"" + value.replace("\"", "\\\"") + "\"";
    }
}
