package dev.amlsh.sandbox.store;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How long the sandbox keeps what Azure keeps for a bounded time, and the background task that
 * purges the rest: status records of finished long-running operations (a day after they end),
 * refresh tokens (until they expire, 90 days after issue). Without it the store grows with every
 * operation and sign-in for ever.
 *
 * <pre>{@code
 * Retention purge = Retention.start(List.of(lro::purgeFinished, identityRetention::purgeExpired));
 * ...
 * purge.close();
 * }</pre>
 */
public final class Retention implements AutoCloseable {
    /** A finished operation's status answers this long after it ended. */
    public static final Duration OPERATIONS = Duration.ofDays(1);
    /** What the token answer promises ({@code refresh_token_expires_in}). */
    public static final Duration REFRESH_TOKENS = Duration.ofDays(90);
    /** System property (or environment variable AMLSH_SANDBOX_OPERATION_RETENTION_MS) that shortens {@link #OPERATIONS}, for tests. */
    public static final String OPERATIONS_PROPERTY = "amlsh.sandbox.operationRetentionMs";

    private final ScheduledExecutorService timer;

    private Retention(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Runs every purge now (in the background) and then periodically, each on its own; one failing does not stop the others. */
    public static Retention start(List<Runnable> purges) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sandbox-retention");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1_000, Math.min(operations().toMillis() / 2, Duration.ofMinutes(10).toMillis()));
        for (Runnable purge : purges) {
            timer.scheduleWithFixedDelay(() -> {
                try {
                    purge.run();
                } catch (RuntimeException e) {
                    // store busy or closing; the next round tries again
                }
            }, 0, every, TimeUnit.MILLISECONDS);
        }
        return new Retention(timer);
    }

    /** How long finished operations are kept: {@link #OPERATIONS} unless shortened for a test. */
    public static Duration operations() {
        String ms = System.getProperty(OPERATIONS_PROPERTY, System.getenv("AMLSH_SANDBOX_OPERATION_RETENTION_MS"));
        if (ms != null) {
            try {
                return Duration.ofMillis(Math.max(0, Long.parseLong(ms.trim())));
            } catch (NumberFormatException e) {
                return OPERATIONS;
            }
        }
        return OPERATIONS;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
