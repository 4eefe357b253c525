package dev.amlsh.sandbox.authz;

/**
 * What a request needs from its caller's roles.
 *
 * <pre>{@code
 * Requirement r = ActionMap.of("PUT", List.of("subscriptions", sub, "resourcegroups", "rg1"));
 * r.action(); // Microsoft.Resources/subscriptions/resourceGroups/write
 * r.scope();  // /subscriptions/<sub>/resourceGroups/rg1
 * }</pre>
 *
 * @param kind       how to check
 * @param action     the ARM action, for {@link Kind#ACTION}
 * @param scope      where the action is performed (the resource ID, or the scope of a collection)
 * @param collection true for a GET of a collection: without the action at its scope, callers with
 *                   a role somewhere inside it see only the items they may read
 */
public record Requirement(Kind kind, String action, String scope, boolean collection) {
    /** How a request is checked. */
    public enum Kind {
        /** Anyone signed in: tenants, role definitions, tenant-level provider metadata. */
        PUBLIC,
        /** {@code GET /subscriptions}: anyone, but it lists only subscriptions where the caller has a role. */
        SUBSCRIPTIONS,
        /** Anyone with a role somewhere in the subscription of {@link #scope()} (subscription, locations, providers, operation status). */
        MEMBER,
        /** The caller's roles at {@link #scope()} or above must permit {@link #action()}. */
        ACTION
    }

    static Requirement open() {
        return new Requirement(Kind.PUBLIC, null, "/", false);
    }

    static Requirement member(String subscriptionScope) {
        return new Requirement(Kind.MEMBER, null, subscriptionScope, false);
    }

    static Requirement action(String action, String scope, boolean collection) {
        return new Requirement(Kind.ACTION, action, scope, collection);
    }
}
