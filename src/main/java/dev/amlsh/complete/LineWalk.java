package dev.amlsh.complete;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Follows words through the picocli tree as picocli would parse them: the command they reach,
 * the options given with their values, the option still waiting for a value, how many
 * positionals were given, and what each word is (for highlighting).
 *
 * <pre>{@code
 * LineWalk w = LineWalk.walk(tree, Word.split("group show -g"));
 * w.pending(); // the -g option, waiting for its value
 * }</pre>
 */
final class LineWalk {
    /** Words the shell takes at the top besides the tree's commands. */
    static final Set<String> SHELL_WORDS = Set.of("help", "exit", "quit", "??");

    CommandLine command;
    final Map<OptionSpec, List<String>> given = new LinkedHashMap<>();
    final List<Span.Kind> kinds = new ArrayList<>();
    OptionSpec pending;
    int pendingCount;
    int positionals;
    /** True until the first word that is not a subcommand name: subcommands may still follow. */
    boolean atCommand = true;
    /** "help" or "??" led the line. */
    String special;

    private LineWalk(CommandLine root) {
        this.command = root;
    }

    static LineWalk walk(CommandLine root, List<Word> words) {
        LineWalk w = new LineWalk(root);
        for (int i = 0; i < words.size(); i++) {
            w.next(words.get(i).text(), i);
        }
        return w;
    }

    private void next(String word, int index) {
        if (index == 0 && word.startsWith("#")) {
            special = "#";
        }
        if ("#".equals(special)) {
            kinds.add(Span.Kind.COMMENT);
            return;
        }
        if (index == 0 && word.equals("az")) {
            kinds.add(Span.Kind.COMMAND);
            return;
        }
        if (atCommand && command.getParent() == null && special == null && SHELL_WORDS.contains(word)) {
            special = word;
            atCommand = word.equals("help");
            kinds.add(Span.Kind.COMMAND);
            return;
        }
        if ("??".equals(special) || "exit".equals(special) || "quit".equals(special)) {
            kinds.add(Span.Kind.VALUE);
            return;
        }
        if (pending != null && (pendingCount < pending.arity().min()
                || (pendingCount < pending.arity().max() && !word.startsWith("-")))) {
            addValue(pending, word);
            pendingCount++;
            kinds.add(Span.Kind.VALUE);
            if (pendingCount >= pending.arity().max()) {
                pending = null;
            }
            return;
        }
        pending = null;
        if (atCommand && command.getSubcommands().containsKey(word)) {
            command = command.getSubcommands().get(word);
            kinds.add(Span.Kind.COMMAND);
            return;
        }
        if (atCommand && !command.getSubcommands().isEmpty() && !word.startsWith("-")) {
            atCommand = false;
            kinds.add(Span.Kind.ERROR);
            return;
        }
        atCommand = false;
        if ("help".equals(special)) {
            kinds.add(Span.Kind.ERROR);
            return;
        }
        if (word.startsWith("-") && word.length() > 1 && !isNumber(word)) {
            option(word);
            return;
        }
        positionals++;
        kinds.add(command.getCommandSpec().positionalParameters().isEmpty() ? Span.Kind.ERROR : Span.Kind.VALUE);
    }

    private void option(String word) {
        int eq = word.indexOf('=');
        String name = eq < 0 ? word : word.substring(0, eq);
        OptionSpec o = command.getCommandSpec().findOption(name);
        if (o == null) {
            kinds.add(Span.Kind.ERROR);
            return;
        }
        given.computeIfAbsent(o, k -> new ArrayList<>());
        kinds.add(Span.Kind.OPTION);
        if (eq >= 0) {
            addValue(o, word.substring(eq + 1));
        } else if (o.arity().max() > 0) {
            pending = o;
            pendingCount = 0;
        }
    }

    private void addValue(OptionSpec o, String value) {
        given.computeIfAbsent(o, k -> new ArrayList<>()).add(value);
    }

    /** The first value given to an option with this name, or null. */
    String value(String... names) {
        for (String n : names) {
            OptionSpec o = command.getCommandSpec().findOption(n);
            List<String> v = o == null ? null : given.get(o);
            if (v != null && !v.isEmpty()) {
                return v.get(0);
            }
        }
        return null;
    }

    /** The first value of any option whose declared kind satisfies the test, or null. */
    String valueOf(java.util.function.Predicate<ArgSpec> test) {
        for (Map.Entry<OptionSpec, List<String>> e : given.entrySet()) {
            if (!e.getValue().isEmpty() && test.test(e.getKey())) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    private static boolean isNumber(String w) {
        return w.matches("-\\d+(\\.\\d+)?");
    }
}
