package dev.amlsh.azure;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * How the Azure CLI prints an ARM resource from its Python SDK model: the flattened
 * {@code properties} at the top level, every attribute of the model present ({@code null} when the
 * service left it out), datetimes as Python's {@code isoformat()}, and the {@code resourceGroup}
 * key the CLI adds from the ID.
 *
 * <pre>{@code
 * JsonObject out = CliShapes.withModelKeys(flat, List.of("identity", "status"));
 * out.addProperty("resourceGroup", CliShapes.resourceGroupOf(out.get("id").getAsString()));
 * }</pre>
 */
final class CliShapes {
    private CliShapes() {
    }

    /** The group segment of an ARM ID, as written there, or null. */
    static String resourceGroupOf(String id) {
        if (id == null) {
            return null;
        }
        String[] parts = id.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].equalsIgnoreCase("resourceGroups")) {
                return parts[i + 1];
            }
        }
        return null;
    }

    /** Adds each missing key as JSON null (the CLI prints every attribute of its model). */
    static JsonObject withModelKeys(JsonObject o, List<String> keys) {
        for (String k : keys) {
            if (!o.has(k)) {
                o.add(k, JsonNull.INSTANCE);
            }
        }
        return o;
    }

    /**
     * An ARM timestamp ({@code 2021-06-15T21:38:26.1537861Z}) the way Python's {@code isoformat()}
     * prints the parsed datetime: microseconds (none when zero) and a {@code +00:00} offset.
     * Anything unparsable is returned as it was.
     */
    static JsonElement pythonDateTime(JsonElement value) {
        if (value == null || !value.isJsonPrimitive()) {
            return value == null ? JsonNull.INSTANCE : value;
        }
        String text = value.getAsString();
        try {
            OffsetDateTime t = OffsetDateTime.parse(text);
            String offset = t.getOffset().getId().equals("Z") ? "+00:00" : t.getOffset().getId();
            int micros = t.getNano() / 1000;
            String base = String.format("%04d-%02d-%02dT%02d:%02d:%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                    t.getHour(), t.getMinute(), t.getSecond());
            return new JsonPrimitive(base + (micros == 0 ? "" : String.format(".%06d", micros)) + offset);
        } catch (DateTimeParseException e) {
            return value;
        }
    }

    /** A string member, or "" when absent or not a string. */
    static String text(JsonObject o, String member) {
        JsonElement e = o == null ? null : o.get(member);
        return e == null || !e.isJsonPrimitive() ? "" : e.getAsString();
    }

    /** A name as one URL path segment. */
    static String segment(String name) {
        return java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** True when the service said the resource (not its group) does not exist. */
    static boolean isResourceNotFound(RuntimeException e) {
        return e instanceof com.azure.core.management.exception.ManagementException m && m.getValue() != null
                && "ResourceNotFound".equals(m.getValue().getCode());
    }

    /** Rewrites one member of {@code o} (when present) with {@link #pythonDateTime}. */
    static void pythonDateTimeAt(JsonObject o, String member) {
        if (o != null && o.has(member)) {
            o.add(member, pythonDateTime(o.get(member)));
        }
    }
}
