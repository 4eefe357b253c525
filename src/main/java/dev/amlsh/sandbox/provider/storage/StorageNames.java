package dev.amlsh.sandbox.provider.storage;

import dev.amlsh.sandbox.store.SandboxStore;
import dev.amlsh.sandbox.store.StoredResource;
import java.util.Locale;
import java.util.Optional;

/**
 * Storage account names are DNS names, so one name exists once across every subscription. An
 * index in the key-value table (space {@value #SPACE}, key the lower-cased name, value the
 * account's ID) answers "who has it" without scanning; an entry whose account is gone is free.
 *
 * <pre>{@code
 * names.requireFree("mysa", subscriptionId); // 409 StorageAccountAlreadyTaken otherwise
 * names.claim("mysa", id);
 * }</pre>
 */
final class StorageNames {
    static final String SPACE = "storage.names";
    private final SandboxStore store;

    StorageNames(SandboxStore store) {
        this.store = store;
    }

    /** The account holding this name anywhere. */
    Optional<StoredResource> owner(String name) {
        return store.getValue(SPACE, key(name)).flatMap(store::get);
    }

    /** Refuses a name another account holds: in this subscription, or anywhere else. */
    void requireFree(String name, String subscriptionId) {
        Optional<StoredResource> owner = owner(name);
        if (owner.isPresent()) {
            if (subscriptionId.equalsIgnoreCase(owner.get().subscriptionId())) {
                throw StorageErrors.inAnotherResourceGroup(name);
            }
            throw StorageErrors.alreadyTaken(name);
        }
    }

    void claim(String name, String id) {
        store.putValue(SPACE, key(name), id);
    }

    void release(String name, String id) {
        store.getValue(SPACE, key(name)).filter(id::equalsIgnoreCase).ifPresent(v -> store.deleteValue(SPACE, key(name)));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
