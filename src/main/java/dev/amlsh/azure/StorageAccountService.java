package dev.amlsh.azure;

import dev.amlsh.core.ResourceId;

import dev.amlsh.core.AmlshException;

import com.azure.resourcemanager.storage.StorageManager;
import com.azure.resourcemanager.storage.fluent.StorageAccountsClient;
import com.azure.resourcemanager.storage.fluent.models.CheckNameAvailabilityResultInner;
import com.azure.resourcemanager.storage.models.Kind;
import com.azure.resourcemanager.storage.models.Sku;
import com.azure.resourcemanager.storage.models.SkuName;
import com.azure.resourcemanager.storage.models.StorageAccountCheckNameAvailabilityParameters;
import com.azure.resourcemanager.storage.models.StorageAccountCreateParameters;
import com.azure.resourcemanager.storage.models.StorageAccountRegenerateKeyParameters;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Storage accounts of one subscription, in the shapes {@code az storage account} prints. Writes go
 * through the SDK's {@link StorageManager} (its serializers and long-running-operation poller);
 * reads print the account as the service sent it, shaped as the Azure CLI does.
 *
 * <pre>{@code
 * StorageAccountService accounts = azure.storageAccounts(null);
 * JsonObject sa = accounts.create("rg1", "mysa", null); // Standard_LRS, StorageV2, the group's location
 * String id = sa.get("id").getAsString();
 * }</pre>
 */
public final class StorageAccountService {
    static final String API = "2024-01-01";
    static final String TYPE = "Microsoft.Storage/storageAccounts";
    /** What {@code az storage account create --sku} accepts. */
    public static final List<String> SKUS = List.of("Premium_LRS", "Premium_ZRS", "Standard_GRS", "Standard_GZRS", "Standard_LRS",
            "Standard_RAGRS", "Standard_RAGZRS", "Standard_ZRS");
    /** What {@code az storage account create --kind} accepts. */
    public static final List<String> KINDS = List.of("BlobStorage", "BlockBlobStorage", "FileStorage", "Storage", "StorageV2");

    private final Supplier<StorageManager> manager;
    private final ArmRest rest;
    private final String subscriptionId;

    StorageAccountService(Supplier<StorageManager> manager, ArmRest rest, String subscriptionId) {
        this.manager = manager;
        this.rest = rest;
        this.subscriptionId = subscriptionId;
    }

    /** A StorageV2, Standard_LRS account without hierarchical namespace; {@code location} null = the group's. */
    public JsonObject create(String group, String name, String location) {
        return create(group, name, location, null, null, false, Map.of());
    }

    /**
     * Creates (or updates) an account and waits until it is provisioned.
     *
     * @param location null for the group's location
     * @param sku      null for {@code Standard_LRS}
     * @param kind     null for {@code StorageV2}
     * @param hns      hierarchical namespace (ADLS Gen2)
     */
    public JsonObject create(String group, String name, String location, String sku, String kind, boolean hns,
                             Map<String, String> tags) {
        Names.checkResourceGroup(group);
        Names.checkStorageAccount(name);
        String skuName = pick(sku == null ? "Standard_LRS" : sku, SKUS, "--sku");
        String kindName = pick(kind == null ? "StorageV2" : kind, KINDS, "--kind");
        String where = location != null ? location : groupLocation(group);
        StorageAccountCreateParameters parameters = new StorageAccountCreateParameters()
                .withSku(new Sku().withName(SkuName.fromString(skuName)))
                .withKind(Kind.fromString(kindName))
                .withLocation(where)
                .withTags(tags)
                .withIsHnsEnabled(hns)
                .withEnableHttpsTrafficOnly(true);
        accounts().create(group, name, parameters);
        return show(group, name);
    }

    /** One account; {@code group} null searches the subscription. */
    public JsonObject show(String group, String name) {
        return StorageShapes.account(find(group, name));
    }

