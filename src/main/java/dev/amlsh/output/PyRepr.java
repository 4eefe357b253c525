package dev.amlsh.output;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Python's {@code repr()} of a nested value, which is what the CLI's table shows when a row is a list
 * holding objects or lists (a query like {@code [].[name, tags]}).
 */
final class PyRepr {
    private PyRepr() {
    }

    static String of(JsonElement value) {
        if (value.isJsonObject()) {
            StringJoiner out = new StringJoiner(", ", "{", "}");
            JsonObject object = value.getAsJsonObject();
            for (Map.Entry<String, JsonElement> e : object.entrySet()) {
                out.add(string(e.getKey()) + ": " + of(e.getValue()));
            }
            return out.toString();
        }
        if (value.isJsonArray()) {
            StringJoiner out = new StringJoiner(", ", "[", "]");
            value.getAsJsonArray().forEach(item -> out.add(of(item)));
            return out.toString();
        }
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
            return string(value.getAsString());
        }
        return PyValues.str(value);
    }

    /** Single quotes unless the text holds one and no double quote, as Python chooses. */
    private static String string(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == quote) {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append(quote).toString();
    }
}
