package dev.amlsh.output;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What reaches a terminal: text from the cloud (names, tags, messages) may hold control
 * characters that retitle the window, clear the screen, move the cursor or forge lines. On a
 * terminal they are shown escaped ({@code \x1b}, {@code \r}, {@code \n}, {@code \u202e}); piped
 * output is left byte-exact.
 *
 * <pre>{@code
 * TerminalText.escape("a\u001b[2Jb");   // "a\\x1b[2Jb"
 * }</pre>
 */
final class TerminalText {
    private TerminalText() {
    }

    /** True for what a terminal acts on rather than shows: C0, DEL, C1, and the bidirectional overrides. */
    static boolean unsafe(char c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069'
                || c == '\u2028' || c == '\u2029';
    }

    /** The text with every unsafe character written as a visible escape. */
    static String escape(String s) {
        int first = firstUnsafe(s);
        if (first < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 16).append(s, 0, first);
        for (int i = first; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!unsafe(c)) {
                out.append(c);
                continue;
            }
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c <= 0xff ? String.format(Locale.ROOT, "\\x%02x", (int) c) : String.format(Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    /**
     * Formatted JSON or YAML, whose own escaping already covers C0 characters: what is left (DEL,
     * C1, bidirectional overrides, which only occur inside strings there) as {@code \}{@code uXXXX}.
     */
    static String escapeRemaining(String formatted) {
        if (firstUnsafeBeyondC0(formatted) < 0) {
            return formatted;
        }
        StringBuilder out = new StringBuilder(formatted.length() + 16);
        for (int i = 0; i < formatted.length(); i++) {
            char c = formatted.charAt(i);
            out.append(c >= 0x20 && unsafe(c) ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }

    /**
     * A copy of the value with every string (keys included) escaped; {@code originals} learns which
     * object each copied object stands for (the tsv layout depends on where an object came from).
     */
    static JsonElement escape(JsonElement value, Map<JsonObject, JsonObject> originals) {
        if (value == null || value.isJsonNull()) {
            return value;
        }
        if (value.isJsonObject()) {
            JsonObject copy = new JsonObject();
            for (Map.Entry<String, JsonElement> e : value.getAsJsonObject().entrySet()) {
                copy.add(escape(e.getKey()), escape(e.getValue(), originals));
            }
            originals.put(copy, value.getAsJsonObject());
            return copy;
        }
        if (value.isJsonArray()) {
            JsonArray copy = new JsonArray();
            value.getAsJsonArray().forEach(item -> copy.add(escape(item, originals)));
            return copy;
        }
        JsonPrimitive p = value.getAsJsonPrimitive();
        return p.isString() && firstUnsafe(p.getAsString()) >= 0 ? new JsonPrimitive(escape(p.getAsString())) : p;
    }

    static Map<JsonObject, JsonObject> identities() {
        return new IdentityHashMap<>();
    }

    private static int firstUnsafe(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (unsafe(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int firstUnsafeBeyondC0(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && unsafe(c)) {
                return i;
            }
        }
        return -1;
    }
}
