package dev.amlsh.session;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a session remembers between runs: the cloud, who is signed in, the subscriptions they
 * can see, the current one, and the defaults ({@code group}, {@code location}, {@code workspace}).
 * Immutable; every change makes a new state.
 *
 * <pre>{@code
 * SessionState s = SessionState.signedOut("Sandbox").withDefault("group", "rg1");
 * }</pre>
 */
public record SessionState(String cloud, Identity identity, String tenantId,
                           List<SubscriptionInfo> subscriptions, String subscriptionId,
                           Map<String, String> defaults, List<Cloud> customClouds) {

    public SessionState {
        subscriptions = subscriptions == null ? List.of() : List.copyOf(subscriptions);
        defaults = defaults == null ? Map.of() : Map.copyOf(new TreeMap<>(defaults));
        customClouds = customClouds == null ? List.of() : List.copyOf(customClouds);
    }

    public static SessionState signedOut(String cloud) {
        return new SessionState(cloud, null, null, List.of(), null, Map.of(), List.of());
    }

    public boolean signedIn() {
        return identity != null;
    }

    public Optional<SubscriptionInfo> currentSubscription() {
        return subscriptions.stream().filter(s -> s.id().equalsIgnoreCase(String.valueOf(subscriptionId))).findFirst();
    }

    public Optional<String> defaultValue(String key) {
        return Optional.ofNullable(defaults.get(key)).filter(v -> !v.isEmpty());
    }

    public SessionState withDefault(String key, String value) {
        Map<String, String> next = new TreeMap<>(defaults);
        if (value == null || value.isEmpty()) {
            next.remove(key);
        } else {
            next.put(key, value);
        }
        return new SessionState(cloud, identity, tenantId, subscriptions, subscriptionId, next, customClouds);
    }

    public SessionState withSubscription(String id) {
        return new SessionState(cloud, identity, tenantId, subscriptions, id, defaults, customClouds);
    }

    public SessionState signedIn(Identity who, String tenant, List<SubscriptionInfo> subs, String current) {
        return new SessionState(cloud, who, tenant, subs, current, defaults, customClouds);
    }

    /** Switches cloud; the sign-in of the old cloud does not carry over. */
    public SessionState withCloud(String name) {
        return new SessionState(name, null, null, List.of(), null, defaults, customClouds);
    }

    public SessionState signedOut() {
        return new SessionState(cloud, null, null, List.of(), null, defaults, customClouds);
    }

    /** Adds or replaces a registered cloud. */
    public SessionState withCustomCloud(Cloud added) {
        List<Cloud> next = new java.util.ArrayList<>(customClouds);
        next.removeIf(c -> c.name().equalsIgnoreCase(added.name()));
        next.add(added);
        return new SessionState(cloud, identity, tenantId, subscriptions, subscriptionId, defaults, next);
    }
}
