package dev.amlsh.migrate;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command as a shell would into words, keeping each word exactly as written (quotes,
 * {@code $var}, {@code $(...)}) so the translation writes them back unchanged.
 *
 * <pre>{@code
 * Words.split("ml workspace create -w $ws --friendly-name \"Team A\""); // [..., "\"Team A\""]
 * }</pre>
 */
final class Words {
    private Words() {
    }

    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                word.append(c);
                if (c == '\\' && quote == '"' && i + 1 < text.length()) {
                    word.append(text.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                word.append(c);
            } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '(') {
                depth++;
                word.append("$(");
                i++;
            } else if (c == ')' && depth > 0) {
                depth--;
                word.append(c);
            } else if (Character.isWhitespace(c) && depth == 0) {
                if (word.length() > 0) {
                    out.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (word.length() > 0) {
            out.add(word.toString());
        }
        return out;
    }

    /** The end (exclusive) of the {@code $(} ... {@code )} whose body starts at {@code from}, or -1. */
    static int closing(String text, int from) {
        int depth = 1;
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The value without one pair of surrounding quotes. */
    static String unquote(String word) {
        if (word.length() >= 2 && (word.startsWith("\"") && word.endsWith("\"") || word.startsWith("'") && word.endsWith("'"))) {
            return word.substring(1, word.length() - 1);
        }
        return word;
    }
}
