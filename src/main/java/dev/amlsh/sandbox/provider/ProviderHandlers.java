package dev.amlsh.sandbox.provider;

import java.util.List;

/**
 * The provider handlers the sandbox serves. Microsoft.Resources (subscriptions, groups, providers)
 * is part of the router itself; each other namespace adds one line here.
 *
 * <pre>{@code
 * return List.of(new StorageHandler(), new KeyVaultHandler());
 * }</pre>
 */
public final class ProviderHandlers {
    private ProviderHandlers() {
    }

    /** One handler per namespace, in no particular order. */
    public static List<ProviderHandler> builtIn() {
        return List.of(
                new dev.amlsh.sandbox.provider.authorization.AuthorizationHandler(),
                new dev.amlsh.sandbox.provider.ml.MachineLearningHandler(),
                new dev.amlsh.sandbox.provider.network.NetworkHandler(),
                new dev.amlsh.sandbox.provider.storage.StorageHandler(),
                new dev.amlsh.sandbox.provider.keyvault.KeyVaultHandler(),
                new dev.amlsh.sandbox.provider.insights.InsightsHandler(),
                new dev.amlsh.sandbox.provider.containerregistry.ContainerRegistryHandler());
    }
}
