package dev.amlsh.azure.ml;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.amlsh.core.AmlshException;
import java.util.Locale;
import java.util.Map;

/**
 * The managed network of a workspace in its two spellings: the v2 CLI's snake_case
 * ({@code isolation_mode: allow_only_approved_outbound}, rules as a list) and ARM's
 * ({@code isolationMode: AllowOnlyApprovedOutbound}, rules as a map keyed by name).
 *
 * <pre>{@code
 * String arm = ManagedNetworkShapes.isolationToArm("allow_internet_outbound"); // AllowInternetOutbound
 * }</pre>
 */
public final class ManagedNetworkShapes {
    private static final Map<String, String> MODES = Map.of("disabled", "Disabled",
            "allow_internet_outbound", "AllowInternetOutbound", "allow_only_approved_outbound", "AllowOnlyApprovedOutbound");
    private static final Map<String, String> TYPES = Map.of("fqdn", "FQDN", "private_endpoint", "PrivateEndpoint",
            "service_tag", "ServiceTag");

    private ManagedNetworkShapes() {
    }

    /** {@code --managed-network} / {@code isolation_mode}: exactly one of the three lower-case values. */
    public static String isolationToArm(String v2) {
        String arm = v2 == null ? null : MODES.get(v2);
        if (arm == null) {
            throw AmlshException.usage("'" + v2 + "' is not a managed network mode: allowed values for managed-network are "
                    + "disabled, allow_internet_outbound, allow_only_approved_outbound.", "Use one of those three, in lower case.");
        }
        return arm;
    }

    /** A rule type as ARM spells it ({@code FQDN}, ...), from the v2 spelling. */
    public static String typeToArm(String v2) {
        String arm = v2 == null ? null : TYPES.get(v2.toLowerCase(Locale.ROOT));
        if (arm == null) {
            throw AmlshException.usage("--type: '" + v2 + "' is not an outbound rule type.", "Use fqdn, service_tag or private_endpoint.");
        }
        return arm;
    }

    /** ARM's PascalCase value in snake_case: {@code AllowOnlyApprovedOutbound} to {@code allow_only_approved_outbound}. */
    static String snake(String pascal) {
        if (pascal == null) {
            return null;
        }
        if (pascal.equals("FQDN")) {
            return "fqdn";
        }
        return pascal.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** A rule's ARM {@code destination} for a v2 snake_case one (a string for FQDN rules). */
    public static JsonElement destinationToArm(JsonElement v2) {
        if (v2 == null || v2.isJsonNull() || v2.isJsonPrimitive()) {
            return v2 == null ? JsonNull.INSTANCE : v2;
        }
        JsonObject out = new JsonObject();
        for (var e : v2.getAsJsonObject().entrySet()) {
            out.add(camel(e.getKey()), e.getValue());
        }
        return out;
    }

    /** The rule inside {@code managed_network.outbound_rules} of {@code show}: snake_case values. */
    static JsonObject ruleInWorkspace(String name, JsonObject arm) {
        JsonObject out = new JsonObject();
        out.addProperty("category", snake(text(arm, "category")));
        out.add("destination", destinationOut(arm.get("destination")));
        out.addProperty("name", name);
        out.addProperty("status", text(arm, "status"));
        out.addProperty("type", snake(text(arm, "type")));
        return out;
    }

    /**
     * A rule as {@code outbound-rule show|set|list} print it: the rule entity's own dict, with ARM's
     * type and category values and nulls kept [derived from the SDK; not seen live].
     */
    public static JsonObject ruleAlone(JsonObject armResource) {
        JsonObject p = armResource.has("properties") ? armResource.getAsJsonObject("properties") : new JsonObject();
        JsonObject out = new JsonObject();
        out.add("category", p.has("category") ? p.get("category") : JsonNull.INSTANCE);
        out.add("destination", destinationOut(p.get("destination")));
        if ("PrivateEndpoint".equals(text(p, "type"))) {
            out.add("fqdns", p.has("fqdns") ? p.get("fqdns") : JsonNull.INSTANCE);
        }
        out.add("name", armResource.get("name"));
        out.add("status", p.has("status") ? p.get("status") : JsonNull.INSTANCE);
        out.add("type", p.get("type"));
        return out;
    }

    /** {@code managed_network} of the v2 workspace object; disabled with no rules when ARM has none. */
    static JsonObject managedNetwork(JsonObject arm) {
        JsonObject out = new JsonObject();
        JsonArray rules = new JsonArray();
        if (arm == null) {
            out.addProperty("isolation_mode", "disabled");
            out.add("outbound_rules", rules);
            return out;
        }
        out.addProperty("isolation_mode", snake(text(arm, "isolationMode") == null ? "Disabled" : text(arm, "isolationMode")));
        if (text(arm, "networkId") != null) {
            out.addProperty("network_id", text(arm, "networkId"));
        }
        JsonElement given = arm.get("outboundRules");
        if (given != null && given.isJsonObject()) {
            for (var e : given.getAsJsonObject().entrySet()) {
                if (e.getValue().isJsonObject()) {
                    rules.add(ruleInWorkspace(e.getKey(), e.getValue().getAsJsonObject()));
                }
            }
        }
        out.add("outbound_rules", rules);
        JsonElement status = arm.get("status");
        if (status != null && status.isJsonObject()) {
            JsonObject s = new JsonObject();
            JsonObject st = status.getAsJsonObject();
            if (st.has("sparkReady")) {
                s.add("spark_ready", st.get("sparkReady"));
            }
            if (st.has("status")) {
                s.add("status", st.get("status"));
            }
            out.add("status", s);
        }
        return out;
    }

    private static JsonElement destinationOut(JsonElement arm) {
        if (arm == null || !arm.isJsonObject()) {
            return arm == null ? JsonNull.INSTANCE : arm;
        }
        JsonObject out = new JsonObject();
        for (var e : arm.getAsJsonObject().entrySet()) {
            if (e.getKey().equals("sparkStatus") || e.getKey().equals("action")) {
                continue;
            }
            out.add(snake(e.getKey()), e.getValue());
        }
        return out;
    }

    static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        boolean up = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                out.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return out.toString();
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o == null ? null : o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
