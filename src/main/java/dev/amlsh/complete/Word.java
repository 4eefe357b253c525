package dev.amlsh.complete;

import java.util.ArrayList;
import java.util.List;

/**
 * A word of a line being typed, with where it sits: split like the command tokenizer does
 * (quotes, backslash escapes), but forgiving: an open quote runs to the end of the line.
 *
 * <pre>{@code
 * Word.split("group show -g 'my rg"); // [group, show, -g, my rg(open)]
 * }</pre>
 *
 * @param start first character in the line
 * @param end   one past the last character
 * @param text  the word without quotes and escapes
 * @param open  true when a quote is still open
 */
record Word(int start, int end, String text, boolean open) {

    static List<Word> split(String line) {
        List<Word> words = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int start = -1;
        char quote = 0;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    text.append(line.charAt(++i));
                } else {
                    text.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (start >= 0) {
                    words.add(new Word(start, i, text.toString(), false));
                    text.setLength(0);
                    start = -1;
                }
            } else {
                if (start < 0) {
                    start = i;
                }
                if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '\\' && i + 1 < line.length()) {
                    text.append(line.charAt(++i));
                } else {
                    text.append(c);
                }
            }
            i++;
        }
        if (start >= 0) {
            words.add(new Word(start, line.length(), text.toString(), quote != 0));
        }
        return words;
    }
}
