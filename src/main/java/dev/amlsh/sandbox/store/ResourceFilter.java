package dev.amlsh.sandbox.store;

import java.util.Locale;

/**
 * Which resources a listing returns; null fields match anything. Matching is case-insensitive.
 *
 * <pre>{@code
 * store.list(ResourceFilter.group(sub, "rg1").ofType("Microsoft.Storage/storageAccounts"), null, 100);
 * }</pre>
 *
 * @param subscriptionId subscription, or null
 * @param resourceGroup  group name, or null
 * @param type           full type {@code Namespace/type}, or null
 */
public record ResourceFilter(String subscriptionId, String resourceGroup, String type) {

    public ResourceFilter {
        subscriptionId = lower(subscriptionId);
        resourceGroup = lower(resourceGroup);
        type = lower(type);
    }

    public static ResourceFilter all() {
        return new ResourceFilter(null, null, null);
    }

    public static ResourceFilter subscription(String subscriptionId) {
        return new ResourceFilter(subscriptionId, null, null);
    }

    public static ResourceFilter group(String subscriptionId, String resourceGroup) {
        return new ResourceFilter(subscriptionId, resourceGroup, null);
    }

    public static ResourceFilter type(String type) {
        return new ResourceFilter(null, null, type);
    }

    /** The same filter restricted to one type. */
    public ResourceFilter ofType(String t) {
        return new ResourceFilter(subscriptionId, resourceGroup, t);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
