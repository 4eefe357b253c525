package dev.amlsh.azure;

import dev.amlsh.core.ResourceId;

import dev.amlsh.core.AmlshException;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import com.azure.resourcemanager.keyvault.KeyVaultManager;
import com.azure.resourcemanager.keyvault.fluent.VaultsClient;
import com.azure.resourcemanager.keyvault.models.AccessPolicyEntry;
import com.azure.resourcemanager.keyvault.models.CertificatePermissions;
import com.azure.resourcemanager.keyvault.models.KeyPermissions;
import com.azure.resourcemanager.keyvault.models.Permissions;
import com.azure.resourcemanager.keyvault.models.SecretPermissions;
import com.azure.resourcemanager.keyvault.models.Sku;
import com.azure.resourcemanager.keyvault.models.SkuFamily;
import com.azure.resourcemanager.keyvault.models.SkuName;
import com.azure.resourcemanager.keyvault.models.StoragePermissions;
import com.azure.resourcemanager.keyvault.models.VaultCreateOrUpdateParameters;
import com.azure.resourcemanager.keyvault.models.VaultProperties;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Key vaults of one subscription, in the shapes {@code az keyvault} prints. Writes go through the
 * SDK's {@link KeyVaultManager}; reads print the vault as the service sent it, shaped as az does.
 * A deleted vault stays soft-deleted (its name taken) until {@link #purge}.
 *
 * <pre>{@code
 * KeyVaultService vaults = azure.keyVaults(null);
 * JsonObject kv = vaults.create("rg1", "kv-ml-1", null); // standard SKU, the session's tenant, the group's location
 * vaults.delete("rg1", "kv-ml-1");
 * vaults.purge("kv-ml-1", null);
 * }</pre>
 */
public final class KeyVaultService {
    static final String API = "2023-07-01";
    static final String TYPE = "Microsoft.KeyVault/vaults";

    private final Supplier<KeyVaultManager> manager;
    private final ArmRest rest;
    private final String subscriptionId;
    private final String tenantId;
    private final Supplier<AccessToken> token;

    KeyVaultService(Supplier<KeyVaultManager> manager, ArmRest rest, String subscriptionId, String tenantId, Supplier<AccessToken> token) {
        this.manager = manager;
        this.rest = rest;
        this.subscriptionId = subscriptionId;
        this.tenantId = tenantId;
        this.token = token;
    }

    /** A standard vault in the session's tenant; {@code location} null = the group's. */
    public JsonObject create(String group, String name, String location) {
        return create(group, name, location, null, Map.of());
    }

    /**
     * Creates or updates a vault. As {@code az keyvault create} does, the signed-in principal gets an
     * access policy with the usual key, secret, certificate and storage permissions.
     *
     * @param sku null for {@code standard}; else {@code standard} or {@code premium}
     */
    public JsonObject create(String group, String name, String location, String sku, Map<String, String> tags) {
        Names.checkResourceGroup(group);
        Names.checkKeyVault(name);
        String skuName = StorageAccountService.pick(sku == null ? "standard" : sku, List.of("standard", "premium"), "--sku");
        String where = location != null ? location : rest.get("/subscriptions/" + subscriptionId + "/resourcegroups/" + group,
                "2025-04-01").getAsJsonObject().get("location").getAsString();
        UUID tenant = UUID.fromString(tenantId);
        String me = objectId();
        VaultProperties properties = new VaultProperties()
                .withTenantId(tenant)
                .withSku(new Sku().withFamily(SkuFamily.A).withName(SkuName.fromString(skuName)))
                .withEnableSoftDelete(true)
                .withSoftDeleteRetentionInDays(90)
                .withEnableRbacAuthorization(me == null)
                .withAccessPolicies(me == null ? List.of() : List.of(new AccessPolicyEntry().withTenantId(tenant).withObjectId(me)
                        .withPermissions(defaultPermissions())));
        vaults().createOrUpdate(group, name, new VaultCreateOrUpdateParameters().withLocation(where).withTags(tags)
                .withProperties(properties));
        return show(group, name);
    }

    /** One vault; {@code group} null searches the subscription. */
    public JsonObject show(String group, String name) {
        return KeyVaultShapes.vault(find(group, name));
    }

    /** The vaults of a group, or of the subscription when {@code group} is null, in az's short list form. */
    public JsonArray list(String group) {
        JsonArray out = new JsonArray();
        for (JsonElement e : rest.list(collection(group), API)) {
            out.add(KeyVaultShapes.listItem(e.getAsJsonObject()));
        }
        return out;
    }

    /** Soft-deletes a vault: the name stays taken until {@link #purge}. {@code group} null searches the subscription. */
    public void delete(String group, String name) {
        ResourceId id = ResourceId.parse(find(group, name).get("id").getAsString(), "key vault");
        vaults().delete(id.resourceGroup(), id.name());
    }

    /** The soft-deleted vaults of the subscription. */
    public JsonArray listDeleted() {
        JsonArray out = new JsonArray();
        for (JsonElement e : rest.list("/subscriptions/" + subscriptionId + "/providers/Microsoft.KeyVault/deletedVaults", API)) {
            out.add(KeyVaultShapes.deleted(e.getAsJsonObject()));
        }
        return out;
    }

    /** Purges a soft-deleted vault for good; {@code location} null looks it up among the deleted vaults. */
    public void purge(String name, String location) {
        if (name == null || name.isBlank()) {
            throw AmlshException.usage("A vault name is required.", "Give one with -n/--name.");
        }
        String where = location;
        if (where == null) {
            where = listDeleted().asList().stream().map(JsonElement::getAsJsonObject)
                    .filter(d -> d.get("name").getAsString().equalsIgnoreCase(name))
                    .map(d -> d.getAsJsonObject("properties").get("location").getAsString()).findFirst()
                    .orElseThrow(() -> AmlshException.notFound("No deleted vault named '" + name + "' in subscription '"
                            + subscriptionId + "'.", "See them with 'keyvault list-deleted'."));
        }
        vaults().purgeDeleted(name, where);
    }

    private VaultsClient vaults() {
        return manager.get().serviceClient().getVaults();
    }

    private JsonObject find(String group, String name) {
        if (name == null || name.isBlank()) {
            throw AmlshException.usage("A vault name is required.", "Give one with -n/--name.");
        }
        if (group != null) {
            return rest.get(collection(group) + "/" + name, API).getAsJsonObject();
        }
        for (JsonElement e : rest.list(collection(null), API)) {
            if (e.getAsJsonObject().get("name").getAsString().equalsIgnoreCase(name)) {
                return rest.get(e.getAsJsonObject().get("id").getAsString(), API).getAsJsonObject();
            }
        }
        throw AmlshException.notFound("Key vault '" + name + "' not found in subscription '" + subscriptionId + "'.",
                "See the vaults with 'keyvault list', or deleted ones with 'keyvault list-deleted'.");
    }

    private String collection(String group) {
        return "/subscriptions/" + subscriptionId + (group == null ? "" : "/resourceGroups/" + group) + "/providers/" + TYPE;
    }

    /** The signed-in principal's object ID from its ARM token ({@code oid}), or null when the token does not say. */
    private String objectId() {
        try {
            String[] parts = token.get().getToken().split("\\.");
            JsonObject claims = JsonParser.parseString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))
                    .getAsJsonObject();
            return claims.has("oid") ? claims.get("oid").getAsString() : null;
        } catch (RuntimeException notAJwt) {
            return null;
        }
    }

    private static Permissions defaultPermissions() {
        return new Permissions()
                .withKeys(Stream.of("get", "create", "delete", "list", "update", "import", "backup", "restore", "recover")
                        .map(KeyPermissions::fromString).toList())
                .withSecrets(Stream.of("get", "list", "set", "delete", "backup", "restore", "recover")
                        .map(SecretPermissions::fromString).toList())
                .withCertificates(Stream.of("get", "list", "delete", "create", "import", "update", "managecontacts", "getissuers",
                        "listissuers", "setissuers", "deleteissuers", "manageissuers", "recover")
                        .map(CertificatePermissions::fromString).toList())
                .withStorage(Stream.of("get", "list", "delete", "set", "update", "regeneratekey", "setsas", "listsas", "getsas",
                        "deletesas").map(StoragePermissions::fromString).toList());
    }

    static TokenRequestContext armScope() {
        return new TokenRequestContext().addScopes("https://management.azure.com/.default");
    }
}
