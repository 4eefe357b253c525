package dev.amlsh.azure;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * What the Azure CLI does to a resource before printing it: every attribute of the SDK model
 * present (null when the service sent none), {@code resourceGroup} taken from the ID, and
 * timestamps as Python's {@code isoformat()} writes them ({@code 2025-02-08T14:14:53.268578+00:00}).
 *
 * <pre>{@code
 * JsonObject out = AzShapes.template(List.of("id", "name", "tags"), armResource);
 * out.addProperty("resourceGroup", AzShapes.resourceGroup(id));
 * }</pre>
 */
final class AzShapes {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private AzShapes() {
    }

    /** The keys in order, each taken from {@code source} or null. */
    static JsonObject template(Iterable<String> keys, JsonObject source) {
        JsonObject out = new JsonObject();
        for (String k : keys) {
            JsonElement v = source == null ? null : source.get(k);
            out.add(k, v == null ? JsonNull.INSTANCE : v.deepCopy());
        }
        return out;
    }

    /** The same template applied to a nested object, or null when it is absent. */
    static JsonElement nested(Iterable<String> keys, JsonElement source) {
        return source == null || !source.isJsonObject() ? JsonNull.INSTANCE : template(keys, source.getAsJsonObject());
    }

    /** The group segment of a resource ID. */
    static String resourceGroup(String id) {
        String[] p = id.split("/");
        for (int i = 0; i < p.length - 1; i++) {
            if (p[i].equalsIgnoreCase("resourceGroups")) {
                return p[i + 1];
            }
        }
        return null;
    }

    /** An ISO-8601 instant as Python prints a UTC datetime; anything else unchanged. */
    static JsonElement time(JsonElement value) {
        if (value == null || !value.isJsonPrimitive()) {
            return value == null ? JsonNull.INSTANCE : value;
        }
        try {
            Instant t = Instant.parse(value.getAsString()).truncatedTo(ChronoUnit.MICROS);
            int micros = t.getNano() / 1000;
            return new JsonPrimitive(SECONDS.format(t) + (micros == 0 ? "" : String.format(".%06d", micros)) + "+00:00");
        } catch (DateTimeParseException e) {
            return value;
        }
    }

    /** Converts the named members of {@code o} (when present) with {@link #time}. */
    static void times(JsonObject o, String... members) {
        if (o == null) {
            return;
        }
        for (String m : members) {
            if (o.has(m)) {
                o.add(m, time(o.get(m)));
            }
        }
    }

    static JsonArray array(JsonElement e) {
        return e != null && e.isJsonArray() ? e.getAsJsonArray() : new JsonArray();
    }
}
