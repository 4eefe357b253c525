package dev.amlsh.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Translates one v1 {@code ml workspace} command to v2 ({@code reference/cli-v2-workspace.md}
 * §5): flags renamed by the v1 command (not by the short letter), dropped flags noted, and the
 * lines one v1 command becomes (a group before, a guard around, a role assignment or private
 * endpoint after).
 *
 * <pre>{@code
 * Translator.Translated t = Translator.translate(V1Command.parse(words), shell);
 * }</pre>
 */
final class Translator {
    /** v1 output keys → v2 keys, for {@code --query}. */
    private static final Map<String, String> KEYS = Map.ofEntries(Map.entry("friendlyName", "display_name"),
            Map.entry("storageAccount", "storage_account"), Map.entry("keyVault", "key_vault"),
            Map.entry("applicationInsights", "application_insights"), Map.entry("containerRegistry", "container_registry"),
            Map.entry("identityPrincipalId", "identity.principal_id"), Map.entry("identityTenantId", "identity.tenant_id"),
            Map.entry("identityType", "identity.type"), Map.entry("workspaceName", "name"));

    /**
     * What one v1 command becomes. {@code main} is the v2 command (null when there is none);
     * {@code guard} a {@code show} that must fail for {@code main} to run ({@code --exist-ok}).
     */
    record Translated(List<String> notes, List<String> before, String main, List<String> after, String guard) {
    }

    private final V1Command c;
    private final boolean shell;
    private final List<String> notes = new ArrayList<>();
    private final List<String> before = new ArrayList<>();
    private final List<String> after = new ArrayList<>();
    private final List<String> out = new ArrayList<>();
    private final List<String> sets = new ArrayList<>();
    private String guard;

    private Translator(V1Command c, boolean shell) {
        this.c = c;
        this.shell = shell;
    }

    static Translated translate(V1Command c, boolean shell) {
        return new Translator(c, shell).run();
    }

    private Translated run() {
        String ws = c.value("--workspace-name");
        String rg = c.value("--resource-group");
        String target = (ws == null ? "" : " -n " + ws) + (rg == null ? "" : " -g " + rg);
        switch (c.verb) {
            case "share" -> {
                String scope = "$(" + (shell ? "az " : "") + "ml workspace show" + target + " --query id -o tsv)";
                notes.add("v2 has no 'share': it is a role assignment on the workspace's ID.");
                String line = "role assignment create --assignee " + c.value("--user") + " --role " + c.value("--role") + " --scope " + scope;
                return new Translated(notes, before, line + passthrough(), after, null);
            }
            case "update-dependencies" -> {
                notes.add("v2 has no 'update-dependencies': update -c changes the registry, -u confirms it"
                        + (c.has("--force") ? "" : " (added: v1 asked before changing it)") + ".");
                return new Translated(notes, before, "ml workspace update" + target + " -c " + c.value("--acr") + " -u" + passthrough(),
                        after, null);
            }
            case "private-endpoint" -> {
                notes.add("v2 has no 'private-endpoint': use 'network private-endpoint ...' and 'network private-endpoint-connection list --id <workspace id>'.");
                return new Translated(notes, before, null, after, null);
            }
            case "create", "update", "delete", "list", "show", "list-keys", "sync-keys", "diagnose" -> {
                out.add("ml workspace " + c.verb + target);
                options(ws, rg);
                if (!sets.isEmpty()) {
                    out.add("--set " + String.join(" ", sets));
                }
                if (c.verb.equals("delete") && !c.has("--yes")) {
                    out.add("--yes");
                    notes.add("v2 asks before deleting; --yes keeps v1's behaviour.");
                }
                if (c.verb.equals("create") && !c.has("--container-registry")) {
                    notes.add("v2 makes no container registry now; the service creates one when first needed.");
                }
                if (c.verb.equals("create") && !c.has("--description")) {
                    notes.add("v2 sets the description to the workspace name when none is given (v1 left it empty).");
                }
                return new Translated(notes, before, String.join(" ", out) + passthrough(), after, guard);
            }
            default -> {
                notes.add("'ml workspace " + c.verb + "' has no v2 equivalent; the line is kept as it was.");
                return new Translated(notes, before, null, after, null);
            }
        }
    }

