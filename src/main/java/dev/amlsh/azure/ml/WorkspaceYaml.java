package dev.amlsh.azure.ml;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.amlsh.core.AmlshException;
import dev.amlsh.core.ResourceId;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads the v2 workspace YAML ({@code ml workspace create --file workspace.yml}) as the v2 CLI's
 * schema does: known keys only, each with its type; an unknown key or a wrong type is one line
 * naming the key and {@code file:line}. Output-only keys ({@code $schema}, {@code id},
 * {@code mlflow_tracking_uri}, {@code discovery_url}) are dropped; keys api-version 2024-04-01
 * has no property for are dropped with a warning.
 *
 * <pre>{@code
 * WorkspaceSpec spec = WorkspaceYaml.load(Path.of("workspace.yml"));
 * }</pre>
 */
public final class WorkspaceYaml {
    private static final Set<String> IGNORED = Set.of("$schema", "id", "mlflow_tracking_uri", "discovery_url");
    private static final Set<String> NOT_IN_API = Set.of("network_acls", "provision_network_now", "system_datastores_auth_mode",
            "allow_roleassignment_on_rg", "serverless_compute");
    private static final List<String> KEYS = List.of("name", "display_name", "description", "tags", "location", "resource_group",
            "hbi_workspace", "storage_account", "key_vault", "application_insights", "container_registry", "customer_managed_key",
            "image_build_compute", "public_network_access", "identity", "primary_user_assigned_identity", "managed_network",
            "enable_data_isolation", "kind");

    private final String file;
    /** Lines for the user about what was dropped. */
    private final List<String> warnings = new ArrayList<>();

    private WorkspaceYaml(String file) {
        this.file = file;
    }

