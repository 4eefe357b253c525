package dev.amlsh.session;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The three-way merge behind every save of {@code config.json}: what this shell changed (from
 * {@code base}, the state it last read, to {@code next}) is applied to what is on disk now, so a
 * change made meanwhile by another shell on the same home survives.
 *
 * <pre>{@code
 * SessionState saved = ConfigMerge.merge(lastRead, lastRead.withDefault("location", "eastus"), onDisk);
 * }</pre>
 */
final class ConfigMerge {
    private ConfigMerge() {
    }

    static SessionState merge(SessionState base, SessionState next, SessionState disk) {
        String cloud;
        Identity identity;
        String tenant;
        List<SubscriptionInfo> subscriptions;
        String subscriptionId;
        if (!signIn(next).equals(signIn(base))) {
            // a sign-in, sign-out or change of cloud moves all of these together
            cloud = next.cloud();
            identity = next.identity();
            tenant = next.tenantId();
            subscriptions = next.subscriptions();
            subscriptionId = next.subscriptionId();
        } else {
            cloud = disk.cloud();
            identity = disk.identity();
            tenant = disk.tenantId();
            subscriptions = disk.subscriptions();
            subscriptionId = disk.subscriptionId();
            boolean chosen = !Objects.equals(next.subscriptionId(), base.subscriptionId());
            boolean known = next.subscriptionId() == null || disk.subscriptions().stream()
                    .anyMatch(s -> s.id().equalsIgnoreCase(next.subscriptionId()));
            if (chosen && known) {
                subscriptionId = next.subscriptionId();
            }
        }
        Map<String, String> defaults = new TreeMap<>(disk.defaults());
        Set<String> keys = new HashSet<>(base.defaults().keySet());
        keys.addAll(next.defaults().keySet());
        for (String key : keys) {
            String now = next.defaults().get(key);
            if (!Objects.equals(now, base.defaults().get(key))) {
                if (now == null) {
                    defaults.remove(key);
                } else {
                    defaults.put(key, now);
                }
            }
        }
        return new SessionState(cloud, identity, tenant, subscriptions, subscriptionId, defaults,
                clouds(base.customClouds(), next.customClouds(), disk.customClouds()));
    }

    private static List<Object> signIn(SessionState s) {
        return java.util.Arrays.asList(s.cloud(), s.identity(), s.tenantId(), s.subscriptions());
    }

    private static List<Cloud> clouds(List<Cloud> base, List<Cloud> next, List<Cloud> disk) {
        List<Cloud> merged = new ArrayList<>(disk);
        for (Cloud c : next) {
            if (!base.contains(c)) {
                merged.removeIf(d -> d.name().equalsIgnoreCase(c.name()));
                merged.add(c);
            }
        }
        for (Cloud c : base) {
            if (next.stream().noneMatch(n -> n.name().equalsIgnoreCase(c.name()))) {
                merged.removeIf(d -> d.name().equalsIgnoreCase(c.name()));
            }
        }
        return merged;
    }
}
