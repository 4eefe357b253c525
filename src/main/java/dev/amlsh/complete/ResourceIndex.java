package dev.amlsh.complete;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * What exists in the cloud, per subscription and group, in memory: the completers read it and
 * never wait. Reads of a subscription that is missing, older than the time-to-live, or marked
 * dirty call the stale handler (a background refresh in the shell) and answer with what is known.
 * The shell's own creates and deletes change it at once; a refresh that was already under way
 * when they happened replays them over its result, so a resource deleted in this session never
 * comes back from an older listing.
 *
 * <pre>{@code
 * ResourceIndex index = new ResourceIndex(Duration.ofMinutes(2), Clock.systemUTC());
 * index.onStale(refresher::request);
 * index.replace(sub, inventory, index.sequence());
 * index.inGroup(sub, "rg1", "Microsoft.Storage/storageAccounts");
 * }</pre>
 */
public final class ResourceIndex {
    private static final int JOURNAL_LIMIT = 10_000;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, SubscriptionIndex> subscriptions = new ConcurrentHashMap<>();
    private final Deque<Change> journal = new ArrayDeque<>();
    private volatile List<String> users = List.of();
    private volatile Consumer<String> onStale = sub -> { };
    private volatile boolean changed;
    private long sequence;

    /** A change the shell made, kept until the next refresh of its subscription lands. */
    private record Change(long seq, String subscription, Consumer<SubscriptionIndex> apply) {
    }

    public ResourceIndex(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Called with a subscription ID whenever a read finds its data missing, stale or dirty. */
    public void onStale(Consumer<String> handler) {
        this.onStale = handler;
    }

    // ---- reads (never block) ----

    public List<String> groups(String subscriptionId) {
        return read(subscriptionId).map(s -> List.copyOf(s.groups.values())).orElse(List.of());
    }

    public List<String> locations(String subscriptionId) {
        return read(subscriptionId).map(s -> s.locations).orElse(List.of());
    }

    /** Resources in a group, of one type when {@code type} is not null or empty, in ID order. */
    public Collection<IndexedResource> inGroup(String subscriptionId, String group, String type) {
        return read(subscriptionId).map(s -> s.inGroup(subscriptionId, group, type)).orElse(List.of());
    }

    /** Resources of one type anywhere in the subscription, in ID order. */
    public Collection<IndexedResource> ofType(String subscriptionId, String type) {
        return read(subscriptionId).map(s -> s.ofType(type)).orElse(List.of());
    }

    public List<String> users() {
        return users;
    }

    /** True when the subscription has been filled and is neither stale nor dirty. */
    public boolean isFresh(String subscriptionId) {
        SubscriptionIndex s = subscriptions.get(key(subscriptionId));
        return s != null && !s.dirty && s.filledAt.plus(ttl).isAfter(clock.instant());
    }

    /** True when the subscription was ever filled (or loaded from the cache). */
    public boolean isFilled(String subscriptionId) {
        return subscriptions.containsKey(key(subscriptionId));
    }

    /** Total resources known, for status and benchmarks. */
    public int size() {
        return subscriptions.values().stream().mapToInt(s -> s.resources.size()).sum();
    }

    private Optional<SubscriptionIndex> read(String subscriptionId) {
        if (subscriptionId == null) {
            return Optional.empty();
        }
        if (!isFresh(subscriptionId)) {
            onStale.accept(subscriptionId);
        }
        return Optional.ofNullable(subscriptions.get(key(subscriptionId)));
    }

    // ---- writes ----

    /** The current change number; give it to {@link #replace} as the moment a listing started. */
    public synchronized long sequence() {
        return sequence;
    }

    /** Installs a fresh listing of a subscription taken from {@code startedAt}; later changes of the shell are kept. */
    public synchronized void replace(String subscriptionId, IndexSource.Inventory inventory, long startedAt, Instant filledAt) {
        SubscriptionIndex next = SubscriptionIndex.of(inventory, filledAt);
        String k = key(subscriptionId);
        journal.removeIf(c -> {
            if (!c.subscription.equals(k)) {
                return false;
            }
            if (c.seq > startedAt) {
                c.apply.accept(next);
            }
            return true;
        });
        subscriptions.put(k, next);
        changed = true;
    }

    public void replace(String subscriptionId, IndexSource.Inventory inventory, long startedAt) {
        replace(subscriptionId, inventory, startedAt, clock.instant());
    }

    public void users(List<String> names) {
        users = List.copyOf(names);
    }

    /** Adds or updates a resource the shell created or showed. */
    public void put(IndexedResource r) {
        change(r.subscriptionId(), s -> s.put(r));
    }

    /** Adds a resource unless it is known already (keeps the casing a listing gave). */
    public void putIfAbsent(IndexedResource r) {
        change(r.subscriptionId(), s -> {
            if (!s.resources.containsKey(r.key())) {
                s.put(r);
            }
        });
    }

    public void putGroup(String subscriptionId, String group) {
        change(subscriptionId, s -> s.groups.put(group.toLowerCase(Locale.ROOT), group));
    }

    /** Forgets one resource. */
    public void remove(IndexedResource r) {
        change(r.subscriptionId(), s -> s.remove(r.key()));
    }

    /** Forgets a group and everything in it. */
    public void removeGroup(String subscriptionId, String group) {
        change(subscriptionId, s -> s.removeGroup(subscriptionId, group));
    }

    /** Marks one subscription (null: all) for a refresh at the next read. */
    public void invalidate(String subscriptionId) {
        if (subscriptionId == null) {
            subscriptions.values().forEach(s -> s.dirty = true);
        } else {
            Optional.ofNullable(subscriptions.get(key(subscriptionId))).ifPresent(s -> s.dirty = true);
        }
    }

    /** Forgets everything (a sandbox reset, a new sign-in). */
    public synchronized void clear() {
        subscriptions.clear();
        journal.clear();
        users = List.of();
        changed = true;
    }

    /** True once since the last call if anything changed (the cache is then written again). */
    public boolean takeChanged() {
        boolean was = changed;
        changed = false;
        return was;
    }

    /** The subscriptions filled so far, with when. */
    Map<String, SubscriptionIndex> snapshot() {
        return Map.copyOf(subscriptions);
    }

    void load(String subscriptionId, SubscriptionIndex data) {
        subscriptions.put(key(subscriptionId), data);
    }

    private synchronized void change(String subscriptionId, Consumer<SubscriptionIndex> apply) {
        String k = key(subscriptionId);
        sequence++;
        journal.addLast(new Change(sequence, k, apply));
        if (journal.size() > JOURNAL_LIMIT) {
            journal.removeFirst();
        }
        SubscriptionIndex s = subscriptions.get(k);
        if (s != null) {
            apply.accept(s);
        }
        changed = true;
    }

    private static String key(String subscriptionId) {
        return subscriptionId.toLowerCase(Locale.ROOT);
    }
}
