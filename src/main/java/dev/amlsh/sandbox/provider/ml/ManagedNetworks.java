package dev.amlsh.sandbox.provider.ml;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.Json;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The rules the service applies to a workspace's {@code managedNetwork} (api-version 2024-04-01):
 * the three isolation modes; once isolation is on it cannot be turned off, and
 * {@code AllowInternetOutbound} cannot become {@code AllowOnlyApprovedOutbound}; FQDN and service
 * tag rules only in {@code AllowOnlyApprovedOutbound}, no rules at all when disabled; rule names,
 * types, destinations and protocols checked; the service's own fields ({@code networkId},
 * {@code status}, each rule's {@code category} and {@code status}, the Required rules to the
 * workspace's own storage and key vault) set by the service.
 *
 * <pre>{@code
 * ManagedNetworks.normalize(properties, oldProperties, workspaceId); // on PUT and PATCH
 * }</pre>
 */
final class ManagedNetworks {
    static final String DISABLED = "Disabled";
    static final String INTERNET = "AllowInternetOutbound";
    static final String APPROVED = "AllowOnlyApprovedOutbound";
    static final Pattern RULE_NAME = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$");
    private static final List<String> MODES = List.of(DISABLED, INTERNET, APPROVED);
    private static final List<String> TYPES = List.of("FQDN", "PrivateEndpoint", "ServiceTag");
    private static final List<String> PROTOCOLS = List.of("TCP", "UDP", "ICMP", "*");
    private static final Pattern FQDN = Pattern.compile("^(\\*\\.)?([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]{2,63}$");

    private ManagedNetworks() {
    }

    /**
     * Checks and completes {@code properties.managedNetwork} of a workspace about to be stored
     * (after the PUT or the merge of a PATCH); {@code old} is what was stored before (null on create).
     */
    static void normalize(JsonObject props, JsonObject old, String workspaceId) {
        JsonObject net = WorkspaceDocs.object(props, "managedNetwork");
        JsonObject was = old == null ? null : WorkspaceDocs.object(old, "managedNetwork");
        if (net == null) {
            if (was != null) {
                props.add("managedNetwork", was.deepCopy());
            }
            return;
        }
        String mode = mode(net);
        String oldMode = was == null ? DISABLED : mode(was);
        if (!oldMode.equals(DISABLED) && mode.equals(DISABLED)) {
            throw WorkspaceErrors.workspaceBadRequest("properties.managedNetwork.isolationMode", "Managed network isolation cannot be"
                    + " disabled once it has been enabled (it is " + oldMode + ").");
        }
        if (oldMode.equals(INTERNET) && mode.equals(APPROVED)) {
            throw WorkspaceErrors.workspaceBadRequest("properties.managedNetwork.isolationMode", "The isolation mode cannot change from "
                    + INTERNET + " to " + APPROVED + "; create a new workspace for approved-only outbound.");
        }
        net.addProperty("isolationMode", mode);
        JsonObject rules = WorkspaceDocs.object(net, "outboundRules");
        JsonObject out = new JsonObject();
        JsonObject oldRules = was == null ? null : WorkspaceDocs.object(was, "outboundRules");
        if (rules != null) {
            for (Map.Entry<String, JsonElement> e : rules.entrySet()) {
                if (e.getValue().isJsonNull()) {
                    continue;
                }
                if (!e.getValue().isJsonObject()) {
                    throw WorkspaceErrors.workspaceBadRequest("properties.managedNetwork.outboundRules." + e.getKey(),
                            "An outbound rule must be an object with type and destination.");
                }
                JsonObject rule = e.getValue().getAsJsonObject().deepCopy();
                if ("Required".equals(Json.string(rule, "category"))) {
                    continue;
                }
                out.add(e.getKey(), checkRule(e.getKey(), rule, mode, status(was)));
            }
        }
        if (mode.equals(DISABLED) && out.size() > 0) {
            throw WorkspaceErrors.workspaceBadRequest("properties.managedNetwork.outboundRules",
                    "Outbound rules need a managed network: set isolationMode to " + INTERNET + " or " + APPROVED + ".");
        }
        if (!mode.equals(DISABLED)) {
            required(props, out, workspaceId, status(was));
        }
        net.add("outboundRules", out);
        if (!mode.equals(DISABLED)) {
            String networkId = was == null ? null : Json.string(was, "networkId");
            net.addProperty("networkId", networkId != null ? networkId : UUID.randomUUID().toString());
            JsonObject st = was != null && WorkspaceDocs.object(was, "status") != null ? WorkspaceDocs.object(was, "status").deepCopy()
                    : new JsonObject();
            if (!st.has("status")) {
                st.addProperty("status", "Inactive");
                st.addProperty("sparkReady", false);
            }
            net.add("status", st);
        } else {
            net.remove("networkId");
            net.remove("status");
        }
        if (oldRules != null && rules == null) {
            net.add("outboundRules", mergeKept(oldRules, out));
        }
    }

