package dev.amlsh.sandbox.identity;

import dev.amlsh.sandbox.store.KeyValue;
import dev.amlsh.sandbox.store.Retention;
import dev.amlsh.sandbox.store.SandboxStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Refresh tokens live as long as the token answer says ({@code refresh_token_expires_in}, 90
 * days): an older one is refused ({@code invalid_grant}) and its record purged in the background,
 * so sign-ins do not grow the store for ever.
 *
 * <pre>{@code
 * Retention.start(List.of(new RefreshTokenRetention(store)::purgeExpired));
 * }</pre>
 */
public final class RefreshTokenRetention {
    /** The key-value space of issued refresh tokens: token → {@code clientId|issuedEpochSecond[|client]}. */
    static final String SPACE = "identity.refresh";
    private static final int BATCH = 500;

    private final SandboxStore store;

    public RefreshTokenRetention(SandboxStore store) {
        this.store = store;
    }

    /** True when a refresh token issued at this second has expired. */
    static boolean expired(long issuedEpochSecond) {
        return Instant.ofEpochSecond(issuedEpochSecond).plus(Retention.REFRESH_TOKENS).isBefore(Instant.now());
    }

    /** Deletes expired (and unreadable) refresh tokens; returns how many. */
    public int purgeExpired() {
        List<String> old = new ArrayList<>();
        for (KeyValue kv : store.listValues(SPACE, "")) {
            String[] issued = kv.value().split("\\|");
            if (issued.length < 2 || !issued[1].matches("\\d{1,18}") || expired(Long.parseLong(issued[1]))) {
                old.add(kv.key());
            }
        }
        for (int i = 0; i < old.size(); i += BATCH) {
            List<String> batch = old.subList(i, Math.min(old.size(), i + BATCH));
            store.inTransaction(() -> {
                batch.forEach(token -> store.deleteValue(SPACE, token));
                return null;
            });
        }
        return old.size();
    }
}
