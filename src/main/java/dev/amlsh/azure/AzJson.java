package dev.amlsh.azure;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.Map;
import java.util.TreeMap;

/**
 * Small helpers to build the JSON that commands print: key-sorted objects like the Azure CLI's,
 * and string maps.
 *
 * <pre>{@code
 * JsonObject out = AzJson.sorted(rest.get(path, apiVersion));
 * }</pre>
 */
public final class AzJson {
    private AzJson() {
    }

    /** A deep copy with the keys of every object sorted, as the Azure CLI prints them. */
    public static JsonElement sorted(JsonElement element) {
        if (element == null) {
            return JsonNull.INSTANCE;
        }
        if (element.isJsonObject()) {
            JsonObject out = new JsonObject();
            new TreeMap<>(element.getAsJsonObject().asMap()).forEach((k, v) -> out.add(k, sorted(v)));
            return out;
        }
        if (element.isJsonArray()) {
            JsonArray out = new JsonArray();
            element.getAsJsonArray().forEach(e -> out.add(sorted(e)));
            return out;
        }
        return element;
    }

    /** A string map as a JSON object, or JSON null for null or empty (as the CLI shows missing tags). */
    public static JsonElement map(Map<String, String> map) {
        if (map == null || map.isEmpty()) {
            return JsonNull.INSTANCE;
        }
        JsonObject out = new JsonObject();
        new TreeMap<>(map).forEach(out::addProperty);
        return out;
    }

    public static JsonElement string(String s) {
        return s == null ? JsonNull.INSTANCE : new com.google.gson.JsonPrimitive(s);
    }
}
