package dev.amlsh.complete;

import dev.amlsh.command.Dispatcher;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Completion wired to a dispatcher: the index (loaded from the cache file), its refresher, the
 * observer that applies the shell's own creates and deletes, and the line completer.
 * <ul>
 *   <li>{@link #forShell}: refreshes in the background, starting with the current subscription</li>
 *   <li>{@link #oneShot}: for {@code amlsh --complete}: answers from the cache, listing synchronously
 *       only when the cache is missing or stale</li>
 *   <li>{@link #tracking}: for one-shot commands: applies their changes to an existing cache</li>
 * </ul>
 *
 * <pre>{@code
 * try (Completions c = Completions.forShell(dispatcher, home.cache().resolve("index.json"), env)) {
 *     c.completer().complete("group show -g ", 14);
 * }
 * }</pre>
 */
public final class Completions implements AutoCloseable {
    /** Default age after which a subscription's listing is refreshed. */
    static final Duration DEFAULT_TTL = Duration.ofSeconds(120);
    private final Dispatcher dispatcher;
    private final ResourceIndex index;
    private final IndexRefresher refresher;
    private final LineCompleter completer;
    private final Path cacheFile;

    private Completions(Dispatcher dispatcher, Path cacheFile, Map<String, String> env, boolean background) {
        this.dispatcher = dispatcher;
        this.cacheFile = cacheFile;
        this.index = new ResourceIndex(ttl(env), Clock.systemUTC());
        if (cacheFile != null) {
            IndexCache.load(cacheFile, index);
        }
        this.refresher = background ? IndexRefresher.background(index, () -> new InventoryIndexSource(dispatcher.azure().inventory()))
                : IndexRefresher.inline(index, () -> new InventoryIndexSource(dispatcher.azure().inventory()));
        this.completer = new LineCompleter(dispatcher::tree, index, () -> dispatcher.session().state())
                .dialects(dispatcher::completionTree);
        dispatcher.addListener(new IndexObserver(index));
    }

    /**
     * The shell's completion: refreshes in the background and keeps the cache file written. The
     * shell calls {@link #warmUp()} once its prompt is up.
     */
    public static Completions forShell(Dispatcher dispatcher, Path cacheFile, Map<String, String> env) {
        Completions c = new Completions(dispatcher, cacheFile, env, true);
        c.index.onStale(c.refresher::request);
        c.refresher.afterRefresh(c::saveQuietly);
        c.dispatcher.addListener(event -> c.refresher.submit(c::saveQuietly));
        return c;
    }

    /** One-shot {@code --complete}: the cache, or one synchronous listing when it is missing or stale. */
    public static Completions oneShot(Dispatcher dispatcher, Path cacheFile, Map<String, String> env) {
        Completions c = new Completions(dispatcher, cacheFile, env, false);
        c.index.onStale(sub -> {
            if (dispatcher.session().state().signedIn()) {
                c.refresher.request(sub);
            }
        });
        return c;
    }

    /** One-shot commands: no listing, but their creates and deletes reach an existing cache. */
    public static Completions tracking(Dispatcher dispatcher, Path cacheFile) {
        return new Completions(dispatcher, cacheFile, Map.of(), false);
    }

    public LineCompleter completer() {
        return completer;
    }

    public ResourceIndex index() {
        return index;
    }

    public IndexRefresher refresher() {
        return refresher;
    }

    /** Starts listing the current subscription (in the background), so the first Tab finds it filled. */
    public void warmUp() {
        String current = dispatcher.session().state().subscriptionId();
        if (dispatcher.session().state().signedIn() && current != null && !index.isFresh(current)) {
            refresher.request(current);
        }
    }

    private void saveQuietly() {
        if (cacheFile == null || !index.takeChanged()) {
            return;
        }
        try {
            IndexCache.save(cacheFile, index);
        } catch (IOException | RuntimeException e) {
            // A cache that cannot be written only makes one-shot completion slower.
        }
    }

    @Override
    public void close() {
        refresher.await(Duration.ofSeconds(2));
        refresher.close();
        saveQuietly();
    }

    static Duration ttl(Map<String, String> env) {
        try {
            String v = env.get("AMLSH_INDEX_TTL_SECONDS");
            return v == null || v.isBlank() ? DEFAULT_TTL : Duration.ofSeconds(Math.max(0, Long.parseLong(v.trim())));
        } catch (NumberFormatException e) {
            return DEFAULT_TTL;
        }
    }
}
