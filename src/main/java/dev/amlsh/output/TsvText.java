package dev.amlsh.output;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code -o tsv}, by the CLI's rules: one line per list item (or one for a lone value); an object's
 * values tab-separated, a nested object as an empty cell and a nested list as its length, so that
 * every line keeps its column count; {@code None} for null and {@code True}/{@code False} inside a
 * line, but {@code true}/{@code false} for a boolean that is a whole line.
 */
final class TsvText {
    private TsvText() {
    }

    /**
     * @param sortKeys which objects list their values in key order; the CLI sorts every object except
     *                 those a query's multiselect hash built, whose order the user chose
     */
    static String write(JsonElement value, Predicate<JsonObject> sortKeys) {
        StringBuilder out = new StringBuilder();
        if (value.isJsonArray()) {
            for (JsonElement row : value.getAsJsonArray()) {
                row(out, row, sortKeys);
            }
        } else {
            row(out, value, sortKeys);
        }
        return out.toString();
    }

    private static void row(StringBuilder out, JsonElement row, Predicate<JsonObject> sortKeys) {
        if (row.isJsonObject()) {
            String separator = "";
            JsonObject object = row.getAsJsonObject();
            for (Map.Entry<String, JsonElement> entry : PyValues.entries(object, sortKeys.test(object))) {
                out.append(separator);
                cell(out, entry.getValue());
                separator = "\t";
            }
        } else if (row.isJsonArray()) {
            String separator = "";
            for (JsonElement item : row.getAsJsonArray()) {
                out.append(separator);
                cell(out, item);
                separator = "\t";
            }
        } else if (row.isJsonPrimitive() && row.getAsJsonPrimitive().isBoolean()) {
            out.append(row.getAsBoolean());
        } else {
            cell(out, row);
        }
        out.append('\n');
    }

    private static void cell(StringBuilder out, JsonElement value) {
        if (value.isJsonArray()) {
            out.append(value.getAsJsonArray().size());
        } else if (!value.isJsonObject()) {
            out.append(PyValues.str(value));
        }
    }
}
