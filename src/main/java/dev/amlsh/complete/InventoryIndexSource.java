package dev.amlsh.complete;

import dev.amlsh.azure.InventoryService;
import java.util.ArrayList;
import java.util.List;

/**
 * The completion index's source over ARM: what {@link InventoryService} lists, kept to the
 * top-level resources in groups.
 *
 * <pre>{@code
 * IndexSource source = new InventoryIndexSource(azure.inventory());
 * }</pre>
 */
public final class InventoryIndexSource implements IndexSource {
    private final InventoryService inventory;

    public InventoryIndexSource(InventoryService inventory) {
        this.inventory = inventory;
    }

    @Override
    public Inventory inventory(String subscriptionId) {
        InventoryService.Listing listing = inventory.list(subscriptionId);
        List<IndexedResource> resources = new ArrayList<>();
        for (InventoryService.Listed item : listing.resources()) {
            IndexedResource r = IndexedResource.parse(item.id());
            if (r != null) {
                String type = item.type() != null ? item.type() : r.type();
                resources.add(new IndexedResource(r.subscriptionId(), r.group(), type, r.name()));
            }
        }
        return new Inventory(listing.groups(), listing.locations(), resources);
    }

    @Override
    public List<String> users() {
        return inventory.users();
    }
}
