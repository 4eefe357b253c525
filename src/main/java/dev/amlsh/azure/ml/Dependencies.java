package dev.amlsh.azure.ml;

import com.google.gson.JsonObject;
import dev.amlsh.core.ResourceId;
import java.util.Optional;

/**
 * What a workspace needs from the other resource types: reading a resource as the service sent
 * it, creating each kind of dependency, and deleting one. Implemented over the services of
 * those types, so the workspace manager and the lookup commands share one code path.
 *
 * <pre>{@code
 * ResourceId sa = deps.createStorageAccount("rg1", "ws1storage1a2b3c4d", "eastus");
 * }</pre>
 */
public interface Dependencies {
    /** The resource as the service returns it, or empty when it does not exist. */
    Optional<JsonObject> find(ResourceId id);

    ResourceId createStorageAccount(String group, String name, String location);

    ResourceId createKeyVault(String group, String name, String location);

    ResourceId createApplicationInsights(String group, String name, String location);

    /** A registry with the admin user enabled, as Azure ML needs. */
    ResourceId createContainerRegistry(String group, String name, String location);

    void delete(ResourceId id);

    /** Whether a globally unique name of that type is still free. */
    boolean nameAvailable(String fullType, String name);
}
