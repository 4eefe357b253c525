package dev.amlsh.command;

import dev.amlsh.core.ExitCode;

import dev.amlsh.core.AmlshException;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * {@code help}, {@code help <command>} and {@code <command> -h}: picocli's usage text, with a
 * group's subcommands listed with their one-line summaries.
 *
 * <pre>{@code
 * help group create
 * }</pre>
 */
final class Help {
    private Help() {
    }

    static int print(CommandLine tree, List<String> path, CommandIo io) {
        CommandLine target = tree;
        for (String name : path) {
            if (name.equals("az")) {
                continue;
            }
            CommandLine next = target.getSubcommands().get(name);
            if (next == null) {
                String where = UsageErrors.commandPath(target);
                List<String> near = Suggest.nearest(name, target.getSubcommands().keySet());
                io.err().println("ERROR: " + Printable.line(AmlshException.usage("'" + name + "' is not a command"
                        + (where.isEmpty() ? "" : " in the '" + where + "' command group") + ".",
                        (near.isEmpty() ? "" : "Did you mean '" + String.join("' or '", near) + "'? ")
                                + "See 'help" + (where.isEmpty() ? "" : " " + where) + "'.").oneLine()));
                return ExitCode.USAGE;
            }
            target = next;
        }
        io.out().print(usage(target));
        return ExitCode.OK;
    }

    static String usage(CommandLine target) {
        if (target.getSubcommands().isEmpty()) {
            return target.getUsageMessage(CommandLine.Help.Ansi.OFF);
        }
        StringBuilder out = new StringBuilder();
        String path = UsageErrors.commandPath(target);
        String[] description = target.getCommandSpec().usageMessage().description();
        out.append(path.isEmpty() ? "amlsh" : path).append(": ")
                .append(description.length > 0 ? description[0] : "").append("\n\n");
        out.append(path.isEmpty() ? "Commands:\n" : "Subcommands:\n");
        int width = target.getSubcommands().keySet().stream().mapToInt(String::length).max().orElse(0);
        for (Map.Entry<String, CommandLine> sub : target.getSubcommands().entrySet()) {
            String[] summary = sub.getValue().getCommandSpec().usageMessage().description();
            out.append("  ").append(String.format("%-" + width + "s", sub.getKey())).append("  ")
                    .append(summary.length > 0 ? summary[0] : "").append('\n');
        }
        String[] footer = target.getCommandSpec().usageMessage().footer();
        if (footer.length > 0) {
            out.append("\nExamples:\n");
            for (String line : footer) {
                out.append(line).append('\n');
            }
        }
        out.append("\nRun '").append(path.isEmpty() ? "" : path + " ").append("<command> -h' for the options of a command.\n");
        return out.toString();
    }
}