    /** One user rule checked against the mode, with the service's category and status. */
    static JsonObject checkRule(String name, JsonObject rule, String mode, String networkStatus) {
        String target = "properties.managedNetwork.outboundRules." + name;
        if (!RULE_NAME.matcher(name).matches()) {
            throw WorkspaceErrors.workspaceBadRequest(target, "The outbound rule name '" + name + "' is not valid: 3 to 33 letters,"
                    + " digits, '_' or '-', starting with a letter or digit.");
        }
        String type = TYPES.stream().filter(t -> t.equalsIgnoreCase(String.valueOf(Json.string(rule, "type")))).findFirst()
                .orElseThrow(() -> WorkspaceErrors.workspaceBadRequest(target + ".type", "The outbound rule type '"
                        + Json.string(rule, "type") + "' is not valid; use FQDN, PrivateEndpoint or ServiceTag."));
        if (mode.equals(DISABLED)) {
            throw WorkspaceErrors.workspaceBadRequest(target, "Outbound rules need a managed network: the workspace's isolation mode is "
                    + DISABLED + ".");
        }
        if (!type.equals("PrivateEndpoint") && !mode.equals(APPROVED)) {
            throw WorkspaceErrors.workspaceBadRequest(target, type + " outbound rules are only allowed when the isolation mode is "
                    + APPROVED + " (this workspace is " + mode + ").");
        }
        JsonElement dest = rule.get("destination");
        switch (type) {
            case "FQDN" -> {
                if (dest == null || !dest.isJsonPrimitive() || !FQDN.matcher(dest.getAsString()).matches()) {
                    throw WorkspaceErrors.workspaceBadRequest(target + ".destination", "An FQDN rule's destination must be a host name"
                            + " such as pypi.org (no scheme, port or path), not '" + (dest == null ? "" : dest) + "'.");
                }
            }
            case "ServiceTag" -> {
                JsonObject d = destination(dest, target);
                String protocol = Json.string(d, "protocol");
                if (Json.string(d, "serviceTag") == null || Json.string(d, "portRanges") == null || protocol == null) {
                    throw WorkspaceErrors.workspaceBadRequest(target + ".destination",
                            "A service tag rule needs serviceTag, protocol and portRanges.");
                }
                if (!PROTOCOLS.contains(protocol.toUpperCase(Locale.ROOT))) {
                    throw WorkspaceErrors.workspaceBadRequest(target + ".destination.protocol", "The protocol '" + protocol
                            + "' is not valid; use TCP, UDP, ICMP or *.");
                }
                d.addProperty("action", "Allow");
            }
            default -> {
                JsonObject d = destination(dest, target);
                String resource = Json.string(d, "serviceResourceId");
                if (resource == null || !resource.toLowerCase(Locale.ROOT).startsWith("/subscriptions/")
                        || Json.string(d, "subresourceTarget") == null) {
                    throw WorkspaceErrors.workspaceBadRequest(target + ".destination",
                            "A private endpoint rule needs serviceResourceId (an ARM ID) and subresourceTarget.");
                }
                if (!d.has("sparkEnabled")) {
                    d.addProperty("sparkEnabled", false);
                }
                d.addProperty("sparkStatus", "Inactive");
            }
        }
        JsonObject out = new JsonObject();
        out.addProperty("type", type);
        out.addProperty("category", "UserDefined");
        out.addProperty("status", networkStatus);
        out.add("destination", dest.deepCopy());
        return out;
    }

    /** The status new rules get: Active once the network is provisioned. */
    static String status(JsonObject network) {
        JsonObject st = network == null ? null : WorkspaceDocs.object(network, "status");
        return st != null && "Active".equals(Json.string(st, "status")) ? "Active" : "Inactive";
    }

    static String mode(JsonObject net) {
        String given = Json.string(net, "isolationMode");
        if (given == null) {
            return DISABLED;
        }
        return MODES.stream().filter(m -> m.equalsIgnoreCase(given)).findFirst().orElseThrow(() -> WorkspaceErrors.workspaceBadRequest(
                "properties.managedNetwork.isolationMode", "The isolation mode '" + given + "' is not valid; use Disabled, "
                        + INTERNET + " or " + APPROVED + "."));
    }

    /** The Required rules the service adds: private endpoints to the workspace's own storage and key vault. */
    private static void required(JsonObject props, JsonObject rules, String workspaceId, String status) {
        String ws = workspaceId.replaceAll(".*/", "");
        addRequired(rules, "__SYS_PE_" + ws + "_blob", Json.string(props, "storageAccount"), "blob", status);
        addRequired(rules, "__SYS_PE_" + ws + "_file", Json.string(props, "storageAccount"), "file", status);
        addRequired(rules, "__SYS_PE_" + ws + "_vault", Json.string(props, "keyVault"), "vault", status);
    }

    private static void addRequired(JsonObject rules, String name, String resource, String target, String status) {
        if (resource == null) {
            return;
        }
        JsonObject d = new JsonObject();
        d.addProperty("serviceResourceId", resource);
        d.addProperty("subresourceTarget", target);
        d.addProperty("sparkEnabled", false);
        d.addProperty("sparkStatus", "Inactive");
        JsonObject r = new JsonObject();
        r.addProperty("type", "PrivateEndpoint");
        r.addProperty("category", "Required");
        r.addProperty("status", status);
        r.add("destination", d);
        rules.add(name, r);
    }

    private static JsonObject mergeKept(JsonObject old, JsonObject now) {
        JsonObject out = now.deepCopy();
        for (var e : old.entrySet()) {
            if (!out.has(e.getKey()) && !"Required".equals(Json.string(e.getValue().getAsJsonObject(), "category"))) {
                out.add(e.getKey(), e.getValue().deepCopy());
            }
        }
        return out;
    }

    private static JsonObject destination(JsonElement dest, String target) {
        if (dest == null || !dest.isJsonObject()) {
            throw WorkspaceErrors.workspaceBadRequest(target + ".destination", "The destination of this rule type must be an object.");
        }
        return dest.getAsJsonObject();
    }
}