    private void options(String ws, String rg) {
        for (var e : c.options.entrySet()) {
            String name = e.getKey();
            String v = e.getValue().isEmpty() ? null : e.getValue().get(0);
            switch (name) {
                case "--workspace-name", "--resource-group", "--output", "--query", "--subscription", "--only-show-errors",
                        "--verbose", "--debug" -> { }
                case "--location", "--description", "--storage-account", "--application-insights", "--container-registry",
                        "--image-build-compute", "--public-network-access", "--primary-user-assigned-identity" -> {
                    out.add(name + " " + v);
                    if (c.verb.equals("update") && (name.equals("--application-insights") || name.equals("--container-registry"))
                            && !out.contains("-u")) {
                        out.add("-u");
                        notes.add("v2 changes a workspace's registry or Application Insights only with -u (--update-dependent-resources).");
                    }
                    if (name.equals("--primary-user-assigned-identity")) {
                        notes.add("v2 also needs that identity under identity.user_assigned_identities (in a --file YAML).");
                    }
                }
                case "--friendly-name" -> out.add("--display-name " + v);
                case "--keyvault" -> out.add("--key-vault " + v);
                case "--tags" -> {
                    if (c.verb.equals("update")) {
                        e.getValue().forEach(t -> sets.add(prefix("tags.", t)));
                        notes.add("v2 update merges tags into the existing ones (v1 replaced them); --remove tags.<key> removes one.");
                    } else {
                        out.add("--tags " + String.join(" ", e.getValue()));
                    }
                }
                case "--hbi-workspace" -> sets.add("hbi_workspace=true");
                case "--cmk-keyvault" -> sets.add(prefix("customer_managed_key.key_vault=", v));
                case "--resource-cmk-uri" -> sets.add(prefix("customer_managed_key.key_uri=", v));
                case "--allow-public-access" -> {
                    String b = Words.unquote(String.valueOf(v)).toLowerCase(Locale.ROOT);
                    out.add("--public-network-access " + (b.equals("true") ? "Enabled" : b.equals("false") ? "Disabled" : v));
                }
                case "--no-wait", "--all-resources", "--permanently-delete" -> out.add(name);
                case "--yes" -> {
                    if (c.verb.equals("create")) {
                        String loc = c.value("--location");
                        notes.add("v1 -y created the resource group; v2 never does, so it is created first.");
                        before.add(loc == null ? "# group create -n " + rg + " -l <location>    (v1 -y had no location to give)"
                                : "group create -n " + rg + " -l " + loc + " -o none");
                    } else {
                        out.add("--yes");
                    }
                }
                case "--exist-ok" -> {
                    notes.add("v2 create updates a workspace that exists; the show guard keeps v1's --exist-ok (leave it as it is).");
                    guard = "ml workspace show" + (ws == null ? "" : " -n " + ws) + (rg == null ? "" : " -g " + rg) + " -o none";
                }
                case "--subscription-id" -> out.add("--subscription " + v);
                case "--pe-name", "--pe-auto-approval", "--pe-resource-group", "--pe-vnet-name", "--pe-subnet-name",
                        "--pe-subscription-id" -> privateEndpoint(ws, rg);
                case "--sku" -> notes.add("dropped --sku " + v + ": v2 has none (every workspace is Basic since 2020).");
                default -> notes.add("dropped " + name + (v == null ? "" : " " + v) + ": v2 has no equivalent"
                        + (name.equals("--v1-legacy-mode") ? " (it is ARM's properties.v1LegacyMode; set it with a direct PATCH)" : "") + ".");
            }
        }
    }

