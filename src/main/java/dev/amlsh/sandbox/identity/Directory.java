package dev.amlsh.sandbox.identity;

import dev.amlsh.sandbox.arm.Principal;
import dev.amlsh.sandbox.store.KeyValue;
import dev.amlsh.sandbox.store.SandboxStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A read-only view of the sandbox tenant's users and service principals (no secrets).
 *
 * <pre>{@code
 * Directory directory = new Directory(store, tenantId);
 * directory.find("alice@sandbox.amlsh").map(Principal::objectId);
 * }</pre>
 */
public final class Directory {
    private final SandboxStore store;
    private final String tenantId;

    public Directory(SandboxStore store, String tenantId) {
        this.store = store;
        this.tenantId = tenantId;
    }

    /** Everyone in the tenant. */
    public List<Principal> all() {
        List<Principal> out = new ArrayList<>();
        for (KeyValue kv : store.listValues(DirectoryEntry.SPACE, "")) {
            DirectoryEntry e = DirectoryEntry.fromJson(kv.value());
            out.add(new Principal(e.objectId(), e.displayName(), e.userPrincipalName(), e.clientId(),
                    e.isUser() ? "User" : "ServicePrincipal", tenantId));
        }
        return out;
    }

    /** The principal with this object ID. */
    public Optional<Principal> byObjectId(String objectId) {
        return all().stream().filter(p -> p.objectId().equalsIgnoreCase(objectId)).findFirst();
    }

    /** A principal by object ID, user principal name, or (service principals) application ID; case-insensitive. */
    public Optional<Principal> find(String key) {
        return all().stream().filter(p -> p.objectId().equalsIgnoreCase(key) || key.equalsIgnoreCase(p.userPrincipalName())
                || (p.userPrincipalName() == null && p.appId().equalsIgnoreCase(key))).findFirst();
    }
}
