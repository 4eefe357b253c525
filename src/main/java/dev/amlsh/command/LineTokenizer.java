package dev.amlsh.command;

import dev.amlsh.azure.AmlshException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words the way a POSIX shell does for the cases commands need:
 * whitespace separates, {@code '...'} is literal, {@code "..."} allows {@code \"} and
 * {@code \\}, and a backslash outside quotes escapes the next character.
 *
 * <pre>{@code
 * LineTokenizer.split("group list --query \"[?location=='eastus'].name\"");
 * // [group, list, --query, [?location=='eastus'].name]
 * }</pre>
 */
public final class LineTokenizer {
    private LineTokenizer() {
    }

    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\'' || c == '"') {
                int close = c == '\'' ? line.indexOf('\'', i + 1) : closingDoubleQuote(line, i + 1);
                if (close < 0) {
                    throw AmlshException.usage("Unterminated " + (c == '\'' ? "single" : "double") + " quote at column " + (i + 1) + ".",
                            "Close the quote, or escape it with a backslash.");
                }
                String inside = line.substring(i + 1, close);
                word.append(c == '"' ? unescapeDouble(inside) : inside);
                inWord = true;
                i = close + 1;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(i + 1));
                inWord = true;
                i += 2;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    private static int closingDoubleQuote(String line, int from) {
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
