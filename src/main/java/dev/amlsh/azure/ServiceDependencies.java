package dev.amlsh.azure;

import dev.amlsh.core.ResourceId;

import com.google.gson.JsonObject;
import dev.amlsh.azure.ml.DependencyLookup;
import dev.amlsh.azure.ml.Dependencies;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A workspace's dependencies made and removed through the same services (and so the same SDK
 * managers) as the {@code storage account}, {@code keyvault}, {@code monitor app-insights
 * component} and {@code acr} commands; read as the service sends them.
 *
 * <pre>{@code
 * Dependencies deps = new ServiceDependencies(azure, subscriptionId);
 * }</pre>
 */
final class ServiceDependencies implements Dependencies {
    private final Azure azure;
    private final String subscriptionId;
    private final DependencyLookup raw;

    ServiceDependencies(Azure azure, String subscriptionId) {
        this.azure = azure;
        this.subscriptionId = subscriptionId;
        this.raw = new DependencyLookup(azure.clients().rest(), subscriptionId);
    }

    @Override
    public Optional<JsonObject> find(ResourceId id) {
        return raw.find(id);
    }

    @Override
    public ResourceId createStorageAccount(String group, String name, String location) {
        azure.storageAccounts(subscriptionId).create(group, name, location);
        return ResourceId.of(subscriptionId, group, "Microsoft.Storage/storageAccounts", name);
    }

    @Override
    public ResourceId createKeyVault(String group, String name, String location) {
        azure.keyVaults(subscriptionId).create(group, name, location);
        return ResourceId.of(subscriptionId, group, "Microsoft.KeyVault/vaults", name);
    }

    @Override
    public ResourceId createApplicationInsights(String group, String name, String location) {
        JsonObject component = azure.appInsights(subscriptionId).create(group, name, location);
        return ResourceId.parse(component.get("id").getAsString(), "component id");
    }

    @Override
    public ResourceId createContainerRegistry(String group, String name, String location) {
        azure.registries(subscriptionId).create(group, name, location, "Basic", true, Map.of());
        return ResourceId.of(subscriptionId, group, "Microsoft.ContainerRegistry/registries", name);
    }

    @Override
    public void delete(ResourceId id) {
        switch (id.fullType().toLowerCase(Locale.ROOT)) {
            case "microsoft.storage/storageaccounts" -> azure.storageAccounts(subscriptionId).delete(id.resourceGroup(), id.name());
            case "microsoft.keyvault/vaults" -> azure.keyVaults(subscriptionId).delete(id.resourceGroup(), id.name());
            case "microsoft.insights/components" -> azure.appInsights(subscriptionId).delete(id.resourceGroup(), id.name());
            case "microsoft.containerregistry/registries" -> azure.registries(subscriptionId).delete(id.resourceGroup(), id.name());
            default -> raw.delete(id);
        }
    }

    @Override
    public boolean nameAvailable(String fullType, String name) {
        return raw.nameAvailable(fullType, name);
    }
}
