package dev.amlsh.sandbox.arm;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tag rules ARM enforces on every resource type and on resource groups, before any resource
 * provider sees the request: at most 50 tags, names of at most 512 characters without
 * {@code < > % & \ ? /} or control characters, values of at most 256 characters. Errors carry
 * ARM's codes ({@code InvalidTagNameCharacters}, {@code InvalidTagName},
 * {@code InvalidTagValueLength}, {@code InvalidTagCount}), status 400.
 *
 * <pre>{@code
 * TagRules.check(body); // a PUT or PATCH body; its "tags" member, when present, is checked
 * }</pre>
 */
public final class TagRules {
    public static final int MAX_TAGS = 50;
    public static final int MAX_NAME = 512;
    public static final int MAX_VALUE = 256;
    /** How much of an offending name or value an error message repeats. */
    private static final int ECHO = 300;

    private TagRules() {
    }

    /** Checks the {@code tags} of a PUT or PATCH body (anything else passes). */
    public static void check(JsonElement body) {
        if (body == null || !body.isJsonObject()) {
            return;
        }
        JsonElement tags = body.getAsJsonObject().get("tags");
        if (tags != null && tags.isJsonObject()) {
            checkTags(tags.getAsJsonObject());
        }
    }

    /** Checks one {@code tags} object. */
    public static void checkTags(JsonObject tags) {
        List<String> badNames = new ArrayList<>();
        for (Map.Entry<String, JsonElement> tag : tags.entrySet()) {
            if (hasReservedCharacter(tag.getKey())) {
                badNames.add(echo(tag.getKey()));
            }
        }
        if (!badNames.isEmpty()) {
            throw ArmErrors.of(400, "InvalidTagNameCharacters", "The tag names '" + String.join(",", badNames)
                    + "' have reserved characters '<,>,%,&,\\,?,/' or control characters.");
        }
        for (Map.Entry<String, JsonElement> tag : tags.entrySet()) {
            if (tag.getKey().length() > MAX_NAME) {
                throw ArmErrors.of(400, "InvalidTagName", "Tag key too large. Following tag name '" + echo(tag.getKey())
                        + "' exceeded the maximum length. Maximum allowed length for tag name - '" + MAX_NAME + "' characters.");
            }
            JsonElement value = tag.getValue();
            String text = value == null || value.isJsonNull() ? "" : value.isJsonPrimitive() ? value.getAsString() : value.toString();
            if (text.length() > MAX_VALUE) {
                throw ArmErrors.of(400, "InvalidTagValueLength", "Tag value too large. Following tag value '" + echo(text)
                        + "' exceeded the maximum length. Maximum allowed length for tag value - '" + MAX_VALUE + "' characters.");
            }
        }
        if (tags.size() > MAX_TAGS) {
            throw ArmErrors.of(400, "InvalidTagCount", "The number of tags '" + tags.size()
                    + "' exceeds the maximum number of tags allowed per resource or resource group, '" + MAX_TAGS + "'.");
        }
    }

    private static boolean hasReservedCharacter(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if ("<>%&\\?/".indexOf(c) >= 0 || Character.isISOControl(c)) {
                return true;
            }
        }
        return false;
    }

    private static String echo(String s) {
        return s.length() <= ECHO ? s : s.substring(0, ECHO) + "...";
    }
}
