package dev.amlsh.sandbox;

/**
 * The fixed contents of a fresh (or reset) sandbox. Like Azurite's well-known account key, the
 * secrets are public on purpose: the sandbox listens on 127.0.0.1 only and holds no real data.
 *
 * <pre>{@code
 * String rgId = "/subscriptions/" + SandboxSeed.SUBSCRIPTION_ID + "/resourceGroups/rg1";
 * SandboxIdentity ci = SandboxSeed.ci();
 * }</pre>
 */
public final class SandboxSeed {
    public static final String TENANT_ID = dev.amlsh.sandbox.contract.Seed.TENANT_ID;
    public static final String TENANT_NAME = "Sandbox tenant";
    public static final String TENANT_DOMAIN = "sandbox.amlsh";

    /** Every provider registered. */
    public static final String SUBSCRIPTION_ID = dev.amlsh.sandbox.contract.Seed.SUBSCRIPTION_ID;
    public static final String SUBSCRIPTION_NAME = dev.amlsh.sandbox.contract.Seed.SUBSCRIPTION_NAME;
    /** Everything registered except Microsoft.MachineLearningServices, to practise that error. */
    public static final String UNREGISTERED_SUBSCRIPTION_ID = dev.amlsh.sandbox.contract.Seed.UNREGISTERED_SUBSCRIPTION_ID;
    public static final String UNREGISTERED_SUBSCRIPTION_NAME = dev.amlsh.sandbox.contract.Seed.UNREGISTERED_SUBSCRIPTION_NAME;
    public static final String UNREGISTERED_NAMESPACE = "Microsoft.MachineLearningServices";

    public static final String ADMIN_USER = dev.amlsh.sandbox.contract.Seed.ADMIN_USER;
    public static final String ADMIN_OBJECT_ID = dev.amlsh.sandbox.contract.Seed.ADMIN_OBJECT_ID;
    public static final String ADMIN_CLIENT_ID = dev.amlsh.sandbox.contract.Seed.ADMIN_CLIENT_ID;
    public static final String ADMIN_CLIENT_SECRET = dev.amlsh.sandbox.contract.Seed.ADMIN_CLIENT_SECRET;

    public static final String ALICE_USER = dev.amlsh.sandbox.contract.Seed.ALICE_USER;
    public static final String ALICE_OBJECT_ID = "a0000000-0000-4000-8000-00000000a1ce";
    public static final String ALICE_CLIENT_ID = dev.amlsh.sandbox.contract.Seed.ALICE_CLIENT_ID;
    public static final String ALICE_CLIENT_SECRET = dev.amlsh.sandbox.contract.Seed.ALICE_CLIENT_SECRET;

    public static final String BOB_USER = dev.amlsh.sandbox.contract.Seed.BOB_USER;
    public static final String BOB_OBJECT_ID = "a0000000-0000-4000-8000-000000000b0b";
    public static final String BOB_CLIENT_ID = dev.amlsh.sandbox.contract.Seed.BOB_CLIENT_ID;
    public static final String BOB_CLIENT_SECRET = dev.amlsh.sandbox.contract.Seed.BOB_CLIENT_SECRET;

    public static final String CI_APP_NAME = dev.amlsh.sandbox.contract.Seed.CI_APP_NAME;
    public static final String CI_OBJECT_ID = "a0000000-0000-4000-8000-0000000000c1";
    public static final String CI_CLIENT_ID = dev.amlsh.sandbox.contract.Seed.CI_CLIENT_ID;
    public static final String CI_CLIENT_SECRET = dev.amlsh.sandbox.contract.Seed.CI_CLIENT_SECRET;

    /** The sandbox machine's system-assigned managed identity ({@code login --identity}): Reader on "Sandbox". */
    public static final String HOST_IDENTITY_NAME = "amlsh-sandbox-host";
    public static final String HOST_IDENTITY_OBJECT_ID = "a0000000-0000-4000-8000-0000000000d1";
    public static final String HOST_IDENTITY_CLIENT_ID = dev.amlsh.sandbox.identity.IdentityService.SYSTEM_ASSIGNED_CLIENT_ID;

    /** A user-assigned managed identity ({@code login --identity --username <its client ID>}): Contributor on "Sandbox". */
    public static final String USER_IDENTITY_NAME = "amlsh-mi";
    public static final String USER_IDENTITY_OBJECT_ID = "a0000000-0000-4000-8000-0000000000d2";
    public static final String USER_IDENTITY_CLIENT_ID = "a0000000-0000-4000-8000-0000000c1e06";

    private SandboxSeed() {
    }

    public static SandboxIdentity admin() {
        return new SandboxIdentity(TENANT_ID, ADMIN_CLIENT_ID, ADMIN_CLIENT_SECRET, ADMIN_USER);
    }

    public static SandboxIdentity alice() {
        return new SandboxIdentity(TENANT_ID, ALICE_CLIENT_ID, ALICE_CLIENT_SECRET, ALICE_USER);
    }

    public static SandboxIdentity bob() {
        return new SandboxIdentity(TENANT_ID, BOB_CLIENT_ID, BOB_CLIENT_SECRET, BOB_USER);
    }

    public static SandboxIdentity ci() {
        return new SandboxIdentity(TENANT_ID, CI_CLIENT_ID, CI_CLIENT_SECRET, CI_APP_NAME);
    }
}
