package dev.amlsh.complete;

import java.util.List;

/**
 * Where the completion index gets what exists; the {@code azure} package implements it over ARM
 * (one paged {@code /resources} call per subscription), tests with a list.
 *
 * <pre>{@code
 * IndexSource.Inventory inv = source.inventory("0b1f6471-...");
 * }</pre>
 */
public interface IndexSource {
    /** Groups, locations and resources of one subscription; may block on the network. */
    Inventory inventory(String subscriptionId);

    /** User principal names of the tenant (empty when the directory cannot be read). */
    List<String> users();

    /**
     * What one subscription holds.
     *
     * @param groups    resource group names
     * @param locations location names
     * @param resources top-level resources
     */
    record Inventory(List<String> groups, List<String> locations, List<IndexedResource> resources) {
        public Inventory {
            groups = List.copyOf(groups);
            locations = List.copyOf(locations);
            resources = List.copyOf(resources);
        }
    }
}
