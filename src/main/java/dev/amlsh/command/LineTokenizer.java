package dev.amlsh.command;

import dev.amlsh.core.AmlshException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words the way a POSIX shell does for the cases commands need:
 * whitespace separates, {@code '...'} is literal, {@code "..."} allows {@code \"} and
 * {@code \\}, and a backslash outside quotes escapes the next character.
 *
 * <p>The shell uses {@link #split}, where {@code $} is an ordinary character. Scripts use
 * {@link #words}, the same scanner keeping {@code $name}, {@code ${name}}, {@code ${env:NAME}}
 * and {@code $(command)} as references with their positions, so a script's lines are parsed
 * once and expanded later; {@code #} at the start of a word begins a comment there.
 *
 * <pre>{@code
 * LineTokenizer.split("group list --query \"[?location=='eastus'].name\"");
 * // [group, list, --query, [?location=='eastus'].name]
 * LineTokenizer.words("group show -n \"$rg\"");  // 4 words, the last one a quoted reference to rg
 * }</pre>
 */
public final class LineTokenizer {
    private final String line;
    private final boolean references;
    private final List<Word> words = new ArrayList<>();
    private List<Part> parts = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private boolean textQuoted;
    private int textStart;
    private boolean inWord;
    private int wordStart;

    /** What a piece of a word is: plain text, a variable to look up, or a command to run and capture. */
    public enum Kind { TEXT, VARIABLE, CAPTURE }

    /**
     * A piece of a word. For {@code VARIABLE}, {@code text} is the name ({@code rg}, {@code 1},
     * {@code #}, {@code env:HOME}) and {@code fallback} the {@code :-} default or null; for
     * {@code CAPTURE}, {@code text} is the command inside {@code $( )}. {@code index} is where the
     * piece starts in the line (0-based; for a capture, where its command starts).
     */
    public record Part(Kind kind, String text, String fallback, boolean quoted, int index) {
    }

    /** A word as written: its parts and where it starts in the line (0-based). */
    public record Word(List<Part> parts, int index) {
        /** The word's text when it has no references, else null. */
        public String literal() {
            StringBuilder s = new StringBuilder();
            for (Part p : parts) {
                if (p.kind() != Kind.TEXT) {
                    return null;
                }
                s.append(p.text());
            }
            return s.toString();
        }
    }

    /** A line that cannot be split: what is wrong and where (0-based index in the line). */
    public static final class SyntaxError extends AmlshException {
        private static final long serialVersionUID = 1L;
        private final String reason;
        private final int index;

        SyntaxError(String reason, int index, String hint) {
            super(Fault.USAGE, Character.toUpperCase(reason.charAt(0)) + reason.substring(1) + " at column " + (index + 1) + ".", hint);
            this.reason = reason;
            this.index = index;
        }

        /** The problem without its position, e.g. "unterminated double quote". */
        public String reason() {
            return reason;
        }

        public int index() {
            return index;
        }
    }

    private LineTokenizer(String line, boolean references) {
        this.line = line;
        this.references = references;
    }

    public static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        for (Word w : new LineTokenizer(line, false).scan()) {
            out.add(w.literal());
        }
        return out;
    }

    /** Splits a script line, keeping references unexpanded; throws {@link SyntaxError}. */
    public static List<Word> words(String line) {
        return new LineTokenizer(line, true).scan();
    }

    private List<Word> scan() {
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\'') {
                int close = line.indexOf('\'', i + 1);
                if (close < 0) {
                    throw unterminated("single", i);
                }
                start(i);
                append(line.substring(i + 1, close), true, i + 1);
                i = close + 1;
            } else if (c == '"') {
                start(i);
                i = references ? doubleQuoted(i) : doubleQuotedPlain(i);
            } else if (c == '\\' && i + 1 < line.length()) {
                start(i);
                append(String.valueOf(line.charAt(i + 1)), true, i);
                i += 2;
            } else if (Character.isWhitespace(c)) {
                finishWord();
                i++;
            } else if (references && c == '#' && !inWord) {
                break;
            } else if (references && c == '$') {
                start(i);
                i = reference(i, false);
            } else {
                start(i);
                append(String.valueOf(c), false, i);
                i++;
            }
        }
        finishWord();
        return words;
    }

    private int doubleQuotedPlain(int open) {
        int close = closingDoubleQuote(open + 1);
        if (close < 0) {
            throw unterminated("double", open);
        }
        append(unescapeDouble(line.substring(open + 1, close)), true, open + 1);
        return close + 1;
    }

    private int doubleQuoted(int open) {
        append("", true, open + 1);
        int i = open + 1;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            } else if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                append(String.valueOf(line.charAt(i + 1)), true, i);
                i += 2;
            } else if (c == '$') {
                i = reference(i, true);
            } else {
                append(String.valueOf(c), true, i);
                i++;
            }
        }
        throw unterminated("double", open);
    }

    /** Reads a reference starting at the {@code $} at index i; returns the index after it. */
    private int reference(int i, boolean quoted) {
        char next = i + 1 < line.length() ? line.charAt(i + 1) : ' ';
        if (next == '(') {
            int close = closingParen(i + 2);
            if (close < 0) {
                throw new SyntaxError("unclosed $( )", i, "Close the command with ')'.");
            }
            addPart(new Part(Kind.CAPTURE, line.substring(i + 2, close), null, quoted, i + 2));
            return close + 1;
        }
        if (next == '{') {
            int close = line.indexOf('}', i + 2);
            if (close < 0) {
                throw new SyntaxError("unclosed ${", i, "Close the reference with '}', e.g. ${name}.");
            }
            String inside = line.substring(i + 2, close);
            int dash = inside.indexOf(":-");
            String name = dash < 0 ? inside : inside.substring(0, dash);
            if (!validName(name.startsWith("env:") ? name.substring(4) : name) && !name.matches("[0-9]+|#")) {
                throw new SyntaxError("bad reference ${" + inside + "}", i,
                        "Write ${name}, ${1}, ${env:NAME} or ${name:-default}; a name is letters, digits and _.");
            }
            addPart(new Part(Kind.VARIABLE, name, dash < 0 ? null : inside.substring(dash + 2), quoted, i));
            return close + 1;
        }
        if (Character.isLetter(next) || next == '_') {
            int end = i + 1;
            while (end < line.length() && (Character.isLetterOrDigit(line.charAt(end)) || line.charAt(end) == '_')) {
                end++;
            }
            addPart(new Part(Kind.VARIABLE, line.substring(i + 1, end), null, quoted, i));
            return end;
        }
        if (Character.isDigit(next) || next == '#') {
            addPart(new Part(Kind.VARIABLE, String.valueOf(next), null, quoted, i));
            return i + 2;
        }
        append("$", quoted, i);
        return i + 1;
    }

    private int closingParen(int from) {
        int depth = 0;
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '\'') {
                int close = line.indexOf('\'', i + 1);
                if (close < 0) {
                    return -1;
                }
                i = close;
            } else if (c == '"') {
                int close = closingDoubleQuote(i + 1);
                if (close < 0) {
                    return -1;
                }
                i = close;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && depth-- == 0) {
                return i;
            }
        }
        return -1;
    }

    static boolean validName(String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_]*");
    }

    private void start(int i) {
        if (!inWord) {
            inWord = true;
            wordStart = i;
        }
    }

    private void append(String s, boolean quoted, int at) {
        if (text.length() > 0 && quoted != textQuoted) {
            flushText();
        }
        if (text.length() == 0) {
            textQuoted = quoted;
            textStart = at;
        }
        text.append(s);
    }

    private void addPart(Part part) {
        flushText();
        parts.add(part);
    }

    private void flushText() {
        if (text.length() > 0) {
            parts.add(new Part(Kind.TEXT, text.toString(), null, textQuoted, textStart));
            text.setLength(0);
        }
    }

    private void finishWord() {
        if (!inWord) {
            return;
        }
        flushText();
        if (parts.isEmpty()) {
            parts.add(new Part(Kind.TEXT, "", null, true, wordStart));
        }
        words.add(new Word(List.copyOf(parts), wordStart));
        parts = new ArrayList<>();
        inWord = false;
    }

    private static SyntaxError unterminated(String which, int at) {
        return new SyntaxError("unterminated " + which + " quote", at, "Close the quote, or escape it with a backslash.");
    }

    private int closingDoubleQuote(int from) {
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    private static String unescapeDouble(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && "\"\\$`".indexOf(s.charAt(i + 1)) >= 0) {
                out.append(s.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