    /** The network commands that replace v1's --pe-* (§5.7), once per command. */
    private void privateEndpoint(String ws, String rg) {
        if (!after.isEmpty()) {
            return;
        }
        String pe = c.value("--pe-name");
        String peGroup = c.value("--pe-resource-group") != null ? c.value("--pe-resource-group") : rg;
        String vnet = c.value("--pe-vnet-name");
        String subnet = c.value("--pe-subnet-name") != null ? c.value("--pe-subnet-name") : "default";
        notes.add("v2 creates the private endpoint separately, with its DNS zones" + (shell ? "" : " (amlsh has no 'network private-endpoint'"
                + " yet: run these with the Azure CLI)") + (c.has("--pe-auto-approval") ? "" : "; v1 waited for manual approval: add --manual-request true") + ".");
        String c0 = shell ? "" : "# az ";
        String sub = c.value("--pe-subscription-id") == null ? "" : " --subscription " + c.value("--pe-subscription-id");
        after.add(c0 + "network private-endpoint create -g " + peGroup + " -n " + pe + " --vnet-name " + vnet + " --subnet " + subnet
                + " --private-connection-resource-id $(" + (shell ? "az " : "") + "ml workspace show -n " + ws + " -g " + rg
                + " --query id -o tsv) --group-id amlworkspace --connection-name workspace" + sub);
        for (String zone : new String[] {"privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"}) {
            after.add(c0 + "network private-dns zone create -g " + peGroup + " --name " + zone + sub);
            after.add(c0 + "network private-dns link vnet create -g " + peGroup + " --zone-name " + zone + " --name " + pe + "-link"
                    + " --virtual-network " + vnet + " --registration-enabled false" + sub);
        }
        after.add(c0 + "network private-endpoint dns-zone-group create -g " + peGroup + " --endpoint-name " + pe
                + " --name default --private-dns-zone privatelink.api.azureml.ms --zone-name privatelink.api.azureml.ms" + sub);
        after.add(c0 + "network private-endpoint dns-zone-group add -g " + peGroup + " --endpoint-name " + pe
                + " --name default --private-dns-zone privatelink.notebooks.azure.net --zone-name privatelink.notebooks.azure.net" + sub);
    }

    /** The global options, kept; {@code --query} with v1's keys renamed to v2's. */
    private String passthrough() {
        StringBuilder s = new StringBuilder();
        for (var e : c.options.entrySet()) {
            switch (e.getKey()) {
                case "--output" -> s.append(" -o ").append(e.getValue().isEmpty() ? "" : e.getValue().get(0));
                case "--query" -> s.append(" --query ").append(query(e.getValue().isEmpty() ? "" : e.getValue().get(0)));
                case "--subscription" -> s.append(" --subscription ").append(e.getValue().get(0));
                case "--only-show-errors", "--verbose", "--debug" -> s.append(' ').append(e.getKey());
                default -> { }
            }
        }
        return s.toString();
    }

    private String query(String q) {
        String out = q;
        for (var k : KEYS.entrySet()) {
            out = out.replaceAll("\\b" + k.getKey() + "\\b", k.getValue());
        }
        for (String gone : new String[] {"creationTime", "workspaceid", "subscriptionId"}) {
            if (out.matches("(?s).*\\b" + gone + "\\b.*")) {
                notes.add("--query " + q + ": v2 prints no " + gone + ".");
            }
        }
        if (!out.equals(q)) {
            notes.add("--query now names v2's keys (" + q + " -> " + out + ").");
        }
        return out;
    }

    /** {@code prefix + value}, inside the value's quotes when it has them. */
    private static String prefix(String prefix, String value) {
        if (value != null && value.length() > 1 && (value.charAt(0) == '"' || value.charAt(0) == '\'')) {
            return value.charAt(0) + prefix + value.substring(1);
        }
        return prefix + value;
    }
}
