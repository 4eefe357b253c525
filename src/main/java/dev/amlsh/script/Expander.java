package dev.amlsh.script;

import dev.amlsh.core.AmlshException;
import dev.amlsh.script.Ast.Piece;
import dev.amlsh.script.Ast.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a statement's words into the words a command gets: variables, arguments, environment
 * variables and {@code $(...)} captures are substituted. An expansion is always one word, so
 * {@code $name} with spaces stays one argument; only a {@code for} list splits an unquoted
 * {@code $name} or {@code $(...)} on whitespace. An unquoted reference that is empty drops the
 * word, as in a POSIX shell. Under {@code --what-if}, captures are not run: their values are
 * unknown and shown as written.
 *
 * <pre>{@code
 * List<Expander.Arg> args = expander.args(run.words());
 * }</pre>
 */
final class Expander {
    /** What {@code --what-if} validates in place of a value it cannot know before running. */
    static final String PLACEHOLDER = "unknown";

    /** A variable: its text, or (under --what-if) null and what it waits on. */
    record Value(String text, String unknown) {
    }

    /** An expanded word: the value, how to show it, and (under --what-if) what it waits on, else null. */
    record Arg(String value, String shown, String unknown) {
    }

    private final Interpreter in;

    Expander(Interpreter in) {
        this.in = in;
    }

    List<Arg> args(List<Word> words) {
        List<Arg> out = new ArrayList<>();
        for (Word w : words) {
            out.addAll(word(w, false));
        }
        return out;
    }

    List<Arg> items(List<Word> words) {
        List<Arg> out = new ArrayList<>();
        for (Word w : words) {
            out.addAll(word(w, true));
        }
        return out;
    }

    Arg single(Word w) {
        List<Arg> a = word(w, false);
        return a.isEmpty() ? new Arg("", "", null) : a.get(0);
    }

    static List<String> values(List<Arg> args) {
        return args.stream().map(Arg::value).toList();
    }

    static List<String> shown(List<Arg> args) {
        return args.stream().map(Arg::shown).toList();
    }

    private List<Arg> word(Word w, boolean split) {
        StringBuilder value = new StringBuilder();
        StringBuilder shown = new StringBuilder();
        String unknown = null;
        boolean quoted = false;
        boolean refs = false;
        for (Piece p : w.pieces()) {
            if (p instanceof Ast.Text t) {
                value.append(t.text());
                shown.append(t.text());
                quoted |= t.quoted();
            } else if (p instanceof Ast.Var v) {
                refs = true;
                quoted |= v.quoted();
                Value x = lookup(v);
                if (x.unknown() != null) {
                    unknown = x.unknown();
                    value.append(PLACEHOLDER);
                    shown.append(v.written());
                } else {
                    value.append(x.text());
                    shown.append(x.text());
                }
            } else if (p instanceof Ast.Sub s) {
                refs = true;
                quoted |= s.quoted();
                if (in.whatIf()) {
                    in.checkCapture(s);
                    unknown = "$(...) captured at line " + s.pos().line();
                    value.append(PLACEHOLDER);
                    shown.append("$(").append(s.source()).append(')');
                } else {
                    String out = in.capture(s);
                    value.append(out);
                    shown.append(out);
                }
            }
        }
        if (unknown == null && split && w.splits()) {
            String all = value.toString().strip();
            return all.isEmpty() ? List.of() : java.util.Arrays.stream(all.split("\\s+")).map(s -> new Arg(s, s, null)).toList();
        }
        if (unknown == null && refs && !quoted && value.length() == 0) {
            return List.of();
        }
        return List.of(new Arg(value.toString(), shown.toString(), unknown));
    }

    private Value lookup(Ast.Var v) {
        String name = v.name();
        String found;
        if (name.equals("#")) {
            return new Value(String.valueOf(in.positional().size()), null);
        } else if (name.matches("[0-9]+")) {
            int n = Integer.parseInt(name);
            List<String> positional = in.positional();
            found = n == 0 ? in.scriptName() : n <= positional.size() ? positional.get(n - 1) : null;
            if (found == null && v.fallback() == null) {
                throw in.error(v.pos(), AmlshException.usage("Argument $" + n + " was not given",
                        "Run the script with it (amlsh " + in.scriptName() + " VALUE ...), or write ${" + n + ":-default}."));
            }
        } else if (name.startsWith("env:")) {
            String env = name.substring(4);
            found = in.environment().get(env);
            if (found == null && v.fallback() == null) {
                throw in.error(v.pos(), AmlshException.usage("Environment variable " + env + " is not set",
                        "Set it before running the script, or write ${env:" + env + ":-default}."));
            }
        } else {
            Value value = in.variables().get(name);
            if (value != null) {
                return value;
            }
            found = null;
            if (v.fallback() == null) {
                throw in.error(v.pos(), AmlshException.usage("Variable '" + name + "' is not set",
                        "Set it on an earlier line (" + name + "=value), or write ${" + name + ":-default}."));
            }
        }
        return new Value(found != null ? found : v.fallback(), null);
    }
}
