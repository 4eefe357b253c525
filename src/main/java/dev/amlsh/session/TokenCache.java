package dev.amlsh.session;

import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4j.ITokenCacheAccessContext;
import com.microsoft.aad.msal4jextensions.PersistenceSettings;
import com.microsoft.aad.msal4jextensions.PersistenceTokenCacheAccessAspect;
import com.microsoft.aad.msal4jextensions.persistence.linux.KeyRingAccessor;
import com.sun.jna.Platform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Where a user sign-in's tokens (MSAL's token cache: accounts, access and refresh tokens) live
 * between processes: the OS keyring (libsecret on Linux, the keychain on macOS) where there is one;
 * elsewhere {@code $AMLSH_HOME/msal_token_cache.json}, unencrypted and readable only by the user,
 * as the Azure CLI keeps {@code ~/.azure/msal_token_cache.json} on Linux. Built on MSAL's
 * persistence extension, which also locks the cache across processes.
 *
 * <pre>{@code
 * TokenCache cache = TokenCache.of(home, System.getenv());
 * PublicClientApplication.builder(clientId).setTokenCacheAccessAspect(cache.aspect());
 * }</pre>
 */
public final class TokenCache {
    public static final String FILE = "msal_token_cache.json";
    /** Set to 1 to keep tokens in the file even where a keyring exists (tests, machines whose keyring asks for a password). */
    public static final String NO_KEYRING = "AMLSH_NO_KEYRING";
    private static final String SCHEMA = "dev.amlsh.msal.cache";
    private static final String ATTRIBUTE = "AmlshHome";

    private final Path file;
    private final Path sandboxTokens;
    private final boolean keyringAllowed;
    private ITokenCacheAccessAspect aspect;
    private boolean inKeyring;

    private TokenCache(Path file, Path sandboxTokens, boolean keyringAllowed) {
        this.file = file;
        this.sandboxTokens = sandboxTokens;
        this.keyringAllowed = keyringAllowed;
    }

    public static TokenCache of(AmlshHome home, Map<String, String> env) {
        return new TokenCache(home.root().resolve(FILE), home.cache().resolve(SandboxTokens.DIRECTORY), !"1".equals(env.get(NO_KEYRING)));
    }

    public Path file() {
        return file;
    }

    /** MSAL's hook that reads the cache before each use and writes it after each change. */
    public synchronized ITokenCacheAccessAspect aspect() {
        if (aspect == null) {
            aspect = open();
        }
        return aspect;
    }

    /** One line for the user: where the tokens of this sign-in are kept. */
    public synchronized String describe() {
        aspect();
        return inKeyring ? "Your sign-in is kept in the system keyring; 'logout' removes it."
                : "No keyring on this machine: your sign-in is kept unencrypted in " + file
                        + " (readable only by you), as the Azure CLI does on Linux; 'logout' removes it.";
    }

    /** Removes every persisted token: the file, the keyring entry where there is one, the sandbox's kept tokens. */
    public synchronized void clear() {
        SandboxTokens.clear(sandboxTokens);
        if (keyringAllowed && Platform.isLinux()) {
            try {
                keyring().delete();
            } catch (Throwable noKeyring) {
                // nothing was kept there
            }
        }
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.resolveSibling(".lockfile"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file + ": " + e.getMessage(), e);
        }
        aspect = null;
    }

    private ITokenCacheAccessAspect open() {
        try {
            AmlshHome.ensurePrivateDirectory(file.getParent());
            createPrivately(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file + ": " + e.getMessage(), e);
        }
        PersistenceSettings.Builder settings = PersistenceSettings.builder(file.getFileName().toString(), file.getParent());
        if (keyringAllowed && Platform.isLinux()) {
            try {
                // The probe: the extension checks that it can write and read the keyring entry.
                PersistenceTokenCacheAccessAspect kept = new PersistenceTokenCacheAccessAspect(settings
                        .setLinuxKeyring("default", SCHEMA, "amlsh token cache", ATTRIBUTE, file.getParent().toString(), null, null).build());
                inKeyring = true;
                return kept;
            } catch (Throwable noKeyring) {
                // No secret service (no D-Bus session, a container, CI): the file, as the Azure CLI does.
                settings = PersistenceSettings.builder(file.getFileName().toString(), file.getParent());
            }
        } else if (keyringAllowed && Platform.isMac()) {
            settings.setMacKeychain("amlsh", "MSALCache " + file.getParent());
            inKeyring = true;
        }
        if (Platform.isLinux()) {
            settings.setLinuxUseUnprotectedFileAsCacheStorage(true);
        }
        try {
            PersistenceTokenCacheAccessAspect inFile = new PersistenceTokenCacheAccessAspect(settings.build());
            return inKeyring ? inFile : new PrivateFile(inFile, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the token cache " + file + ": " + e.getMessage(), e);
        }
    }

    private KeyRingAccessor keyring() {
        return new KeyRingAccessor(file.toString(), "default", SCHEMA, "amlsh token cache", ATTRIBUTE, file.getParent().toString(),
                null, null);
    }

    /** Created 0600 before MSAL first writes it (MSAL's own file would be created with the umask's 0644). */
    static void createPrivately(Path path) throws IOException {
        try {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException kept) {
            AmlshHome.setPermissions(path, "rw-------");
        } catch (UnsupportedOperationException notPosix) {
            if (!Files.exists(path)) {
                Files.createFile(path);
            }
        }
    }

    /** Keeps the file 0600 after MSAL replaces it (its atomic write makes a new file). */
    private record PrivateFile(ITokenCacheAccessAspect inner, Path file) implements ITokenCacheAccessAspect {
        @Override
        public void beforeCacheAccess(ITokenCacheAccessContext context) {
            inner.beforeCacheAccess(context);
        }

        @Override
        public void afterCacheAccess(ITokenCacheAccessContext context) {
            inner.afterCacheAccess(context);
            if (context.hasCacheChanged()) {
                try {
                    AmlshHome.setPermissions(file, "rw-------");
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot make " + file + " private: " + e.getMessage(), e);
                }
            }
        }
    }
}
