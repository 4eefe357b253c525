package dev.amlsh.azure.ml;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.amlsh.core.AmlshException;
import dev.amlsh.core.ResourceId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The rules a workspace's existing dependencies must meet (seed workflow §3), checked before
 * anything is created, and the names amlsh gives the dependencies it creates.
 *
 * <pre>{@code
 * DependencyRules.checkStorage(id, storageJson);
 * String name = DependencyRules.name("ws1", "storage", "0b1f.../rg1/ws1");
 * }</pre>
 */
final class DependencyRules {
    static final String STORAGE = "Microsoft.Storage/storageAccounts";
    static final String KEY_VAULT = "Microsoft.KeyVault/vaults";
    static final String INSIGHTS = "Microsoft.Insights/components";
    static final String REGISTRY = "Microsoft.ContainerRegistry/registries";

    private DependencyRules() {
    }

    static void checkType(ResourceId id, String fullType, String option, String what) {
        if (!id.isType(fullType)) {
            throw AmlshException.usage(option + ": '" + id.id() + "' is a " + id.fullType() + ", not " + what + ".",
                    "Give the ID of " + what + " (" + fullType + ").");
        }
    }

    static void checkStorage(ResourceId id, JsonObject account) {
        String sku = text(account.getAsJsonObject("sku"), "name");
        if (sku != null && sku.toLowerCase(Locale.ROOT).startsWith("premium")) {
            throw AmlshException.usage("--storage-account: '" + id.name() + "' is a " + sku
                    + " account; a workspace's default storage cannot be Premium.",
                    "Use a Standard account (e.g. 'storage account create -n <name> -g <group> --sku Standard_LRS').");
        }
        if ("BlobStorage".equalsIgnoreCase(text(account, "kind"))) {
            throw AmlshException.usage("--storage-account: '" + id.name()
                    + "' is a BlobStorage account; a workspace's default storage needs both Blob and File.",
                    "Use a StorageV2 account.");
        }
        JsonObject properties = account.has("properties") ? account.getAsJsonObject("properties") : account;
        JsonElement hns = properties.get("isHnsEnabled");
        if (hns != null && !hns.isJsonNull() && hns.getAsBoolean()) {
            throw AmlshException.usage("--storage-account: '" + id.name()
                    + "' has hierarchical namespace (ADLS Gen2) enabled; a workspace's default storage cannot.",
                    "Use an account created without --hns; ADLS Gen2 can be added later as a datastore.");
        }
    }

    static void checkRegistry(ResourceId id, JsonObject registry, String workspaceGroup) {
        JsonObject properties = registry.has("properties") ? registry.getAsJsonObject("properties") : registry;
        JsonElement admin = properties.get("adminUserEnabled");
        if (admin == null || admin.isJsonNull() || !admin.getAsBoolean()) {
            throw AmlshException.usage("--container-registry: the admin user of '" + id.name()
                    + "' is disabled; Azure ML needs it enabled.",
                    "Enable it with 'acr update -n " + id.name() + " -g " + id.resourceGroup() + " --admin-enabled true'.");
        }
        checkRegistryGroupName(workspaceGroup);
    }

    static void checkRegistryGroupName(String group) {
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(group)) {
            throw AmlshException.usage("A container registry cannot be used with resource group '" + group
                    + "': its name has Unicode characters.", "Use a resource group whose name is plain ASCII.");
        }
    }

    static boolean isGovernment(String location) {
        String l = location.toLowerCase(Locale.ROOT);
        return l.startsWith("usgov") || l.startsWith("usdod");
    }

    /**
     * A name for a dependency of {@code workspace}: its letters and digits, the kind, and a suffix
     * derived from {@code seed} (so running the same create again finds the same names) or random.
     */
    static String name(String workspace, String kind, String seed, boolean random) {
        String base = workspace.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
            base = "ws" + base;
        }
        base = base.substring(0, Math.min(8, base.length()));
        String suffix = random ? Integer.toHexString(ThreadLocalRandom.current().nextInt()) : digest(seed);
        suffix = (suffix + "00000000").substring(0, 8);
        return base + kind + suffix;
    }

    private static String digest(String seed) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present in the JDK", e);
        }
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o == null ? null : o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
