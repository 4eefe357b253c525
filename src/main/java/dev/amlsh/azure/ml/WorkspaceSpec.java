package dev.amlsh.azure.ml;

import dev.amlsh.core.AmlshException;

import com.google.gson.JsonObject;
import dev.amlsh.core.ResourceId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a v2 {@code ml workspace create|update} asks for, from the YAML file ({@code --file})
 * and then the flags, in that order (a flag beats the file). Null leaves a value to the default
 * (create) or as it is (update). {@code managedNetwork} and {@code identity} are in ARM's form.
 *
 * <pre>{@code
 * WorkspaceSpec s = WorkspaceYaml.load(path);  // or new WorkspaceSpec()
 * s.name = "ws1"; s.displayName = "Team";
 * }</pre>
 */
public final class WorkspaceSpec {
    public String name;
    public String resourceGroup;
    public String location;
    public String displayName;
    public String description;
    public Map<String, String> tags;
    /** Tags to remove ({@code update --remove tags.<key>}). */
    public java.util.Set<String> removeTags;
    public ResourceId storageAccount;
    public ResourceId keyVault;
    public ResourceId applicationInsights;
    public ResourceId containerRegistry;
    public ResourceId cmkKeyVault;
    public String cmkKeyUri;
    public Boolean hbiWorkspace;
    public Boolean enableDataIsolation;
    public String imageBuildCompute;
    public String publicNetworkAccess;
    public String primaryUserAssignedIdentity;
    public JsonObject managedNetwork;
    public JsonObject identity;
    /** Where the values came from, for messages ("workspace.yml", or null for flags only). */
    public String source;

    /** The tags to send: the given ones, or an empty map. */
    Map<String, String> tagsOrEmpty() {
        return tags == null ? new LinkedHashMap<>() : new LinkedHashMap<>(tags);
    }

    /** {@code Enabled}/{@code Disabled} from any casing, as the v2 CLI accepts it. */
    public static String access(String value, String option) {
        if (value == null) {
            return null;
        }
        if (value.equalsIgnoreCase("enabled")) {
            return "Enabled";
        }
        if (value.equalsIgnoreCase("disabled")) {
            return "Disabled";
        }
        throw dev.amlsh.core.AmlshException.usage(option + ": '" + value + "' is not a choice.", "Use Enabled or Disabled.");
    }

    /**
     * One {@code --set KEY=VALUE} of {@code create}: a dotted path into the YAML, applied after
     * the file and before the flags.
     */
    public void set(String pair) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            throw dev.amlsh.core.AmlshException.usage("--set: '" + pair + "' is not KEY=VALUE.",
                    "Write e.g. --set hbi_workspace=true tags.team=ml.");
        }
        String key = pair.substring(0, eq).trim();
        String value = pair.substring(eq + 1);
        if (key.startsWith("tags.") && key.length() > 5) {
            tags = tags == null ? new LinkedHashMap<>() : tags;
            tags.put(key.substring(5), value);
            return;
        }
        switch (key) {
            case "name" -> name = value;
            case "display_name" -> displayName = value;
            case "description" -> description = value;
            case "location" -> location = value;
            case "image_build_compute" -> imageBuildCompute = value;
            case "public_network_access" -> publicNetworkAccess = access(value, "--set public_network_access");
            case "hbi_workspace" -> hbiWorkspace = bool(value, key);
            case "enable_data_isolation" -> enableDataIsolation = bool(value, key);
            case "customer_managed_key.key_vault" -> cmkKeyVault = ResourceId.parse(value, "--set " + key);
            case "customer_managed_key.key_uri" -> cmkKeyUri = value;
            case "primary_user_assigned_identity" -> primaryUserAssignedIdentity = ResourceId.parse(value, "--set " + key).id();
            case "managed_network.isolation_mode" -> {
                managedNetwork = managedNetwork == null ? new JsonObject() : managedNetwork;
                managedNetwork.addProperty("isolationMode", ManagedNetworkShapes.isolationToArm(value));
            }
            default -> throw dev.amlsh.core.AmlshException.usage("--set: amlsh cannot set '" + key + "'.",
                    "Settable: name, display_name, description, location, tags.<key>, hbi_workspace, enable_data_isolation, "
                            + "image_build_compute, public_network_access, primary_user_assigned_identity, "
                            + "customer_managed_key.key_vault, customer_managed_key.key_uri, managed_network.isolation_mode.");
        }
    }

    private static Boolean bool(String value, String key) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value.toLowerCase(java.util.Locale.ROOT));
        }
        throw dev.amlsh.core.AmlshException.usage("--set " + key + ": '" + value + "' is not true or false.", "Write true or false.");
    }
}
