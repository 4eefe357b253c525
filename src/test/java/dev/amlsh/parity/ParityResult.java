package dev.amlsh.parity;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.amlsh.recorded.Recording.Interaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One replayed interaction: the recorded answer against the sandbox's, and every difference found
 * in status code, error code, top-level and {@code properties} key sets, value types and LRO headers.
 * A difference reads {@code "<type> <METHOD> <kind> <detail>"}, e.g.
 * {@code "Microsoft.KeyVault/vaults PUT status 200 != 201"}.
 *
 * @param where       file#index in the recordings
 * @param type        the resource type the interaction is about
 * @param method      HTTP method (POLL for an operation poll)
 * @param statusEqual same status code
 * @param comparable  both answers carry a JSON object body with the same status
 * @param keysEqual   comparable and the same key sets and value types
 * @param differences every difference, in the form above
 */
record ParityResult(String where, String type, String method, boolean statusEqual, boolean comparable,
                    boolean keysEqual, List<String> differences) {

    static ParityResult missing(String where, String type, Interaction i, String why) {
        return new ParityResult(where, type, "POLL", false, false, false, List.of(type + " POLL status " + why));
    }

    static ParityResult compare(String where, String type, Interaction i, int status, JsonElement body, Map<String, String> headers) {
        String method = "poll".equals(i.name()) ? "POLL" : i.method();
        String prefix = type + " " + method + " ";
        List<String> diffs = new ArrayList<>();
        boolean statusEqual = status == i.status();
        if (!statusEqual) {
            diffs.add(prefix + "status " + i.status() + " != " + status + errorOf(body));
        }
        String recordedError = errorCode(i.responseBody());
        String error = errorCode(body);
        if (statusEqual && recordedError != null && !recordedError.equalsIgnoreCase(String.valueOf(error))) {
            diffs.add(prefix + "error " + recordedError + " != " + error);
        }
        for (String h : List.of("Azure-AsyncOperation", "Location", "Retry-After")) {
            boolean had = i.header(h) != null;
            boolean has = headers.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(h));
            if (had != has) {
                diffs.add(prefix + "header " + h + (had ? " missing" : " extra"));
            }
        }
        boolean comparable = statusEqual && recordedError == null && isObject(i.responseBody()) && isObject(body);
        boolean keysEqual = false;
        if (comparable) {
            Map<String, String> want = shape(i.responseBody().getAsJsonObject());
            Map<String, String> got = shape(body.getAsJsonObject());
            int before = diffs.size();
            for (Map.Entry<String, String> e : want.entrySet()) {
                String g = got.get(e.getKey());
                if (g == null) {
                    diffs.add(prefix + "keys missing " + e.getKey());
                } else if (!g.equals(e.getValue()) && !e.getValue().equals("null") && !g.equals("null")) {
                    diffs.add(prefix + "types " + e.getKey() + " " + e.getValue() + " != " + g);
                } else if (!g.equals(e.getValue())) {
                    diffs.add(prefix + "types " + e.getKey() + " " + e.getValue() + " != " + g);
                }
            }
            for (String k : got.keySet()) {
                if (!want.containsKey(k)) {
                    diffs.add(prefix + "keys extra " + k);
                }
            }
            keysEqual = diffs.size() == before;
        } else if (statusEqual && isObject(i.responseBody()) != isObject(body) && recordedError == null) {
            diffs.add(prefix + "body " + (isObject(i.responseBody()) ? "missing" : "extra"));
        }
        return new ParityResult(where, type, method, statusEqual, comparable, keysEqual, List.copyOf(diffs));
    }

    /** Key path to JSON kind: top level and properties, of the object or of the items of a list. */
    static Map<String, String> shape(JsonObject o) {
        Map<String, String> out = new TreeMap<>();
        if (o.has("value") && o.get("value").isJsonArray() && o.size() <= 2) {
            out.put("value", "array");
            if (o.has("nextLink")) {
                out.put("nextLink", kind(o.get("nextLink")));
            }
            JsonArray items = o.getAsJsonArray("value");
            for (JsonElement item : items) {
                if (item.isJsonObject()) {
                    add(out, "value[].", item.getAsJsonObject());
                }
            }
            return out;
        }
        add(out, "", o);
        return out;
    }

    private static void add(Map<String, String> out, String prefix, JsonObject o) {
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            merge(out, prefix + e.getKey(), kind(e.getValue()));
            if (e.getKey().equals("properties") && e.getValue().isJsonObject()) {
                for (Map.Entry<String, JsonElement> p : e.getValue().getAsJsonObject().entrySet()) {
                    merge(out, prefix + "properties." + p.getKey(), kind(p.getValue()));
                }
            }
        }
    }

    // Over the items of a list, a key null in one item and typed in another takes the type.
    private static void merge(Map<String, String> out, String key, String kind) {
        String old = out.get(key);
        if (old == null || old.equals("null")) {
            out.put(key, kind);
        }
    }

    private static String kind(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return "null";
        }
        if (e.isJsonObject()) {
            return "object";
        }
        if (e.isJsonArray()) {
            return "array";
        }
        if (e.getAsJsonPrimitive().isBoolean()) {
            return "boolean";
        }
        return e.getAsJsonPrimitive().isNumber() ? "number" : "string";
    }

    private static boolean isObject(JsonElement e) {
        return e != null && e.isJsonObject();
    }

    private static String errorCode(JsonElement body) {
        if (body != null && body.isJsonObject() && body.getAsJsonObject().has("error")
                && body.getAsJsonObject().get("error").isJsonObject()) {
            JsonElement c = body.getAsJsonObject().getAsJsonObject("error").get("code");
            return c == null || c.isJsonNull() ? "" : c.getAsString();
        }
        return null;
    }

    private static String errorOf(JsonElement body) {
        String code = errorCode(body);
        return code == null ? "" : " (" + code + ")";
    }

    /** The resource type a URI is about, e.g. Microsoft.Storage/storageAccounts or resourceGroups. */
    static String typeOf(String uri) {
        String path = uri.replaceFirst("^https://[^/]+", "").replaceFirst("\\?.*$", "");
        String[] s = path.replaceAll("^/+", "").split("/");
        int p = -1;
        for (int i = 0; i < s.length - 1; i++) {
            if (s[i].equalsIgnoreCase("providers")) {
                p = i;
            }
        }
        if (p < 0) {
            if (s.length >= 3 && s[2].equalsIgnoreCase("operationresults")) {
                return "resourceGroups/operations";
            }
            if (s.length >= 3 && s[2].equalsIgnoreCase("resourcegroups")) {
                return "resourceGroups";
            }
            if (s.length >= 3 && s[2].equalsIgnoreCase("locations")) {
                return "locations";
            }
            return s.length <= 2 ? "subscriptions" : s[2];
        }
        if (p == 2 && (s.length <= 4 || s.length == 5 && s[4].toLowerCase(Locale.ROOT).endsWith("register"))) {
            return "providers";
        }
        String ns = s[p + 1];
        String canonical = canonicalNamespace(ns);
        StringBuilder t = new StringBuilder(canonical);
        for (int i = p + 2; i < s.length; i += 2) {
            if (s[i].equalsIgnoreCase("locations") && i + 2 < s.length && s[i + 2].equalsIgnoreCase("deletedVaults")) {
                return canonical + "/deletedVaults";
            }
            if (s[i].equalsIgnoreCase("locations") || s[i].equalsIgnoreCase("operations")
                    || s[i].equalsIgnoreCase("operationStatuses") || s[i].equalsIgnoreCase("asyncoperations")
                    || s[i].equalsIgnoreCase("operationResults")) {
                return canonical + "/operations";
            }
            if (i + 1 >= s.length && i > p + 2) {
                break; // an action or a child collection stays with its parent type
            }
            t.append('/').append(TYPES.getOrDefault(s[i].toLowerCase(Locale.ROOT), s[i]));
        }
        return t.toString();
    }

    private static final Map<String, String> TYPES = Map.of("storageaccounts", "storageAccounts", "vaults", "vaults",
            "deletedvaults", "deletedVaults", "components", "components", "registries", "registries",
            "roleassignments", "roleAssignments", "roledefinitions", "roleDefinitions", "virtualnetworks", "virtualNetworks",
            "subnets", "subnets", "workspaces", "workspaces");

    private static String canonicalNamespace(String ns) {
        for (String n : List.of("Microsoft.Storage", "Microsoft.KeyVault", "Microsoft.Insights", "Microsoft.ContainerRegistry",
                "Microsoft.Authorization", "Microsoft.Network", "Microsoft.MachineLearningServices", "Microsoft.Resources")) {
            if (n.equalsIgnoreCase(ns)) {
                return n;
            }
        }
        return ns.toLowerCase(Locale.ROOT);
    }
}
