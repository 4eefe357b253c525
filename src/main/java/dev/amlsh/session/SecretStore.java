package dev.amlsh.session;

import com.microsoft.aad.msal4jextensions.persistence.linux.KeyRingAccessor;
import com.sun.jna.Platform;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * A service principal's secret (client secret or federated token), kept in the OS keyring and
 * nowhere else: where there is no keyring, it is not kept at all and the next process says how to
 * sign in without it (environment variables, or a certificate).
 *
 * <pre>{@code
 * SecretStore secrets = SecretStore.of(home, System.getenv());
 * boolean kept = secrets.put(clientId, secret);
 * }</pre>
 */
public final class SecretStore {
    private static final String SCHEMA = "dev.amlsh.secret";
    private final AmlshHome home;
    private final boolean keyringAllowed;

    private SecretStore(AmlshHome home, boolean keyringAllowed) {
        this.home = home;
        this.keyringAllowed = keyringAllowed;
    }

    public static SecretStore of(AmlshHome home, Map<String, String> env) {
        return new SecretStore(home, !"1".equals(env.get(TokenCache.NO_KEYRING)));
    }

    /** Keeps the secret of {@code clientId}; false when there is no keyring to keep it in. */
    public boolean put(String clientId, String secret) {
        try {
            KeyRingAccessor k = keyring(clientId).orElse(null);
            if (k == null) {
                return false;
            }
            k.write(secret.getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (Throwable noKeyring) {
            return false;
        }
    }

    public Optional<String> get(String clientId) {
        try {
            byte[] kept = keyring(clientId).map(KeyRingAccessor::read).orElse(null);
            return kept == null || kept.length == 0 ? Optional.empty() : Optional.of(new String(kept, StandardCharsets.UTF_8));
        } catch (Throwable noKeyring) {
            return Optional.empty();
        }
    }

    public void remove(String clientId) {
        try {
            keyring(clientId).ifPresent(KeyRingAccessor::delete);
        } catch (Throwable noKeyring) {
            // nothing was kept
        }
    }

    private Optional<KeyRingAccessor> keyring(String clientId) {
        if (!keyringAllowed || !Platform.isLinux() || clientId == null) {
            return Optional.empty();
        }
        // The extension touches this file when it writes; it holds no secret.
        String marker = home.root().resolve(".secrets-changed").toString();
        return Optional.of(new KeyRingAccessor(marker, "default", SCHEMA, "amlsh service principal " + clientId,
                "AmlshHome", home.root().toString(), "ClientId", clientId.toLowerCase(java.util.Locale.ROOT)));
    }
}