    /** The accounts of a group, or of the subscription when {@code group} is null. */
    public JsonArray list(String group) {
        JsonArray out = new JsonArray();
        for (JsonElement e : rest.list(collection(group), API)) {
            out.add(StorageShapes.account(e.getAsJsonObject()));
        }
        return out;
    }

    /** Deletes an account; {@code group} null searches the subscription. */
    public void delete(String group, String name) {
        ResourceId id = ResourceId.parse(find(group, name).get("id").getAsString(), "storage account");
        accounts().delete(id.resourceGroup(), id.name());
    }

    /** {@code {"keys":[{keyName, permissions, value, creationTime}, ...]}}, times as az prints them. */
    public JsonObject keys(String group, String name) {
        ResourceId id = ResourceId.parse(find(group, name).get("id").getAsString(), "storage account");
        JsonElement result = rest.send(com.azure.core.http.HttpMethod.POST, id.id() + "/listKeys", API, null);
        return keysObject(result.getAsJsonObject());
    }

    /** Regenerates {@code primary}/{@code key1} or {@code secondary}/{@code key2}; returns all keys like {@link #keys}. */
    public JsonObject renewKey(String group, String name, String key) {
        String keyName = switch (key == null ? "" : key.toLowerCase(Locale.ROOT)) {
            case "primary", "key1" -> "key1";
            case "secondary", "key2" -> "key2";
            default -> throw AmlshException.usage("--key: '" + key + "' is not a key.", "Use --key primary or --key secondary.");
        };
        ResourceId id = ResourceId.parse(find(group, name).get("id").getAsString(), "storage account");
        accounts().regenerateKey(id.resourceGroup(), id.name(), new StorageAccountRegenerateKeyParameters().withKeyName(keyName));
        return keys(id.resourceGroup(), id.name());
    }

    /** {@code {message, nameAvailable, reason}} as {@code az storage account check-name} prints it. */
    public JsonObject checkName(String name) {
        CheckNameAvailabilityResultInner r = accounts().checkNameAvailability(
                new StorageAccountCheckNameAvailabilityParameters().withName(name));
        JsonObject out = new JsonObject();
        out.add("message", AzJson.string(r.message()));
        out.addProperty("nameAvailable", r.nameAvailable());
        out.add("reason", AzJson.string(r.reason() == null ? null : r.reason().toString()));
        return out;
    }

    private StorageAccountsClient accounts() {
        return manager.get().serviceClient().getStorageAccounts();
    }

    private JsonObject find(String group, String name) {
        if (name == null || name.isBlank()) {
            throw AmlshException.usage("A storage account name is required.", "Give one with -n/--name.");
        }
        if (group != null) {
            return rest.get(collection(group) + "/" + name, API).getAsJsonObject();
        }
        for (JsonElement e : rest.list(collection(null), API)) {
            if (e.getAsJsonObject().get("name").getAsString().equalsIgnoreCase(name)) {
                return e.getAsJsonObject();
            }
        }
        throw AmlshException.notFound("Storage account '" + name + "' not found in subscription '" + subscriptionId + "'.",
                "See the accounts with 'storage account list'.");
    }

    private String collection(String group) {
        return "/subscriptions/" + subscriptionId + (group == null ? "" : "/resourceGroups/" + group) + "/providers/" + TYPE;
    }

    private String groupLocation(String group) {
        return rest.get("/subscriptions/" + subscriptionId + "/resourcegroups/" + group, "2025-04-01").getAsJsonObject()
                .get("location").getAsString();
    }

    private static JsonObject keysObject(JsonObject result) {
        JsonObject out = new JsonObject();
        out.add("keys", StorageShapes.keys(result));
        return out;
    }

    static String pick(String value, List<String> allowed, String option) {
        return allowed.stream().filter(a -> a.equalsIgnoreCase(value)).findFirst().orElseThrow(() -> AmlshException.usage(
                option + ": '" + value + "' is not one of " + String.join(", ", allowed) + ".", "Pick one of those values."));
    }
}
