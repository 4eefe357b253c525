package dev.amlsh.sandbox.provider.ml;

import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.Json;
import dev.amlsh.sandbox.store.SandboxStore;
import dev.amlsh.sandbox.store.StoredResource;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resources a workspace is built on, and the rules the ML service enforces on them: each must
 * exist in the workspace's subscription; the default storage is Standard, not BlobStorage, without
 * HNS; a registry has its admin user enabled and lives in a group with an ASCII name.
 */
final class Dependencies {
    /**
     * One kind of dependency.
     *
     * @param property the workspace property holding its ID
     * @param type     its ARM type
     * @param label    how messages name it
     */
    record Kind(String property, String type, String label) {
    }

    static final Kind STORAGE = new Kind("storageAccount", "Microsoft.Storage/storageAccounts", "storage account");
    static final Kind KEY_VAULT = new Kind("keyVault", "Microsoft.KeyVault/vaults", "key vault");
    static final Kind INSIGHTS = new Kind("applicationInsights", "Microsoft.Insights/components", "Application Insights component");
    static final Kind REGISTRY = new Kind("containerRegistry", "Microsoft.ContainerRegistry/registries", "container registry");
    static final Kind CMK_VAULT = new Kind("encryption.keyVaultProperties.keyVaultArmId", "Microsoft.KeyVault/vaults", "key vault");

    private static final Pattern ID = Pattern.compile(
            "^/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/([^/]+/[^/]+)/([^/]+)$", Pattern.CASE_INSENSITIVE);

    private final SandboxStore store;

    Dependencies(SandboxStore store) {
        this.store = store;
    }

    /** The document of the dependency at {@code id}, after the checks every dependency gets. */
    JsonObject require(Kind kind, String id, String subscriptionId) {
        Matcher m = ID.matcher(id == null ? "" : id.trim());
        if (!m.matches() || !m.group(3).equalsIgnoreCase(kind.type())) {
            throw WorkspaceErrors.workspaceDependencyInvalid(kind.property(), id, kind.type());
        }
        if (!m.group(1).equalsIgnoreCase(subscriptionId)) {
            throw WorkspaceErrors.workspaceDependencyOtherSubscription(kind.property(), id);
        }
        return store.get(id.trim()).map(StoredResource::json)
                .orElseThrow(() -> WorkspaceErrors.workspaceDependencyNotFound(kind.property(), kind.label(), id));
    }

    /** The dependency's document if it still exists (for diagnose and listKeys). */
    Optional<JsonObject> find(String id) {
        return id == null || !ID.matcher(id.trim()).matches() ? Optional.empty() : store.get(id.trim()).map(StoredResource::json);
    }

    /** The default storage account's rules. */
    static void checkStorage(JsonObject account, String id) {
        JsonObject sku = WorkspaceDocs.object(account, "sku");
        String skuName = Json.string(sku, "name");
        if (skuName != null && skuName.regionMatches(true, 0, "Premium_", 0, 8)) {
            throw WorkspaceErrors.storagePremiumNotSupported(id, skuName);
        }
        if ("BlobStorage".equalsIgnoreCase(Json.string(account, "kind"))) {
            throw WorkspaceErrors.storageBlobKindNotSupported(id);
        }
        if (WorkspaceDocs.bool(WorkspaceDocs.object(account, "properties"), "isHnsEnabled", false)) {
            throw WorkspaceErrors.storageHnsNotSupported(id);
        }
    }

    /** A container registry's rules; {@code property} is where the workspace names it. */
    static void checkRegistry(String property, JsonObject registry, String id) {
        Matcher m = ID.matcher(id.trim());
        if (m.matches() && !m.group(2).chars().allMatch(c -> c < 128)) {
            throw WorkspaceErrors.registryGroupNotAscii(property, id, m.group(2));
        }
        if (!adminEnabled(registry)) {
            throw WorkspaceErrors.registryAdminUserDisabled(property, id);
        }
    }

    static boolean adminEnabled(JsonObject registry) {
        JsonObject p = registry.getAsJsonObject("properties");
        return p != null && p.has("adminUserEnabled") && p.get("adminUserEnabled").isJsonPrimitive()
                && p.get("adminUserEnabled").getAsBoolean();
    }
}
