package dev.amlsh.sandbox;

import dev.amlsh.sandbox.authz.BuiltInRoles;
import dev.amlsh.sandbox.authz.RoleAssignment;
import dev.amlsh.sandbox.authz.RoleAssignmentStore;
import dev.amlsh.sandbox.identity.IdentityService;
import dev.amlsh.sandbox.provider.resources.ProviderCatalog;
import dev.amlsh.sandbox.provider.resources.Registrations;
import dev.amlsh.sandbox.provider.resources.ResourcesApi;
import dev.amlsh.sandbox.store.SandboxStore;

/** Writes {@link SandboxSeed} into an empty store, once, even with several processes starting together. */
final class Seeder {
    private static final String META = "sandbox.meta";
    /** Who the seeded role assignments name as their creator (Azure always names one): the account's admin. */
    private static final String SEEDED_BY = SandboxSeed.ADMIN_OBJECT_ID;

    private Seeder() {
    }

    static void seedIfEmpty(SandboxStore store, IdentityService identity, ResourcesApi resources) {
        store.inTransaction(() -> {
            if (store.getValue(META, "seeded").isEmpty()) {
                seed(store, identity, resources);
            }
            return null;
        });
    }

    /** Homes seeded before managed identities existed get them too. */
    static void addManagedIdentities(SandboxStore store, IdentityService identity) {
        store.inTransaction(() -> {
            if (identity.principal(SandboxSeed.HOST_IDENTITY_CLIENT_ID).isPresent()) {
                return null;
            }
            String unusable = java.util.UUID.randomUUID().toString();
            identity.addPrincipal(SandboxSeed.HOST_IDENTITY_OBJECT_ID, SandboxSeed.HOST_IDENTITY_CLIENT_ID, unusable,
                    SandboxSeed.HOST_IDENTITY_NAME, null, "ManagedIdentity");
            identity.addPrincipal(SandboxSeed.USER_IDENTITY_OBJECT_ID, SandboxSeed.USER_IDENTITY_CLIENT_ID, unusable,
                    SandboxSeed.USER_IDENTITY_NAME, null, "ManagedIdentity");
            RoleAssignmentStore assignments = new RoleAssignmentStore(store);
            String now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
            assignments.put(new RoleAssignment("5eed0000-0000-4000-8000-000000000004", "/subscriptions/" + SandboxSeed.SUBSCRIPTION_ID,
                    BuiltInRoles.READER, SandboxSeed.HOST_IDENTITY_OBJECT_ID, "ServicePrincipal", null, now, now, SEEDED_BY, SEEDED_BY));
            assignments.put(new RoleAssignment("5eed0000-0000-4000-8000-000000000005", "/subscriptions/" + SandboxSeed.SUBSCRIPTION_ID,
                    BuiltInRoles.CONTRIBUTOR, SandboxSeed.USER_IDENTITY_OBJECT_ID, "ServicePrincipal", null, now, now, SEEDED_BY, SEEDED_BY));
            return null;
        });
    }

    static void reset(SandboxStore store, IdentityService identity, ResourcesApi resources) {
        store.inTransaction(() -> {
            store.wipe();
            seed(store, identity, resources);
            return null;
        });
    }

    private static void seed(SandboxStore store, IdentityService identity, ResourcesApi resources) {
        identity.addPrincipal(SandboxSeed.ADMIN_OBJECT_ID, SandboxSeed.ADMIN_CLIENT_ID, SandboxSeed.ADMIN_CLIENT_SECRET,
                SandboxSeed.ADMIN_USER, SandboxSeed.ADMIN_USER, "User");
        identity.addPrincipal(SandboxSeed.ALICE_OBJECT_ID, SandboxSeed.ALICE_CLIENT_ID, SandboxSeed.ALICE_CLIENT_SECRET,
                SandboxSeed.ALICE_USER, SandboxSeed.ALICE_USER, "User");
        identity.addPrincipal(SandboxSeed.BOB_OBJECT_ID, SandboxSeed.BOB_CLIENT_ID, SandboxSeed.BOB_CLIENT_SECRET,
                SandboxSeed.BOB_USER, SandboxSeed.BOB_USER, "User");
        identity.addPrincipal(SandboxSeed.CI_OBJECT_ID, SandboxSeed.CI_CLIENT_ID, SandboxSeed.CI_CLIENT_SECRET,
                SandboxSeed.CI_APP_NAME, null, "ServicePrincipal");
        addManagedIdentities(store, identity);
        resources.subscriptions().addTenant(SandboxSeed.TENANT_ID, SandboxSeed.TENANT_NAME, SandboxSeed.TENANT_DOMAIN);
        resources.subscriptions().add(SandboxSeed.TENANT_ID, SandboxSeed.SUBSCRIPTION_ID, SandboxSeed.SUBSCRIPTION_NAME);
        resources.subscriptions().add(SandboxSeed.TENANT_ID, SandboxSeed.UNREGISTERED_SUBSCRIPTION_ID,
                SandboxSeed.UNREGISTERED_SUBSCRIPTION_NAME);
        for (ProviderCatalog.Namespace n : ProviderCatalog.all()) {
            resources.registrations().set(SandboxSeed.SUBSCRIPTION_ID, n.namespace(), Registrations.REGISTERED);
            boolean practice = n.namespace().equals(SandboxSeed.UNREGISTERED_NAMESPACE);
            resources.registrations().set(SandboxSeed.UNREGISTERED_SUBSCRIPTION_ID, n.namespace(),
                    practice ? Registrations.NOT_REGISTERED : Registrations.REGISTERED);
        }
        // Out of the box: admin owns both subscriptions, the CI principal contributes to "Sandbox", alice and bob have nothing.
        RoleAssignmentStore assignments = new RoleAssignmentStore(store);
        String now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
        assignments.put(new RoleAssignment("5eed0000-0000-4000-8000-000000000001", "/subscriptions/" + SandboxSeed.SUBSCRIPTION_ID,
                BuiltInRoles.OWNER, SandboxSeed.ADMIN_OBJECT_ID, "User", null, now, now, SEEDED_BY, SEEDED_BY));
        assignments.put(new RoleAssignment("5eed0000-0000-4000-8000-000000000002",
                "/subscriptions/" + SandboxSeed.UNREGISTERED_SUBSCRIPTION_ID, BuiltInRoles.OWNER, SandboxSeed.ADMIN_OBJECT_ID, "User",
                null, now, now, SEEDED_BY, SEEDED_BY));
        assignments.put(new RoleAssignment("5eed0000-0000-4000-8000-000000000003", "/subscriptions/" + SandboxSeed.SUBSCRIPTION_ID,
                BuiltInRoles.CONTRIBUTOR, SandboxSeed.CI_OBJECT_ID, "ServicePrincipal", null, now, now, SEEDED_BY, SEEDED_BY));
        store.putValue(META, "seeded", "1");
    }
}
