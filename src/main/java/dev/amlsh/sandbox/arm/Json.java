package dev.amlsh.sandbox.arm;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import java.io.StringReader;

/**
 * JSON helpers shared by the sandbox: strict parsing (malformed input is {@code InvalidRequestContent})
 * and RFC 7396 merge-patch, which ARM uses for PATCH.
 *
 * <pre>{@code
 * JsonObject doc = Json.parseObject(text);
 * Json.mergePatch(doc, patch);
 * }</pre>
 */
public final class Json {
    /** Compact, no HTML escaping (ARM bodies carry URLs and quotes as they are). */
    public static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    /** Answers and stored documents: members whose value is null are kept, as Azure sends them ("etag": null). */
    public static final Gson WIRE = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private Json() {
    }

    /** Parses one JSON value strictly; throws {@code InvalidRequestContent} on malformed input. */
    public static JsonElement parse(String text) {
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            JsonElement e = JsonParser.parseReader(reader);
            if (reader.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) {
                throw ArmErrors.invalidRequestContent("unexpected content after the JSON value");
            }
            return e;
        } catch (JsonSyntaxException | java.io.IOException | IllegalStateException e) {
            String why = e.getMessage() == null ? "malformed JSON" : e.getMessage().split("\n")[0];
            throw ArmErrors.invalidRequestContent(why);
        }
    }

    /** Parses a JSON object; anything else is {@code InvalidRequestContent}. */
    public static JsonObject parseObject(String text) {
        JsonElement e = parse(text);
        if (!e.isJsonObject()) {
            throw ArmErrors.invalidRequestContent("expected a JSON object");
        }
        return e.getAsJsonObject();
    }

    /** Applies an RFC 7396 merge-patch to {@code target} in place: null removes, objects merge, the rest replaces. */
    public static void mergePatch(JsonObject target, JsonObject patch) {
        for (var e : patch.entrySet()) {
            JsonElement value = e.getValue();
            if (value.isJsonNull()) {
                target.remove(e.getKey());
            } else if (value.isJsonObject() && target.has(e.getKey()) && target.get(e.getKey()).isJsonObject()) {
                mergePatch(target.getAsJsonObject(e.getKey()), value.getAsJsonObject());
            } else {
                target.add(e.getKey(), value.deepCopy());
            }
        }
    }

    /** A string member, or null when absent or JSON null; an object or array there is {@code InvalidRequestContent}. */
    public static String string(JsonObject o, String member) {
        JsonElement e = o == null ? null : o.get(member);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonPrimitive()) {
            throw ArmErrors.invalidRequestContent("'" + member + "' must be a string");
        }
        return e.getAsString();
    }
}
