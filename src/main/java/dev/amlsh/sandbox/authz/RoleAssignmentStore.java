package dev.amlsh.sandbox.authz;

import dev.amlsh.sandbox.store.KeyValue;
import dev.amlsh.sandbox.store.ResourceFilter;
import dev.amlsh.sandbox.store.SandboxStore;
import dev.amlsh.sandbox.store.StoredResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Role assignments kept in the store as tracked resources under their scope
 * ({@code {scope}/providers/Microsoft.Authorization/roleAssignments/{name}}), so the store's
 * cascade ({@link SandboxStore#deleteUnder}) removes them with the group or resource they are on.
 *
 * <pre>{@code
 * RoleAssignmentStore assignments = new RoleAssignmentStore(store);
 * assignments.put(new RoleAssignment(UUID.randomUUID().toString(), "/subscriptions/" + sub, BuiltInRoles.OWNER, oid, "User",
 *         null, now, now, null, null));
 * List<RoleAssignment> mine = assignments.atScope("/subscriptions/" + sub);
 * }</pre>
 */
public final class RoleAssignmentStore {
    private static final int BATCH = 500;
    /** Index of assignments by principal: key {@code "<principal> <assignment id>"}, value the assignment ID. */
    private static final String BY_PRINCIPAL = "authz.byPrincipal";
    private final SandboxStore store;

    public RoleAssignmentStore(SandboxStore store) {
        this.store = store;
    }

    public Optional<RoleAssignment> get(String scope, String name) {
        return store.get(RoleAssignment.idOf(scope, name)).map(r -> RoleAssignment.fromJson(r.json()));
    }

    public RoleAssignment put(RoleAssignment a) {
        return store.inTransaction(() -> {
            store.put(a.id(), a.toJson());
            store.putValue(BY_PRINCIPAL, indexKey(a.principalId(), a.id()), a.id());
            return a;
        });
    }

    public boolean delete(String scope, String name) {
        return store.inTransaction(() -> {
            Optional<RoleAssignment> a = get(scope, name);
            a.ifPresent(this::forget);
            return store.delete(RoleAssignment.idOf(scope, name));
        });
    }

    /** Drops the principal index entry of an assignment the store's cascade removes (a group being deleted). */
    public void forget(RoleAssignment a) {
        store.deleteValue(BY_PRINCIPAL, indexKey(a.principalId(), a.id()));
    }

    /**
     * The assignments of one principal, anywhere: one indexed read plus one per assignment. Index
     * entries whose assignment went with a deleted resource are skipped, so a resource created
     * again under the same name never inherits old assignments.
     */
    public List<RoleAssignment> ofPrincipal(String principalId) {
        List<RoleAssignment> out = new ArrayList<>();
        for (KeyValue kv : store.listValues(BY_PRINCIPAL, principalId.toLowerCase(Locale.ROOT) + " ")) {
            store.get(kv.value()).map(r -> RoleAssignment.fromJson(r.json()))
                    .filter(a -> a.principalId().equalsIgnoreCase(principalId)).ifPresent(out::add);
        }
        return out;
    }

    private static String indexKey(String principalId, String id) {
        return principalId.toLowerCase(Locale.ROOT) + " " + id.toLowerCase(Locale.ROOT);
    }

    /** Assignments made exactly at {@code scope}. */
    public List<RoleAssignment> atScope(String scope) {
        List<RoleAssignment> out = new ArrayList<>();
        for (StoredResource r : store.listUnder(RoleAssignment.collectionOf(scope))) {
            out.add(RoleAssignment.fromJson(r.json()));
        }
        return out;
    }

    /** Assignments at {@code target}'s scope and at every scope containing it (what applies to it). */
    public List<RoleAssignment> atAndAbove(String target) {
        List<RoleAssignment> out = new ArrayList<>();
        for (String scope : Scopes.ancestors(target)) {
            out.addAll(atScope(scope));
        }
        return out;
    }

    /** Assignments at scopes strictly inside {@code scope} (a subscription, group or resource). */
    public List<RoleAssignment> below(String scope) {
        String sub = Scopes.subscriptionOf(scope);
        if (sub == null) {
            return everywhere();
        }
        List<String> seg = Scopes.segments(scope);
        String group = seg.size() >= 4 && seg.get(2).equalsIgnoreCase("resourceGroups") ? seg.get(3) : null;
        ResourceFilter filter = new ResourceFilter(sub, group, RoleAssignment.TYPE);
        List<RoleAssignment> out = new ArrayList<>();
        String after = null;
        while (true) {
            List<StoredResource> batch = store.list(filter, after, BATCH);
            for (StoredResource r : batch) {
                RoleAssignment a = RoleAssignment.fromJson(r.json());
                if (Scopes.covers(scope, a.scope()) && !a.scope().equalsIgnoreCase(scope)) {
                    out.add(a);
                }
            }
            if (batch.size() < BATCH) {
                return out;
            }
            after = batch.get(batch.size() - 1).key();
        }
    }

    /** Every assignment of the sandbox. */
    public List<RoleAssignment> everywhere() {
        List<RoleAssignment> out = new ArrayList<>();
        String after = null;
        ResourceFilter filter = ResourceFilter.type(RoleAssignment.TYPE);
        while (true) {
            List<StoredResource> batch = store.list(filter, after, BATCH);
            batch.forEach(r -> out.add(RoleAssignment.fromJson(r.json())));
            if (batch.size() < BATCH) {
                return out;
            }
            after = batch.get(batch.size() - 1).key();
        }
    }
}
