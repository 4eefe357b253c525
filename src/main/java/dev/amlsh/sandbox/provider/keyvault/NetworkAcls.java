package dev.amlsh.sandbox.provider.keyvault;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.Json;

/**
 * A vault's {@code networkAcls} as Key Vault keeps them: rules that let everything in (default
 * action {@code Allow}, no IP or virtual-network rule) are no rules, and the vault answers without
 * {@code networkAcls}; any other set is kept whole, with {@code bypass}, {@code defaultAction},
 * {@code ipRules} and {@code virtualNetworkRules} all present.
 *
 * <pre>{@code
 * JsonObject acls = NetworkAcls.normalize(requested.get("networkAcls")); // null: leave the member out
 * }</pre>
 */
final class NetworkAcls {
    private NetworkAcls() {
    }

    /** The rules to keep, or null when the vault has none (absent, null, or allow-all without rules). */
    static JsonObject normalize(JsonElement given) {
        if (given == null || given.isJsonNull()) {
            return null;
        }
        if (!given.isJsonObject()) {
            throw ArmErrors.invalidRequestContent("'networkAcls' must be an object");
        }
        JsonObject in = given.getAsJsonObject();
        String action = Json.string(in, "defaultAction");
        if (action != null && !action.equalsIgnoreCase("Allow") && !action.equalsIgnoreCase("Deny")) {
            throw VaultErrors.badRequest("An invalid value was given to parameter networkAcls.defaultAction: '" + action
                    + "'. Use 'Allow' or 'Deny'.");
        }
        String bypass = Json.string(in, "bypass");
        if (bypass != null && !bypass.equalsIgnoreCase("AzureServices") && !bypass.equalsIgnoreCase("None")) {
            throw VaultErrors.badRequest("An invalid value was given to parameter networkAcls.bypass: '" + bypass
                    + "'. Use 'AzureServices' or 'None'.");
        }
        JsonArray ipRules = rules(in, "ipRules");
        JsonArray vnetRules = rules(in, "virtualNetworkRules");
        boolean deny = action != null && action.equalsIgnoreCase("Deny");
        if (!deny && ipRules.isEmpty() && vnetRules.isEmpty()) {
            return null;
        }
        JsonObject out = new JsonObject();
        out.addProperty("bypass", bypass == null || bypass.equalsIgnoreCase("AzureServices") ? "AzureServices" : "None");
        out.addProperty("defaultAction", deny ? "Deny" : "Allow");
        out.add("ipRules", ipRules);
        out.add("virtualNetworkRules", vnetRules);
        return out;
    }

    private static JsonArray rules(JsonObject in, String member) {
        JsonElement e = in.get(member);
        if (e == null || e.isJsonNull()) {
            return new JsonArray();
        }
        if (!e.isJsonArray()) {
            throw ArmErrors.invalidRequestContent("'networkAcls." + member + "' must be an array");
        }
        return e.getAsJsonArray().deepCopy();
    }
}
