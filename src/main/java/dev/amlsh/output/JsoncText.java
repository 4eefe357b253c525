package dev.amlsh.output;

/**
 * {@code -o jsonc}: the JSON text coloured as the CLI colours it (Pygments' JSON lexer with its
 * terminal formatter): keys bright blue, strings yellow, numbers, booleans and null blue,
 * whitespace grey, punctuation plain. Colour codes close before every newline, as Pygments does, so
 * that a pager shows each line on its own.
 */
final class JsoncText {
    private static final String RESET = "\u001b[39;49;00m";
    private static final String KEY = "\u001b[94m";
    private static final String STRING = "\u001b[33m";
    private static final String LITERAL = "\u001b[34m";
    private static final String WHITESPACE = "\u001b[37m";
    private static final String PUNCTUATION = "{}[],";

    private JsoncText() {
    }

    /** Colours JSON text as written by {@link JsonText}. */
    static String colour(String json) {
        StringBuilder out = new StringBuilder(json.length() * 2);
        int i = 0;
        while (i < json.length()) {
            char c = json.charAt(i);
            int end;
            String colour;
            if (c == '"') {
                end = endOfString(json, i);
                colour = end < json.length() && json.charAt(end) == ':' ? KEY : STRING;
            } else if (isWhitespace(c)) {
                end = i;
                while (end < json.length() && isWhitespace(json.charAt(end))) {
                    end++;
                }
                colour = WHITESPACE;
            } else if (c == ':' || PUNCTUATION.indexOf(c) >= 0) {
                end = i + 1;
                while (end < json.length() && PUNCTUATION.indexOf(json.charAt(end)) >= 0) {
                    end++;
                }
                colour = null;
            } else {
                // numbers, true, false, null: one run of the characters that can spell them
                end = i + 1;
                while (end < json.length() && "-0123456789.eE+truefalsn".indexOf(json.charAt(end)) >= 0) {
                    end++;
                }
                colour = LITERAL;
            }
            emit(out, json.substring(i, end), colour);
            i = end;
        }
        return out.toString();
    }

    private static int endOfString(String json, int start) {
        int i = start + 1;
        while (i < json.length()) {
            char c = json.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else {
                i++;
            }
        }
        return i;
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    private static void emit(StringBuilder out, String token, String colour) {
        int start = 0;
        while (start < token.length()) {
            int newline = token.indexOf('\n', start);
            int end = newline < 0 ? token.length() : newline;
            if (colour != null) {
                out.append(colour).append(token, start, end).append(RESET);
            } else {
                out.append(token, start, end);
            }
            if (newline < 0) {
                break;
            }
            out.append('\n');
            start = newline + 1;
        }
    }
}
