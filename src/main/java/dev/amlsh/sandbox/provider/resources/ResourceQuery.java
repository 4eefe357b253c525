package dev.amlsh.sandbox.provider.resources;

import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.Json;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code $filter} of ARM's Resources_List, as the Azure CLI and the SDKs send it: clauses
 * {@code resourceGroup eq 'g'}, {@code resourceType eq 'Ns/type'}, {@code name eq 'n'}, {@code location eq 'l'},
 * {@code substringof('part', name)}, {@code tagName eq 'k'}, {@code tagValue eq 'v'} (with a tag name),
 * {@code startswith(tagName, 'k')}, joined with {@code and}. Names, types and groups compare case-insensitively,
 * tag values as written. Anything else is refused with ARM's {@code InvalidFilterInQueryString}.
 *
 * <pre>{@code
 * ResourceQuery q = ResourceQuery.parse("resourceGroup eq 'rg1' and resourceType eq 'Microsoft.Storage/storageAccounts'");
 * }</pre>
 */
record ResourceQuery(String group, String type, String name, String location, String nameContains, String tagName,
                     String tagValue, String tagPrefix) {
    private static final String VALUE = "'((?:[^']|'')*)'";
    private static final Pattern EQ = Pattern.compile("^(resourceGroup|resourceType|name|location|tagName|tagValue)\\s+eq\\s+"
            + VALUE + "$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SUBSTRING = Pattern.compile("^substringof\\(\\s*" + VALUE + "\\s*,\\s*name\\s*\\)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG_PREFIX = Pattern.compile("^startswith\\(\\s*tagName\\s*,\\s*" + VALUE + "\\s*\\)$",
            Pattern.CASE_INSENSITIVE);
    /** " and " outside quotes. */
    private static final Pattern AND = Pattern.compile("\\s+and\\s+(?=(?:[^']*'[^']*')*[^']*$)", Pattern.CASE_INSENSITIVE);

    static final ResourceQuery ALL = new ResourceQuery(null, null, null, null, null, null, null, null);

    static ResourceQuery parse(String filter) {
        if (filter == null || filter.isBlank()) {
            return ALL;
        }
        String[] v = new String[8];
        for (String clause : AND.split(filter.trim())) {
            String c = clause.trim();
            Matcher eq = EQ.matcher(c);
            Matcher sub = SUBSTRING.matcher(c);
            Matcher prefix = TAG_PREFIX.matcher(c);
            int slot;
            String value;
            if (eq.matches()) {
                slot = switch (eq.group(1).toLowerCase(Locale.ROOT)) {
                    case "resourcegroup" -> 0;
                    case "resourcetype" -> 1;
                    case "name" -> 2;
                    case "location" -> 3;
                    case "tagname" -> 5;
                    default -> 6;
                };
                value = eq.group(2);
            } else if (sub.matches()) {
                slot = 4;
                value = sub.group(1);
            } else if (prefix.matches()) {
                slot = 7;
                value = prefix.group(1);
            } else {
                throw invalid(filter);
            }
            if (v[slot] != null) {
                throw invalid(filter);
            }
            v[slot] = value.replace("''", "'");
        }
        if (v[6] != null && v[5] == null || v[5] != null && v[7] != null) {
            // ARM: a tag value needs its tag name; a name and a prefix contradict each other.
            throw invalid(filter);
        }
        return new ResourceQuery(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }

    /** Whether a resource (its stored document, and the group it is in) passes the clauses not already applied by the store. */
    boolean matches(JsonObject doc, String resourceGroup) {
        if (group != null && !group.equalsIgnoreCase(resourceGroup)) {
            return false;
        }
        String n = Json.string(doc, "name");
        if (name != null && !name.equalsIgnoreCase(n)) {
            return false;
        }
        if (nameContains != null && (n == null || !n.toLowerCase(Locale.ROOT).contains(nameContains.toLowerCase(Locale.ROOT)))) {
            return false;
        }
        if (location != null && !location.replace(" ", "").equalsIgnoreCase(String.valueOf(Json.string(doc, "location")).replace(" ", ""))) {
            return false;
        }
        if (tagName != null && !new TagFilter(tagName, tagValue).matches(doc)) {
            return false;
        }
        if (tagPrefix != null) {
            JsonObject tags = doc.has("tags") && doc.get("tags").isJsonObject() ? doc.getAsJsonObject("tags") : new JsonObject();
            String p = tagPrefix.toLowerCase(Locale.ROOT);
            return tags.keySet().stream().anyMatch(k -> k.toLowerCase(Locale.ROOT).startsWith(p));
        }
        return true;
    }

    private static RuntimeException invalid(String filter) {
        return ArmErrors.of(400, "InvalidFilterInQueryString", "Invalid $filter '" + filter + "' specified in the query string."
                + " Supported: resourceGroup, resourceType, name, location eq '...'; substringof('...', name);"
                + " tagName eq '...' [and tagValue eq '...']; startswith(tagName, '...'); joined with 'and'.");
    }
}
