package dev.amlsh.command;

/**
 * Makes text that may echo what the user typed safe to print on one line of a terminal: control
 * characters (escape sequences included), line and paragraph separators, and bidirectional
 * overrides (and lone surrogates) are shown as {@code \\uXXXX} instead of acting on the terminal
 * or reordering the line.
 *
 * <pre>{@code
 * Printable.line(message); // an ESC character is printed as a backslash, 'u' and its four hex digits
 * }</pre>
 */
final class Printable {
    private Printable() {
    }

    static String line(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (unsafe(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean unsafe(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u061c' || c == '\u200e' || c == '\u200f'
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') || Character.isSurrogate(c);
    }
}
