package dev.amlsh.output;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code -o table}, as the CLI builds it (knack's automatic table fed to tabulate's "simple"
 * layout): one column per scalar field, {@code id}, {@code type} and {@code etag} left out, nulls and
 * nested values dropped, headers with their first letter capitalised, every column left-aligned and
 * at least two wider than its header, a line of dashes under the header, no trailing spaces.
 */
final class TableText {
    private static final Set<String> SKIP_KEYS = Set.of("id", "type", "etag");

    private TableText() {
    }

    /** The automatic table; {@code sortKeys} is false after a query, whose column order the user chose. */
    static String auto(JsonElement value, boolean sortKeys) {
        List<Map<String, JsonElement>> rows = new ArrayList<>();
        for (JsonElement item : items(value)) {
            rows.add(row(item, sortKeys));
        }
        return render(rows);
    }

    /** A command's own columns, each evaluated on every item. */
    static String columns(JsonElement value, List<TableColumn> columns) {
        List<Cell> cells = columns.stream().map(Cell::of).toList();
        List<Map<String, JsonElement>> rows = new ArrayList<>();
        for (JsonElement item : items(value)) {
            JsonObject transformed = new JsonObject();
            for (Cell cell : cells) {
                transformed.add(cell.header(), cell.valueIn(item));
            }
            rows.add(row(transformed, false));
        }
        return render(rows);
    }

    private static JsonArray items(JsonElement value) {
        if (value.isJsonArray()) {
            return value.getAsJsonArray();
        }
        JsonArray one = new JsonArray();
        one.add(value);
        return one;
    }

    private static Map<String, JsonElement> row(JsonElement item, boolean sortKeys) {
        Map<String, JsonElement> row = new LinkedHashMap<>();
        if (item.isJsonObject()) {
            for (Map.Entry<String, JsonElement> e : PyValues.entries(item.getAsJsonObject(), sortKeys)) {
                JsonElement v = e.getValue();
                if (!SKIP_KEYS.contains(e.getKey()) && !v.isJsonNull() && v.isJsonPrimitive()) {
                    row.put(capitalize(e.getKey()), v);
                }
            }
        } else if (item.isJsonArray()) {
            int column = 1;
            for (JsonElement v : item.getAsJsonArray()) {
                row.put("Column" + column++, v);
            }
        } else {
            row.put("Result", item);
        }
        return row;
    }

    private static String capitalize(String key) {
        if (key.isEmpty()) {
            return key;
        }
        int first = key.offsetByCodePoints(0, 1);
        return key.substring(0, first).toUpperCase(Locale.ROOT) + key.substring(first);
    }

    private static String render(List<Map<String, JsonElement>> rows) {
        if (rows.isEmpty()) {
            return "\n";
        }
        Set<String> headerSet = new LinkedHashSet<>();
        rows.forEach(r -> headerSet.addAll(r.keySet()));
        if (headerSet.isEmpty()) {
            // tabulate prints nothing for rows without columns, and the CLI adds its newline
            return "\n";
        }
        List<String> headers = new ArrayList<>(headerSet);
        List<List<String[]>> cells = new ArrayList<>();
        int[] widths = new int[headers.size()];
        for (int c = 0; c < headers.size(); c++) {
            widths[c] = Width.of(headers.get(c)) + 2;
        }
        for (Map<String, JsonElement> row : rows) {
            List<String[]> line = new ArrayList<>();
            for (int c = 0; c < headers.size(); c++) {
                String[] text = lines(cellText(row.getOrDefault(headers.get(c), JsonNull.INSTANCE)));
                for (String part : text) {
                    widths[c] = Math.max(widths[c], Width.of(part));
                }
                line.add(text);
            }
            cells.add(line);
        }
        StringBuilder out = new StringBuilder();
        List<String[]> headerCells = headers.stream().map(TableText::lines).toList();
        appendRow(out, headerCells, widths);
        List<String[]> dashes = new ArrayList<>();
        for (int width : widths) {
            dashes.add(new String[] {"-".repeat(width)});
        }
        appendRow(out, dashes, widths);
        cells.forEach(line -> appendRow(out, line, widths));
        return out.toString();
    }

    /** A cell's text: tabulate strips it and shows a missing or null value as nothing. */
    private static String cellText(JsonElement value) {
        if (value.isJsonNull()) {
            return "";
        }
        return (value.isJsonPrimitive() ? PyValues.str(value) : PyRepr.of(value)).strip();
    }

    private static String[] lines(String text) {
        return text.split("\r\n|\r|\n", -1);
    }

    /** One table row, which is several lines when a cell holds line breaks. */
    private static void appendRow(StringBuilder out, List<String[]> row, int[] widths) {
        int height = row.stream().mapToInt(c -> c.length).max().orElse(1);
        for (int line = 0; line < height; line++) {
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                String[] cell = row.get(c);
                String part = line < cell.length ? cell[line] : "";
                if (c > 0) {
                    text.append("  ");
                }
                text.append(part).append(" ".repeat(Math.max(0, widths[c] - Width.of(part))));
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
    }

    /** A column given by the command: a JMESPath expression, or a key that is not valid JMESPath. */
    private record Cell(String header, Query query, String key) {
        static Cell of(TableColumn column) {
            try {
                return new Cell(column.header(), Query.compile(column.jmesPathOrKey()), null);
            } catch (QueryException notJmesPath) {
                return new Cell(column.header(), null, column.jmesPathOrKey());
            }
        }

        JsonElement valueIn(JsonElement item) {
            if (query != null) {
                return query.apply(item);
            }
            JsonElement v = item.isJsonObject() ? item.getAsJsonObject().get(key) : null;
            return v == null ? JsonNull.INSTANCE : v;
        }
    }
}
