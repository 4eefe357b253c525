package dev.amlsh.script;

import dev.amlsh.core.AmlshException;
import dev.amlsh.command.LineTokenizer;
import dev.amlsh.command.LineTokenizer.Kind;
import dev.amlsh.command.LineTokenizer.Part;
import dev.amlsh.script.Ast.Pos;
import dev.amlsh.script.Ast.Stmt;
import dev.amlsh.script.Ast.Word;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a whole script into {@link Ast} statements, or fails with the first syntax error's
 * file, line and column. Lines are split by the shell's own {@link LineTokenizer}.
 *
 * <pre>{@code
 * Ast.Script s = ScriptParser.parse("setup.amlsh", dir, Files.readAllLines(file), word -> null);
 * }</pre>
 */
final class ScriptParser {
    private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)", Pattern.DOTALL);
    private static final Set<String> SHELL_ENDINGS = Set.of("fi", "done", "then", "do", "elif", "endif");

    private final String file;
    private final Function<String, AmlshException> unknownCommand;
    private final List<Logical> lines;
    private int next;
    private String closer;

    /** A line with its continuations joined; {@code starts[i]} is where physical line {@code numbers[i]} begins. */
    private record Logical(String text, int[] starts, int[] numbers) {
        Pos pos(String file, int index) {
            int k = 0;
            while (k + 1 < starts.length && starts[k + 1] <= index) {
                k++;
            }
            return new Pos(file, numbers[k], index - starts[k] + 1);
        }
    }

    private ScriptParser(String file, List<String> physical, Function<String, AmlshException> unknownCommand) {
        this.file = file;
        this.unknownCommand = unknownCommand;
        this.lines = join(physical);
    }

    /**
     * Parses the script's lines. {@code unknownCommand} returns the error for a first word that
     * is not a command, or null when it is one.
     */
    static Ast.Script parse(String file, Path dir, List<String> physical, Function<String, AmlshException> unknownCommand) {
        ScriptParser p = new ScriptParser(file, physical, unknownCommand);
        List<Stmt> body = p.block(Set.of(), null);
        return new Ast.Script(file, dir, body);
    }

    private static List<Logical> join(List<String> physical) {
        List<Logical> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        List<Integer> starts = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (int n = 0; n < physical.size(); n++) {
            String raw = physical.get(n);
            if (n == 0 && raw.startsWith("#!")) {
                continue;
            }
            starts.add(text.length());
            numbers.add(n + 1);
            boolean continues = raw.endsWith("\\") && !raw.endsWith("\\\\") && !raw.stripLeading().startsWith("#");
            text.append(continues ? raw.substring(0, raw.length() - 1) + " " : raw);
            if (!continues || n == physical.size() - 1) {
                out.add(new Logical(text.toString(), starts.stream().mapToInt(i -> i).toArray(),
                        numbers.stream().mapToInt(i -> i).toArray()));
                text.setLength(0);
                starts.clear();
                numbers.clear();
            }
        }
        return out;
    }

    private List<Stmt> block(Set<String> closers, Stmt opener) {
        List<Stmt> body = new ArrayList<>();
        while (next < lines.size()) {
            Logical line = lines.get(next++);
            List<Word> words = words(line);
            if (words.isEmpty()) {
                continue;
            }
            Word first = words.get(0);
            String keyword = first.literal() == null ? "" : first.literal();
            if (keyword.equals("end") || keyword.equals("else")) {
                if (!closers.contains(keyword)) {
                    throw error(first.pos(), "'" + keyword + "' without an open " + (keyword.equals("end") ? "'if' or 'for'" : "'if'"),
                            "Remove it, or open the block above it.");
                }
                expectAlone(words, keyword);
                closer = keyword;
                return body;
            }
            body.add(statement(keyword, words, first.pos()));
        }
        if (opener != null) {
            String what = opener instanceof Ast.If ? "if" : "for";
            throw error(opener.pos(), "'" + what + "' is not closed", "Add a line 'end' after its commands.");
        }
        return body;
    }

    private Stmt statement(String keyword, List<Word> words, Pos pos) {
        List<Word> rest = words.subList(1, words.size());
        switch (keyword) {
            case "if":
                return ifBlock(pos, rest);
            case "for":
                return forBlock(pos, rest);
            case "exit":
                if (rest.size() > 1) {
                    throw error(rest.get(1).pos(), "'exit' takes one exit code", "Write e.g. 'exit 1'.");
                }
                if (!rest.isEmpty() && rest.get(0).literal() != null && !rest.get(0).literal().matches("[0-9]{1,3}")) {
                    throw error(rest.get(0).pos(), "exit code '" + rest.get(0).literal() + "' is not a number", "Write e.g. 'exit 1'.");
                }
                return new Ast.Exit(pos, rest.isEmpty() ? null : rest.get(0));
            case "source":
                if (rest.isEmpty()) {
                    throw error(pos, "'source' needs a script", "Write e.g. 'source common.amlsh' (relative to this script's folder).");
                }
                return new Ast.Source(pos, rest.get(0), List.copyOf(rest.subList(1, rest.size())));
            case "echo", "print":
                return new Ast.Echo(pos, List.copyOf(rest), keyword.equals("print"));
            case "set":
                return setOption(pos, rest);
            default:
                if (SHELL_ENDINGS.contains(keyword)) {
                    throw error(pos, "'" + keyword + "' is not amlsh script syntax",
                            "Write 'if <condition>' or 'for x in ...', then the commands, then 'end'.");
                }
                Stmt assign = assignment(pos, words);
                return assign != null ? assign : new Ast.Run(pos, command(words));
        }
    }

    private Stmt ifBlock(Pos pos, List<Word> rest) {
        boolean negate = !rest.isEmpty() && "!".equals(rest.get(0).literal());
        List<Word> cond = negate ? rest.subList(1, rest.size()) : rest;
        if (cond.isEmpty()) {
            throw error(pos, "'if' needs a command or a comparison", "Write e.g. 'if group exists -n rg1' or 'if $x == yes'.");
        }
        if ("then".equals(cond.get(cond.size() - 1).literal())) {
            throw error(cond.get(cond.size() - 1).pos(), "'then' is not amlsh script syntax", "Write 'if <condition>' alone on its line.");
        }
        String op = cond.size() == 3 ? cond.get(1).literal() : null;
        Ast.Cond condition;
        if ("==".equals(op) || "!=".equals(op)) {
            condition = new Ast.Compare(cond.get(0), "==".equals(op) != negate, cond.get(2));
        } else {
            condition = new Ast.Succeeds(command(cond), negate);
        }
        Ast.If open = new Ast.If(pos, condition, List.of(), List.of());
        List<Stmt> then = block(Set.of("else", "end"), open);
        List<Stmt> otherwise = List.of();
        if ("else".equals(closer)) {
            otherwise = block(Set.of("end"), open);
        }
        return new Ast.If(pos, condition, then, otherwise);
    }

    private Stmt forBlock(Pos pos, List<Word> rest) {
        if (rest.size() < 2 || rest.get(0).literal() == null || !rest.get(0).literal().matches("[A-Za-z_][A-Za-z0-9_]*")
                || !"in".equals(rest.get(1).literal())) {
            throw error(pos, "'for' needs a variable and 'in'", "Write e.g. 'for g in rg1 rg2' or 'for g in $(group list --query \"[].name\" -o tsv)'.");
        }
        Ast.For open = new Ast.For(pos, rest.get(0).literal(), List.of(), List.of());
        List<Stmt> body = block(Set.of("end"), open);
        return new Ast.For(pos, open.variable(), List.copyOf(rest.subList(2, rest.size())), body);
    }

    private Stmt setOption(Pos pos, List<Word> rest) {
        List<String> flags = rest.stream().map(w -> String.valueOf(w.literal())).toList();
        if (flags.size() == 1 && (flags.get(0).equals("-x") || flags.get(0).equals("+x"))) {
            return new Ast.SetOption(pos, "xtrace", flags.get(0).startsWith("-"));
        }
        if (flags.size() == 2 && (flags.get(0).equals("-o") || flags.get(0).equals("+o"))
                && (flags.get(1).equals("continue") || flags.get(1).equals("xtrace"))) {
            return new Ast.SetOption(pos, flags.get(1), flags.get(0).startsWith("-"));
        }
        Pos where = rest.isEmpty() ? pos : rest.get(rest.size() - 1).pos();
        throw error(where, "unknown option '" + String.join(" ", flags) + "' for 'set'",
                "amlsh scripts know 'set -o continue', 'set +o continue', 'set -x' and 'set +x'.");
    }

    private Stmt assignment(Pos pos, List<Word> words) {
        Word first = words.get(0);
        if (!(first.pieces().get(0) instanceof Ast.Text t) || t.quoted()) {
            return null;
        }
        Matcher m = ASSIGNMENT.matcher(t.text());
        if (!m.matches()) {
            return null;
        }
        if (words.size() > 1) {
            throw error(words.get(1).pos(), "an assignment takes one value", "Quote it, e.g. " + m.group(1) + "=\"a b\".");
        }
        List<Ast.Piece> value = new ArrayList<>();
        if (!m.group(2).isEmpty()) {
            value.add(new Ast.Text(m.group(2), false));
        }
        value.addAll(first.pieces().subList(1, first.pieces().size()));
        return new Ast.Assign(pos, m.group(1), new Word(value, first.pos()));
    }

    private List<Word> command(List<Word> words) {
        Word first = words.get(0);
        String name = first.literal();
        if (name != null) {
            AmlshException unknown = unknownCommand.apply(name);
            if (unknown != null) {
                throw error(first.pos(), unknown.getMessage().replaceAll("\\.$", ""), unknown.hint());
            }
        }
        return List.copyOf(words);
    }

    private List<Word> words(Logical line) {
        return words(line, line.text(), 0);
    }

    private List<Word> words(Logical line, String text, int base) {
        List<LineTokenizer.Word> raw;
        try {
            raw = LineTokenizer.words(text);
        } catch (LineTokenizer.SyntaxError e) {
            throw error(line.pos(file, base + e.index()), e.reason(), e.hint());
        }
        List<Word> out = new ArrayList<>();
        for (LineTokenizer.Word w : raw) {
            List<Ast.Piece> pieces = new ArrayList<>();
            for (Part p : w.parts()) {
                Pos at = line.pos(file, base + p.index());
                if (p.kind() == Kind.TEXT) {
                    pieces.add(new Ast.Text(p.text(), p.quoted()));
                } else if (p.kind() == Kind.VARIABLE) {
                    pieces.add(new Ast.Var(p.text(), p.fallback(), p.quoted(), at));
                } else {
                    List<Word> inner = words(line, p.text(), base + p.index());
                    if (inner.isEmpty()) {
                        throw error(at, "empty $( )", "Put a command inside, e.g. $(group show -n rg1 --query id -o tsv).");
                    }
                    pieces.add(new Ast.Sub(command(inner), p.text().strip(), p.quoted(), at));
                }
            }
            out.add(new Word(List.copyOf(pieces), line.pos(file, base + w.index())));
        }
        return out;
    }

    private void expectAlone(List<Word> words, String keyword) {
        if (words.size() > 1) {
            throw error(words.get(1).pos(), "'" + keyword + "' takes nothing after it",
                    keyword.equals("else") ? "Put the 'if' on its own line inside the else block." : "Put the next command on its own line.");
        }
    }

    private static ScriptSyntaxException error(Pos pos, String message, String hint) {
        return new ScriptSyntaxException(pos, message, hint);
    }
}