    /** Loads the file; warnings about dropped keys go to {@code warn}. */
    public static WorkspaceSpec load(Path path, java.util.function.Consumer<String> warn) {
        WorkspaceYaml y = new WorkspaceYaml(path.getFileName() == null ? path.toString() : path.toString());
        Node root;
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            root = new Compose(LoadSettings.builder().setLabel(path.toString()).build()).composeReader(r)
                    .orElseThrow(() -> AmlshException.usage(path + ": the file is empty.", "Give at least 'name: <workspace>'."));
        } catch (NoSuchFileException e) {
            throw AmlshException.usage("--file: '" + path + "' does not exist.", "Check the path of the workspace YAML file.");
        } catch (IOException e) {
            throw AmlshException.usage("--file: '" + path + "' cannot be read (" + e.getMessage() + ").", "Check the file and its permissions.");
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
            throw AmlshException.usage(path + ":" + line + ": not valid YAML: " + e.getProblem() + ".", "Fix the YAML syntax at that line.");
        } catch (YamlEngineException e) {
            throw AmlshException.usage(path + ": not valid YAML: " + e.getMessage().replaceAll("\\s+", " ") + ".", "Fix the YAML syntax.");
        }
        WorkspaceSpec spec = y.read(root);
        y.warnings.forEach(warn);
        return spec;
    }

    private WorkspaceSpec read(Node root) {
        Map<String, NodeTuple> top = mapping(root, "the file");
        WorkspaceSpec s = new WorkspaceSpec();
        s.source = file;
        for (var e : top.entrySet()) {
            String key = e.getKey();
            Node v = e.getValue().getValueNode();
            if (IGNORED.contains(key)) {
                continue;
            }
            if (NOT_IN_API.contains(key)) {
                warnings.add(file + ":" + line(e.getValue().getKeyNode()) + ": '" + key + "' is ignored: api-version "
                        + WorkspaceClient.API_VERSION + " has no property for it.");
                continue;
            }
            switch (key) {
                case "name" -> s.name = string(v, key);
                case "display_name" -> s.displayName = string(v, key);
                case "description" -> s.description = string(v, key);
                case "location" -> s.location = string(v, key);
                case "resource_group" -> s.resourceGroup = string(v, key);
                case "tags" -> s.tags = stringMap(v, key);
                case "hbi_workspace" -> s.hbiWorkspace = bool(v, key);
                case "enable_data_isolation" -> s.enableDataIsolation = bool(v, key);
                case "storage_account" -> s.storageAccount = id(v, key);
                case "key_vault" -> s.keyVault = id(v, key);
                case "application_insights" -> s.applicationInsights = id(v, key);
                case "container_registry" -> s.containerRegistry = id(v, key);
                case "image_build_compute" -> s.imageBuildCompute = string(v, key);
                case "public_network_access" -> s.publicNetworkAccess = at(v, () -> WorkspaceSpec.access(string(v, key), key));
                case "primary_user_assigned_identity" -> s.primaryUserAssignedIdentity = id(v, key).id();
                case "customer_managed_key" -> customerManagedKey(v, s);
                case "identity" -> s.identity = identity(v);
                case "managed_network" -> s.managedNetwork = managedNetwork(v);
                case "kind" -> {
                    String kind = string(v, key);
                    if (!kind.equalsIgnoreCase("default")) {
                        throw error(v, "'kind: " + kind + "' (hub and project workspaces) is not supported by amlsh.",
                                "Leave 'kind' out for a plain workspace.");
                    }
                }
                default -> throw unknown(e.getValue().getKeyNode(), key, KEYS);
            }
        }
        return s;
    }

    private void customerManagedKey(Node node, WorkspaceSpec s) {
        for (var e : mapping(node, "customer_managed_key").entrySet()) {
            Node v = e.getValue().getValueNode();
            switch (e.getKey()) {
                case "key_vault" -> s.cmkKeyVault = id(v, "customer_managed_key.key_vault");
                case "key_uri" -> s.cmkKeyUri = string(v, "customer_managed_key.key_uri");
                case "cosmosdb_id", "storage_id", "search_id" -> warnings.add(file + ":" + line(v) + ": 'customer_managed_key."
                        + e.getKey() + "' is ignored: api-version " + WorkspaceClient.API_VERSION + " has no property for it.");
                default -> throw unknown(e.getValue().getKeyNode(), "customer_managed_key." + e.getKey(),
                        List.of("key_vault", "key_uri"));
            }
        }
    }

    private JsonObject identity(Node node) {
        JsonObject out = new JsonObject();
        for (var e : mapping(node, "identity").entrySet()) {
            Node v = e.getValue().getValueNode();
            switch (e.getKey()) {
                case "type" -> {
                    String t = string(v, "identity.type");
                    String arm = switch (t.replace(" ", "")) {
                        case "system_assigned" -> "SystemAssigned";
                        case "user_assigned" -> "UserAssigned";
                        case "system_assigned,user_assigned" -> "SystemAssigned,UserAssigned";
                        case "none" -> "None";
                        default -> throw error(v, "'identity.type' must be system_assigned, user_assigned,"
                                + " 'system_assigned,user_assigned' or none, not '" + t + "'.", "Use one of those values.");
                    };
                    out.addProperty("type", arm);
                }
                case "user_assigned_identities" -> {
                    JsonObject uais = new JsonObject();
                    for (String id : mapping(v, "identity.user_assigned_identities").keySet()) {
                        uais.add(id, new JsonObject());
                    }
                    out.add("userAssignedIdentities", uais);
                }
                case "principal_id", "tenant_id" -> { }
                default -> throw unknown(e.getValue().getKeyNode(), "identity." + e.getKey(),
                        List.of("type", "user_assigned_identities"));
            }
        }
        return out;
    }

    private JsonObject managedNetwork(Node node) {
        JsonObject out = new JsonObject();
        for (var e : mapping(node, "managed_network").entrySet()) {
            Node v = e.getValue().getValueNode();
            switch (e.getKey()) {
                case "isolation_mode" -> out.addProperty("isolationMode",
                        at(v, () -> ManagedNetworkShapes.isolationToArm(string(v, "managed_network.isolation_mode"))));
                case "outbound_rules" -> out.add("outboundRules", rules(v));
                case "network_id", "status" -> { }
                case "firewall_sku" -> warnings.add(file + ":" + line(v) + ": 'managed_network.firewall_sku' is ignored: api-version "
                        + WorkspaceClient.API_VERSION + " has no property for it.");
                default -> throw unknown(e.getValue().getKeyNode(), "managed_network." + e.getKey(),
                        List.of("isolation_mode", "outbound_rules"));
            }
        }
        return out;
    }

    private JsonObject rules(Node node) {
        if (!(node instanceof SequenceNode seq)) {
            throw error(node, "'managed_network.outbound_rules' must be a list of rules.", "Write each rule as '- name: ...'.");
        }
        JsonObject out = new JsonObject();
        for (Node item : seq.getValue()) {
            Map<String, NodeTuple> rule = mapping(item, "an outbound rule");
            String name = rule.containsKey("name") ? string(rule.get("name").getValueNode(), "outbound rule name") : null;
            if (name == null || !rule.containsKey("type") || !rule.containsKey("destination")) {
                throw error(item, "an outbound rule needs name, type and destination.", "See 'help ml workspace outbound-rule set'.");
            }
            JsonObject arm = new JsonObject();
            Node typeNode = rule.get("type").getValueNode();
            arm.addProperty("type", at(typeNode, () -> ManagedNetworkShapes.typeToArm(string(typeNode, "type"))));
            arm.addProperty("category", "UserDefined");
            Node dest = rule.get("destination").getValueNode();
            if (dest instanceof ScalarNode sc) {
                arm.addProperty("destination", sc.getValue());
            } else {
                JsonObject d = new JsonObject();
                for (var f : mapping(dest, "destination").entrySet()) {
                    Node fv = f.getValue().getValueNode();
                    if (fv instanceof SequenceNode list) {
                        JsonArray a = new JsonArray();
                        list.getValue().forEach(x -> a.add(string(x, f.getKey())));
                        d.add(ManagedNetworkShapes.camel(f.getKey()), a);
                    } else if (f.getKey().equals("spark_enabled")) {
                        d.addProperty("sparkEnabled", bool(fv, "destination.spark_enabled"));
                    } else {
                        d.addProperty(ManagedNetworkShapes.camel(f.getKey()), string(fv, "destination." + f.getKey()));
                    }
                }
                arm.add("destination", d);
            }
            for (String key : rule.keySet()) {
                if (!Set.of("name", "type", "destination", "category", "status", "fqdns").contains(key)) {
                    throw unknown(rule.get(key).getKeyNode(), "outbound rule " + key, List.of("name", "type", "destination"));
                }
            }
            out.add(name, arm);
        }
        return out;
    }

    private Map<String, NodeTuple> mapping(Node node, String what) {
        if (!(node instanceof MappingNode m)) {
            throw error(node, what + " must be a mapping of keys to values.", "Write it as 'key: value' lines.");
        }
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            out.put(string(t.getKeyNode(), "a key"), t);
        }
        return out;
    }

    private String string(Node node, String key) {
        if (!(node instanceof ScalarNode s)) {
            throw error(node, "'" + key + "' must be a single value, not a list or mapping.", "Write it as 'key: value'.");
        }
        return s.getValue();
    }

    private Boolean bool(Node node, String key) {
        String v = string(node, key);
        if (v.equals("true") || v.equals("True") || v.equals("TRUE")) {
            return true;
        }
        if (v.equals("false") || v.equals("False") || v.equals("FALSE")) {
            return false;
        }
        throw error(node, "'" + key + "' must be true or false, not '" + v + "'.", "Write true or false.");
    }

    private Map<String, String> stringMap(Node node, String key) {
        Map<String, String> out = new LinkedHashMap<>();
        for (var e : mapping(node, "'" + key + "'").entrySet()) {
            out.put(e.getKey(), string(e.getValue().getValueNode(), key + "." + e.getKey()));
        }
        return out;
    }

    private ResourceId id(Node node, String key) {
        String v = string(node, key);
        return at(node, () -> ResourceId.parse(v, key));
    }

    private <T> T at(Node node, java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (AmlshException e) {
            throw new AmlshException(e.fault(), file + ":" + line(node) + ": " + e.getMessage(), e.hint(), e);
        }
    }

    private AmlshException unknown(Node keyNode, String key, List<String> known) {
        String last = key.replaceAll(".*\\.", "");
        List<String> near = known.stream().filter(k -> distance(last, k) <= 2).toList();
        return error(keyNode, "unknown key '" + key + "'.", (near.isEmpty() ? "" : "Did you mean '" + near.get(0) + "'? ")
                + "Known keys: " + String.join(", ", known) + ".");
    }

    private AmlshException error(Node node, String message, String hint) {
        return AmlshException.usage(file + ":" + line(node) + ": " + message, hint);
    }

    private static int distance(String a, String b) {
        int[] d = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            d[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diag = d[0];
            d[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int up = d[j];
                d[j] = Math.min(Math.min(d[j] + 1, d[j - 1] + 1), diag + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diag = up;
            }
        }
        return d[b.length()];
    }

    private static PrimitiveLine line(Node node) {
        return new PrimitiveLine(node.getStartMark().map(m -> m.getLine() + 1).orElse(0));
    }

    /** A 1-based line number that prints as itself. */
    private record PrimitiveLine(int n) {
        @Override
        public String toString() {
            return Integer.toString(n);
        }
    }
}
