package dev.amlsh.complete;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Fills the index from its source: on a daemon thread in the shell (a Tab never waits), or at
 * once for one-shot completion. A subscription is listed at most once at a time, and after a
 * failure not again for a few seconds, so a broken network does not turn every Tab into a call.
 *
 * <pre>{@code
 * IndexRefresher refresher = IndexRefresher.background(index, () -> azure.inventory());
 * index.onStale(refresher::request);
 * }</pre>
 */
public final class IndexRefresher implements AutoCloseable {
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(10);
    private final ResourceIndex index;
    private final Supplier<IndexSource> source;
    private final ExecutorService executor;
    private final Clock clock;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> failedAt = new ConcurrentHashMap<>();
    private volatile boolean usersLoaded;
    private volatile Runnable afterRefresh = () -> { };

    private IndexRefresher(ResourceIndex index, Supplier<IndexSource> source, ExecutorService executor, Clock clock) {
        this.index = index;
        this.source = source;
        this.executor = executor;
        this.clock = clock;
    }

    /** Refreshes on a background daemon thread. */
    public static IndexRefresher background(ResourceIndex index, Supplier<IndexSource> source) {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "amlsh-index");
            t.setDaemon(true);
            return t;
        });
        return new IndexRefresher(index, source, executor, Clock.systemUTC());
    }

    /** Refreshes in the caller's thread (one-shot {@code --complete}). */
    public static IndexRefresher inline(ResourceIndex index, Supplier<IndexSource> source) {
        return new IndexRefresher(index, source, null, Clock.systemUTC());
    }

    /** Runs after every refresh, in the refresher's thread (the shell writes the cache there). */
    public void afterRefresh(Runnable action) {
        afterRefresh = action;
    }

    /** Runs a task in the refresher's thread (in the caller's in the inline mode). */
    public void submit(Runnable task) {
        if (executor == null) {
            task.run();
        } else {
            executor.execute(task);
        }
    }

    /** Asks for a refresh of one subscription; returns at once in the background mode. */
    public void request(String subscriptionId) {
        Instant failed = failedAt.get(subscriptionId);
        if (failed != null && failed.plus(RETRY_AFTER_FAILURE).isAfter(clock.instant())) {
            return;
        }
        if (!pending.add(subscriptionId)) {
            return;
        }
        if (executor == null) {
            run(subscriptionId);
        } else {
            executor.execute(() -> run(subscriptionId));
        }
    }

    /** Lists one subscription (and the users, the first time) now, in this thread. */
    public void refreshNow(String subscriptionId) {
        pending.add(subscriptionId);
        run(subscriptionId);
    }

    private void run(String subscriptionId) {
        try {
            long startedAt = index.sequence();
            IndexSource s = source.get();
            index.replace(subscriptionId, s.inventory(subscriptionId), startedAt);
            failedAt.remove(subscriptionId);
            if (!usersLoaded) {
                index.users(s.users());
                usersLoaded = true;
            }
        } catch (RuntimeException e) {
            // Completion goes on with what it knows; the next read after the pause tries again.
            failedAt.put(subscriptionId, clock.instant());
        } finally {
            pending.remove(subscriptionId);
        }
        afterRefresh.run();
    }

    /** Waits until the refreshes asked for so far are done (tests, and writing the cache at exit). */
    public void await(Duration max) {
        if (executor == null) {
            return;
        }
        try {
            executor.submit(() -> { }).get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // The refresh is still running (or failed): the caller goes on with what the index has.
        }
    }

    /** Forgets that the users were loaded (a new sign-in). */
    public void reloadUsers() {
        usersLoaded = false;
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
