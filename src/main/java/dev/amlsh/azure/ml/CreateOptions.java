package dev.amlsh.azure.ml;

import dev.amlsh.core.ResourceId;
import java.util.Map;

/**
 * What {@code ml workspace create} asks for. Dependency IDs are null where amlsh should create
 * the resource; {@code location} null means the group's location.
 *
 * <pre>{@code
 * new CreateOptions("ws1", "rg1", null, null, null, null, null, null, null, null, false, "basic",
 *         Map.of(), null, false, false, true);
 * }</pre>
 *
 * @param createGroup {@code --yes}: create the resource group when it does not exist
 * @param existOk {@code --exist-ok}: an existing workspace is not an error
 * @param waitForCompletion false for {@code --no-wait}
 */
public record CreateOptions(String name, String group, String location, String friendlyName,
                            ResourceId storageAccount, ResourceId keyVault, ResourceId applicationInsights,
                            ResourceId containerRegistry, ResourceId cmkKeyVault, String cmkKeyUri,
                            boolean hbiWorkspace, String sku, Map<String, String> tags,
                            PrivateEndpointOptions privateEndpoint, boolean existOk, boolean createGroup, boolean waitForCompletion) {

    /** Whether the request names a dependency or setting that can never change after creation. */
    boolean asksForImmutables() {
        return storageAccount != null || keyVault != null || hbiWorkspace;
    }
}
