package dev.amlsh.sandbox.contract;

import java.util.List;

/**
 * What every fresh (or reset) sandbox holds and a client may rely on: the tenant, the two
 * subscriptions and the seeded principals with their public secrets.
 *
 * <pre>{@code
 * String rgId = "/subscriptions/" + Seed.SUBSCRIPTION_ID + "/resourceGroups/rg1";
 * }</pre>
 */
public final class Seed {
    public static final String TENANT_ID = "5a6d7e8f-0c1b-4d2e-9f3a-777788889999";

    public static final String SUBSCRIPTION_ID = "0b1f6471-1bf0-4dda-aec3-111122223333";
    public static final String SUBSCRIPTION_NAME = "Sandbox";
    public static final String UNREGISTERED_SUBSCRIPTION_ID = "6c2e7a45-9d3b-4f1a-8b2c-444455556666";
    public static final String UNREGISTERED_SUBSCRIPTION_NAME = "Sandbox Unregistered";

    public static final String ADMIN_USER = "admin@sandbox.amlsh";
    public static final String ADMIN_OBJECT_ID = "a0000000-0000-4000-8000-00000000ad01";
    public static final String ADMIN_CLIENT_ID = "a0000000-0000-4000-8000-0000000c1e01";
    public static final String ADMIN_CLIENT_SECRET = "sandbox-admin-secret~0b1f6471";

    public static final String ALICE_USER = "alice@sandbox.amlsh";
    public static final String ALICE_CLIENT_ID = "a0000000-0000-4000-8000-0000000c1e02";
    public static final String ALICE_CLIENT_SECRET = "sandbox-alice-secret~6c2e7a45";

    public static final String BOB_USER = "bob@sandbox.amlsh";
    public static final String BOB_CLIENT_ID = "a0000000-0000-4000-8000-0000000c1e03";
    public static final String BOB_CLIENT_SECRET = "sandbox-bob-secret~9d3b4f1a";

    public static final String CI_APP_NAME = "amlsh-ci";
    public static final String CI_CLIENT_ID = "a0000000-0000-4000-8000-0000000c1e04";
    public static final String CI_CLIENT_SECRET = "sandbox-ci-secret~8b2c4444";

    private Seed() {
    }

    public static SeedIdentity admin() {
        return new SeedIdentity(TENANT_ID, ADMIN_CLIENT_ID, ADMIN_CLIENT_SECRET, ADMIN_USER);
    }

    public static SeedIdentity alice() {
        return new SeedIdentity(TENANT_ID, ALICE_CLIENT_ID, ALICE_CLIENT_SECRET, ALICE_USER);
    }

    public static SeedIdentity bob() {
        return new SeedIdentity(TENANT_ID, BOB_CLIENT_ID, BOB_CLIENT_SECRET, BOB_USER);
    }

    public static SeedIdentity ci() {
        return new SeedIdentity(TENANT_ID, CI_CLIENT_ID, CI_CLIENT_SECRET, CI_APP_NAME);
    }

    /** Every principal that signs in with a secret: admin, alice, bob and the service principal amlsh-ci. */
    public static List<SeedIdentity> principals() {
        return List.of(admin(), alice(), bob(), ci());
    }
}
