package dev.amlsh.sandbox.provider.resources;

import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code $filter} ARM accepts on group lists: {@code tagName eq 'k'} optionally {@code and tagValue eq 'v'}. */
record TagFilter(String name, String value) {
    private static final Pattern FORM = Pattern.compile(
            "^\\s*tagName\\s+eq\\s+'((?:[^']|'')*)'(?:\\s+and\\s+tagValue\\s+eq\\s+'((?:[^']|'')*)')?\\s*$", Pattern.CASE_INSENSITIVE);

    static TagFilter parse(String filter) {
        if (filter == null || filter.isBlank()) {
            return new TagFilter(null, null);
        }
        Matcher m = FORM.matcher(filter);
        if (!m.matches()) {
            throw ArmErrors.invalidFilter(filter);
        }
        return new TagFilter(m.group(1).replace("''", "'"), m.group(2) == null ? null : m.group(2).replace("''", "'"));
    }

    boolean matches(JsonObject doc) {
        if (name == null) {
            return true;
        }
        JsonObject tags = doc.getAsJsonObject("tags");
        if (tags == null) {
            return false;
        }
        // Tag names are case-insensitive in ARM; values are compared as written.
        for (var e : tags.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return value == null || (e.getValue().isJsonPrimitive() && e.getValue().getAsString().equals(value));
            }
        }
        return false;
    }
}
