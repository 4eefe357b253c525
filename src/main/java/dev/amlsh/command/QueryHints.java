package dev.amlsh.command;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * A hint for a {@code --query} that found nothing only because of its case: JMESPath is
 * case-sensitive, so the seed document's {@code --query "ID"} yields nothing (as in the Azure
 * CLI) where {@code id} was meant.
 *
 * <pre>{@code
 * QueryHints.caseHint(workspaceJson, "ID"); // "--query is case-sensitive: the key is 'id', not 'ID'."
 * }</pre>
 */
final class QueryHints {
    private QueryHints() {
    }

    /** The hint, or null when the query is not a single key, or matched, or no key differs only in case. */
    static String caseHint(JsonElement value, String query) {
        if (query == null || value == null || !value.isJsonObject()) {
            return null;
        }
        String key = query.strip();
        if (key.length() > 1 && key.startsWith("\"") && key.endsWith("\"")) {
            key = key.substring(1, key.length() - 1);
        }
        if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return null;
        }
        JsonObject o = value.getAsJsonObject();
        if (o.has(key)) {
            return null;
        }
        for (String k : o.keySet()) {
            if (k.equalsIgnoreCase(key)) {
                return "--query is case-sensitive (JMESPath): the key is '" + k + "', not '" + key + "'. Try --query " + k + ".";
            }
        }
        return null;
    }
}
