package dev.amlsh.command;

import com.google.gson.JsonElement;
import dev.amlsh.core.AmlshException;
import dev.amlsh.output.Query;
import dev.amlsh.output.QueryException;
import java.util.regex.Pattern;

/**
 * {@code $_} in a line: the last command's result when it is a single value, and
 * {@code $_.path} (or {@code $_[0].id}) the value of that JMESPath on it. Replaced before the line
 * is split into words, except inside single quotes or after a backslash.
 *
 * <pre>{@code
 * group show -n rg1          # prints the group
 * group show -n $_.name      # the same group again
 * }</pre>
 */
final class LastValue {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@=,+-]+");

    private LastValue() {
    }

    static String expand(String line, JsonElement last) {
        if (!line.contains("$_")) {
            return line;
        }
        StringBuilder out = new StringBuilder(line.length());
        boolean single = false;
        boolean dbl = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\\' && !single && i + 1 < line.length()) {
                out.append(c).append(line.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            } else if (c == '$' && !single && line.startsWith("$_", i)) {
                int end = i + 2;
                if (end < line.length() && (line.charAt(end) == '.' || line.charAt(end) == '[')) {
                    while (end < line.length() && !Character.isWhitespace(line.charAt(end)) && !(dbl && line.charAt(end) == '"')) {
                        end++;
                    }
                }
                String path = line.substring(i + 2, end);
                out.append(quote(value(last, path.startsWith(".") ? path.substring(1) : path), dbl));
                i = end;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static String value(JsonElement last, String path) {
        if (last == null || last.isJsonNull()) {
            throw AmlshException.usage("$_ has no value: no command has printed a result yet.",
                    "Run a command first, e.g. 'group show -n rg1', then use $_ or $_.id.");
        }
        JsonElement v = last;
        if (!path.isEmpty()) {
            try {
                v = Query.compile(path).apply(last);
            } catch (QueryException e) {
                throw AmlshException.usage("$_." + path + ": " + e.getMessage(), "Write $_.<JMESPath>, e.g. $_.id or $_[0].name.");
            }
        }
        if (v == null || v.isJsonNull()) {
            throw AmlshException.usage("$_" + (path.isEmpty() ? "" : "." + path) + " has no value in the last result.",
                    "Look at it with '??' and pick a path that exists, e.g. $_.id.");
        }
        if (!v.isJsonPrimitive()) {
            throw AmlshException.usage("$_" + (path.isEmpty() ? "" : "." + path) + " is " + (v.isJsonArray() ? "a list" : "an object")
                    + ", not a single value.", "Pick one value with a path, e.g. $_.id or $_[0].name (see '??').");
        }
        return v.getAsString();
    }

    private static String quote(String value, boolean insideDouble) {
        if (insideDouble) {
            return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$").replace("`", "\\`");
        }
        if (PLAIN.matcher(value).matches()) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
