package dev.amlsh.output;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns a command's result into the text {@code az} would print for the same result and options.
 * Every format prints nothing for a null result, as the CLI does.
 *
 * <pre>{@code
 * Query query = Query.compile("[].name");
 * String text = OutputWriter.render(groups, query, OutputFormat.TSV, null, false); // "rg1\nrg2\n"
 * }</pre>
 */
public final class OutputWriter {
    private OutputWriter() {
    }

    /**
     * Formats a result that no {@code --query} touched.
     *
     * @param color ANSI colours for {@code jsonc}, when the caller has a terminal and no {@code NO_COLOR};
     *              without them {@code jsonc} prints as {@code json}, like the CLI off a terminal
     */
    public static String format(JsonElement value, OutputFormat format, boolean color) {
        return render(value, null, format, null, color);
    }

    /**
     * {@code -o table} of a result that no query touched.
     *
     * @param columns the command's own columns, or null for the automatic ones (scalar fields by key)
     */
    public static String table(JsonElement value, List<TableColumn> columns) {
        return render(value, null, OutputFormat.TABLE, columns, false);
    }

    /**
     * What the shell calls once per command: applies the query (if any), then formats. Like the CLI, a
     * query replaces the command's table columns, and keeps the column and field order it builds
     * instead of sorting keys.
     *
     * @param query   the compiled {@code --query}, or null
     * @param columns the command's own table columns, or null
     * @throws QueryException  when the query cannot be evaluated on this result
     */
    public static String render(JsonElement result, Query query, OutputFormat format,
                                List<TableColumn> columns, boolean color) {
        return render(result, query, format, columns, color, false);
    }

    /**
     * As {@link #render(JsonElement, Query, OutputFormat, List, boolean)}, for a terminal when
     * {@code terminal} is set: control characters in the values are then shown escaped, in every
     * format, so that text from the cloud cannot act on the terminal. Piped output stays byte-exact.
     */
    public static String render(JsonElement result, Query query, OutputFormat format,
                                List<TableColumn> columns, boolean color, boolean terminal) {
        JsonElement value = query == null ? result : query.apply(result);
        if (value == null || value.isJsonNull()) {
            return "";
        }
        Predicate<JsonObject> sortKeys = query == null ? o -> true : takenWhole(result);
        if (terminal && (format == OutputFormat.TSV || format == OutputFormat.TABLE)) {
            Map<JsonObject, JsonObject> originals = TerminalText.identities();
            value = TerminalText.escape(value, originals);
            Predicate<JsonObject> before = sortKeys;
            sortKeys = copy -> before.test(originals.getOrDefault(copy, copy));
        }
        String text = switch (format) {
            case JSON -> JsonText.write(value);
            case JSONC -> JsonText.write(value);
            case YAML -> YamlText.write(value);
            case TSV -> TsvText.write(value, sortKeys);
            case TABLE -> query == null && columns != null
                    ? TableText.columns(value, columns)
                    : TableText.auto(value, query == null);
            case NONE -> "";
        };
        if (terminal && (format == OutputFormat.JSON || format == OutputFormat.JSONC || format == OutputFormat.YAML)) {
            text = TerminalText.escapeRemaining(text);
        }
        return format == OutputFormat.JSONC && color ? JsoncText.colour(text) : text;
    }

    /**
     * After a query, the CLI's tsv still sorts the keys of objects taken whole from the result (plain
     * dicts there) but keeps the order of those a multiselect hash built; identity tells them apart.
     */
    private static Predicate<JsonObject> takenWhole(JsonElement input) {
        Set<JsonObject> original = Collections.newSetFromMap(new IdentityHashMap<>());
        collect(input, original);
        return original::contains;
    }

    private static void collect(JsonElement element, Set<JsonObject> into) {
        if (element == null) {
            return;
        }
        if (element.isJsonObject()) {
            into.add(element.getAsJsonObject());
            element.getAsJsonObject().entrySet().forEach(e -> collect(e.getValue(), into));
        } else if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(e -> collect(e, into));
        }
    }
}
