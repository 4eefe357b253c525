package dev.amlsh.output;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code -o json}: what the CLI's {@code json.dumps(indent=2, sort_keys=True, ensure_ascii=False)}
 * prints. Written by hand because gson escapes HTML characters and prints integral doubles as
 * {@code 1.0}.
 */
final class JsonText {
    private JsonText() {
    }

    static String write(JsonElement value) {
        StringBuilder out = new StringBuilder();
        append(out, value, 0);
        return out.append('\n').toString();
    }

    private static void append(StringBuilder out, JsonElement value, int depth) {
        if (value == null || value.isJsonNull()) {
            out.append("null");
        } else if (value.isJsonObject()) {
            appendObject(out, value.getAsJsonObject(), depth);
        } else if (value.isJsonArray()) {
            appendArray(out, value.getAsJsonArray(), depth);
        } else {
            appendScalar(out, value.getAsJsonPrimitive());
        }
    }

    private static void appendObject(StringBuilder out, JsonObject object, int depth) {
        if (object.size() == 0) {
            out.append("{}");
            return;
        }
        List<Map.Entry<String, JsonElement>> entries = PyValues.entries(object, true);
        out.append('{');
        String separator = "\n";
        for (Map.Entry<String, JsonElement> entry : entries) {
            out.append(separator);
            indent(out, depth + 1);
            quote(out, entry.getKey());
            out.append(": ");
            append(out, entry.getValue(), depth + 1);
            separator = ",\n";
        }
        out.append('\n');
        indent(out, depth);
        out.append('}');
    }

    private static void appendArray(StringBuilder out, JsonArray array, int depth) {
        if (array.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        String separator = "\n";
        for (JsonElement item : array) {
            out.append(separator);
            indent(out, depth + 1);
            append(out, item, depth + 1);
            separator = ",\n";
        }
        out.append('\n');
        indent(out, depth);
        out.append(']');
    }

    private static void appendScalar(StringBuilder out, JsonPrimitive p) {
        if (p.isBoolean()) {
            out.append(p.getAsBoolean());
        } else if (p.isNumber()) {
            out.append(PyValues.number(p.getAsNumber(), true));
        } else {
            quote(out, p.getAsString());
        }
    }

    private static void indent(StringBuilder out, int depth) {
        out.append("  ".repeat(depth));
    }

    /** Python escapes only quote, backslash and control characters when ensure_ascii is off. */
    static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
