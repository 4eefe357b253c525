package dev.amlsh.complete;

import dev.amlsh.command.ValueKind;
import dev.amlsh.command.ValueKind.Kind;
import dev.amlsh.command.ValueKinds;
import dev.amlsh.session.SessionState;
import dev.amlsh.session.SubscriptionInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Completion of a whole line, with no terminal: commands and subcommands from the picocli tree,
 * the options the command has (not those already given), and values by the kind each option
 * declares ({@link ValueKinds}), read from the {@link ResourceIndex}, never from the network.
 * The shell's JLine completer and {@code amlsh --complete} both call it.
 *
 * <pre>{@code
 * LineCompleter completer = new LineCompleter(dispatcher.tree(), index, session::state);
 * completer.complete("group show -g ", 14).candidates(); // the groups of the current subscription
 * }</pre>
 */
public final class LineCompleter {
    private final Supplier<CommandLine> tree;
    private final ResourceIndex index;
    private final Supplier<SessionState> state;
    private final ValueCompleter values;
    /** The tree for the words typed so far (the v2 'ml workspace' tree when the line speaks v2); null: always {@link #tree}. */
    private java.util.function.Function<List<String>, CommandLine> treeFor;

    public LineCompleter(CommandLine tree, ResourceIndex index, Supplier<SessionState> state) {
        this(() -> tree, index, state);
    }

    /** As above, the tree asked for at the first completion (the shell reads it while the prompt is already up). */
    public LineCompleter(Supplier<CommandLine> tree, ResourceIndex index, Supplier<SessionState> state) {
        this.tree = tree;
        this.index = index;
        this.state = state;
        this.values = new ValueCompleter(index);
    }

    /** Completes each line against the tree {@code treeFor} picks for its words (both {@code ml workspace} dialects). */
    public LineCompleter dialects(java.util.function.Function<List<String>, CommandLine> chooser) {
        this.treeFor = chooser;
        return this;
    }

    private CommandLine treeOf(List<Word> words) {
        if (treeFor == null) {
            return tree.get();
        }
        List<String> texts = new ArrayList<>();
        for (Word w : words) {
            texts.add(w.text());
        }
        if (!texts.isEmpty() && texts.get(0).equals("az")) {
            texts.remove(0);
        }
        return treeFor.apply(texts);
    }

    public ResourceIndex index() {
        return index;
    }

    /** The candidates for the word at {@code cursor}. */
    public Completion complete(String line, int cursor) {
        String before = line.substring(0, Math.min(cursor, line.length()));
        List<Word> words = Word.split(before);
        boolean inWord = !words.isEmpty() && (words.get(words.size() - 1).end() == before.length()
                && !Character.isWhitespace(before.isEmpty() ? ' ' : before.charAt(before.length() - 1))
                || words.get(words.size() - 1).open());
        Word current = inWord ? words.get(words.size() - 1) : new Word(before.length(), before.length(), "", false);
        List<Word> done = inWord ? words.subList(0, words.size() - 1) : words;
        LineWalk walk = LineWalk.walk(treeOf(words), done);
        return new Completion(current.start(), current.text(), candidates(walk, current.text()));
    }

    /** What each word of the line is, for highlighting. */
    public List<Span> spans(String line) {
        List<Word> words = Word.split(line);
        LineWalk walk = LineWalk.walk(treeOf(words), words);
        List<Span> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            out.add(new Span(words.get(i).start(), words.get(i).end(), walk.kinds.get(i)));
        }
        return out;
    }

    private List<Candidate> candidates(LineWalk walk, String word) {
        if ("#".equals(walk.special) || "exit".equals(walk.special) || "quit".equals(walk.special)) {
            return List.of();
        }
        if ("??".equals(walk.special)) {
            return List.of();
        }
        if ("help".equals(walk.special)) {
            return walk.atCommand ? commands(walk.command, false) : List.of();
        }
        if (word.startsWith("-") && (walk.pending == null || walk.pendingCount >= walk.pending.arity().min()) && word.indexOf('=') < 0) {
            return options(walk);
        }
        Scope scope = scope(walk);
        if (walk.pending != null && (walk.pendingCount < walk.pending.arity().min() || !word.startsWith("-"))) {
            List<Candidate> out = new ArrayList<>(values(walk.pending, word, scope));
            if (walk.pendingCount >= walk.pending.arity().min() && word.isEmpty()) {
                out.addAll(options(walk));
            }
            return out;
        }
        int eq = word.indexOf('=');
        if (word.startsWith("--") && eq > 0) {
            OptionSpec o = walk.command.getCommandSpec().findOption(word.substring(0, eq));
            String head = word.substring(0, eq + 1);
            return o == null ? List.of() : values(o, word.substring(eq + 1), scope).stream()
                    .map(c -> new Candidate(head + c.value(), c.display(), c.description(), c.complete())).toList();
        }
        if (word.startsWith("-")) {
            return options(walk);
        }
        if (walk.atCommand && !walk.command.getSubcommands().isEmpty()) {
            return commands(walk.command, walk.command.getParent() == null);
        }
        List<PositionalParamSpec> positionals = walk.command.getCommandSpec().positionalParameters();
        for (PositionalParamSpec p : positionals) {
            if (p.index().contains(walk.positionals)) {
                return values(p, word, scope);
            }
        }
        return word.isEmpty() ? options(walk) : List.of();
    }

    private List<Candidate> commands(CommandLine at, boolean root) {
        List<Candidate> out = new ArrayList<>();
        for (Map.Entry<String, CommandLine> e : at.getSubcommands().entrySet()) {
            String[] d = e.getValue().getCommandSpec().usageMessage().description();
            out.add(Candidate.of(e.getKey(), d.length > 0 ? d[0] : null));
        }
        if (root) {
            out.add(Candidate.of("help", "Show the commands, or the help of one."));
            out.add(Candidate.of("??", "Query the last result with JMESPath, e.g. ?? [].name"));
            out.add(Candidate.of("exit", "Leave the shell."));
        }
        return out;
    }

    private List<Candidate> options(LineWalk walk) {
        List<Candidate> out = new ArrayList<>();
        List<OptionSpec> options = new ArrayList<>(walk.command.getCommandSpec().options());
        options.sort(Comparator.comparingInt(OptionSpec::order));
        for (OptionSpec o : options) {
            if (o.hidden() || (walk.given.containsKey(o) && !o.isMultiValue())) {
                continue;
            }
            String[] d = o.description();
            for (String name : o.names()) {
                out.add(new Candidate(name, name, d.length > 0 ? d[0] : null, true));
            }
        }
        return out;
    }

    private List<Candidate> values(ArgSpec arg, String word, Scope scope) {
        ValueKind kind = ValueKinds.of(arg);
        return kind.kind() == Kind.NONE ? List.of() : values.complete(kind, word, scope);
    }

    private Scope scope(LineWalk walk) {
        SessionState s = state.get();
        String subscription = s.subscriptionId();
        String named = walk.valueOf(a -> ValueKinds.of(a).kind() == Kind.SUBSCRIPTION);
        if (named != null) {
            for (SubscriptionInfo info : s.subscriptions()) {
                if (info.id().equalsIgnoreCase(named) || info.name().equalsIgnoreCase(named)) {
                    subscription = info.id();
                }
            }
        }
        String group = walk.valueOf(a -> ValueKinds.of(a).kind() == Kind.GROUP);
        return new Scope(subscription, group != null ? group : s.defaultValue("group").orElse(null), s.subscriptions());
    }
}
