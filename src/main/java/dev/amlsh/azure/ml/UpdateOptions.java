package dev.amlsh.azure.ml;

import dev.amlsh.core.ResourceId;
import java.util.Map;

/**
 * What {@code ml workspace update} changes; null leaves a property as it is.
 *
 * <pre>{@code
 * new UpdateOptions("Team workspace", null, Map.of("team", "ml"), null, null, null, null, null);
 * }</pre>
 */
public record UpdateOptions(String friendlyName, String description, Map<String, String> tags,
                            String imageBuildCompute, String publicNetworkAccess,
                            ResourceId applicationInsights, ResourceId containerRegistry, Boolean v1LegacyMode) {

    boolean isEmpty() {
        return friendlyName == null && description == null && tags == null && imageBuildCompute == null
                && publicNetworkAccess == null && applicationInsights == null && containerRegistry == null
                && v1LegacyMode == null;
    }
}
