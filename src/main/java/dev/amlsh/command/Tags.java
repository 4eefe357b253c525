package dev.amlsh.command;

import dev.amlsh.core.AmlshException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code --tags key=value key2=value2} as the Azure CLI does: a key alone gets an empty
 * value, and {@code --tags ""} clears all tags.
 *
 * <pre>{@code
 * Map<String, String> tags = Tags.parse(List.of("team=ml", "env=dev"));
 * }</pre>
 */
final class Tags {
    private Tags() {
    }

    static Map<String, String> parse(List<String> values) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (values == null) {
            return tags;
        }
        for (String v : values) {
            if (v == null || v.isEmpty()) {
                continue;
            }
            int eq = v.indexOf('=');
            String key = eq < 0 ? v : v.substring(0, eq);
            if (key.isBlank()) {
                throw AmlshException.usage("Tag '" + v + "' has no name.", "Write tags as key=value, e.g. --tags team=ml env=dev.");
            }
            if (key.length() > 512 || (eq >= 0 && v.length() - eq - 1 > 256)) {
                throw AmlshException.usage("Tag '" + key + "' is too long.",
                        "Tag names may have up to 512 characters and values up to 256.");
            }
            tags.put(key, eq < 0 ? "" : v.substring(eq + 1));
        }
        return tags;
    }
}
