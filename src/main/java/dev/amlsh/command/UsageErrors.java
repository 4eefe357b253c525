package dev.amlsh.command;

import dev.amlsh.core.AmlshException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * One-line messages for what picocli could not parse: an unknown command with the nearest
 * names, an unknown or missing option, a bad value, and where to read the help.
 *
 * <pre>{@code
 * AmlshException e = UsageErrors.describe(parameterException);
 * }</pre>
 */
final class UsageErrors {
    private UsageErrors() {
    }

    static AmlshException describe(ParameterException e) {
        CommandLine where = e.getCommandLine();
        String path = commandPath(where);
        String help = path.isEmpty() ? "See 'help'." : "See '" + path + " -h'.";
        if (e instanceof UnmatchedArgumentException unmatched) {
            List<String> unknown = unmatched.getUnmatched();
            String first = unknown.isEmpty() ? "" : unknown.get(0);
            List<String> suggestions = first.startsWith("-")
                    ? Suggest.nearest(first, where.getCommandSpec().optionsMap().keySet())
                    : Suggest.nearest(first, where.getSubcommands().keySet());
            String suggest = suggestions.isEmpty() ? "" : "Did you mean " + quoteAll(suggestions) + "? ";
            if (!first.startsWith("-") && path.isEmpty()) {
                // 'az workspace create' (the seed document's own slip): a group one level down has it
                for (var group : where.getSubcommands().entrySet()) {
                    if (group.getValue().getSubcommands().containsKey(first)) {
                        String rest = unknown.size() > 1 && !unknown.get(1).startsWith("-") ? " " + unknown.get(1) : "";
                        return AmlshException.usage("'" + first + "' is not a command.", "Did you mean '" + group.getKey() + " " + first
                                + rest + "'? See 'help " + group.getKey() + " " + first + "'.");
                    }
                }
            }
            if (!first.startsWith("-") && where.getSubcommands().size() > 0) {
                String group = path.isEmpty() ? "" : " in the '" + path + "' command group";
                return AmlshException.usage("'" + first + "' is not a command" + group + ".", suggest + help);
            }
            return AmlshException.usage("Unrecognized argument" + (unknown.size() > 1 ? "s" : "") + ": "
                    + String.join(" ", SecretOptions.mask(unknown)) + (path.isEmpty() ? "" : " (for '" + path + "')") + ".", suggest + help);
        }
        String message = e.getMessage() == null ? "bad arguments" : e.getMessage().replaceAll("[\\r\\n]+", " ");
        return AmlshException.usage(capitalize(message) + (path.isEmpty() ? "" : " (for '" + path + "')"), help);
    }

    static String commandPath(CommandLine cl) {
        StringBuilder path = new StringBuilder();
        for (CommandLine c = cl; c != null && c.getParent() != null; c = c.getParent()) {
            path.insert(0, path.length() == 0 ? c.getCommandName() : c.getCommandName() + " ");
        }
        return path.toString();
    }

    private static String quoteAll(List<String> names) {
        List<String> quoted = names.stream().limit(3).map(n -> "'" + n + "'").toList();
        return String.join(" or ", quoted);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
