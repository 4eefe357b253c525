package dev.amlsh.session;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * The sandbox's access tokens, kept between processes of a home so a one-shot command or a script
 * does not sign in again (a token request is a TLS round trip and, before it, the identity
 * library's start-up). Only sign-ins whose secret is public anyway are kept: the seeded sandbox
 * users and service principal, and the sandbox's managed identities. A token is filed under the
 * running service's start (a restarted or reset sandbox gets new ones), the identity and the
 * request, in {@code $AMLSH_HOME/cache/tokens/} (readable only by the user), until five minutes
 * before it expires; {@code logout} removes them. The wrapped credential is built only when a
 * token must really be asked for.
 *
 * <pre>{@code
 * TokenCredential c = new SandboxTokens(home.cache().resolve("tokens"), "start|endpoint|admin", () -> Credentials.build(...));
 * }</pre>
 */
final class SandboxTokens implements TokenCredential {
    static final String DIRECTORY = "tokens";
    private static final Duration MARGIN = Duration.ofMinutes(5);
    private final Path dir;
    private final String owner;
    private final Supplier<TokenCredential> build;
    private final Map<String, AccessToken> inMemory = new ConcurrentHashMap<>();
    private TokenCredential inner;

    /**
     * @param dir   where the tokens are filed
     * @param owner what a token is valid for: the service's start and endpoint, and the identity
     * @param build the credential that asks the sandbox for a token
     */
    SandboxTokens(Path dir, String owner, Supplier<TokenCredential> build) {
        this.dir = dir;
        this.owner = owner;
        this.build = build;
    }

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
        return Mono.fromCallable(() -> getTokenSync(request));
    }

    @Override
    public synchronized AccessToken getTokenSync(TokenRequestContext request) {
        String key = key(request);
        AccessToken kept = inMemory.get(key);
        if (fresh(kept)) {
            return kept;
        }
        kept = read(key);
        if (fresh(kept)) {
            inMemory.put(key, kept);
            return kept;
        }
        if (inner == null) {
            inner = build.get();
        }
        AccessToken token = inner.getTokenSync(request);
        inMemory.put(key, token);
        write(key, token);
        return token;
    }

    /** Removes every kept token of the home ({@code logout}). */
    static void clear(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
        } catch (java.nio.file.NoSuchFileException none) {
            // nothing kept
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot remove the tokens in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static boolean fresh(AccessToken token) {
        return token != null && token.getExpiresAt().isAfter(OffsetDateTime.now().plus(MARGIN));
    }

    private String key(TokenRequestContext request) {
        String text = owner + "|" + String.join(" ", request.getScopes()) + "|" + request.getTenantId() + "|" + request.getClaims();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The kept token, or null when there is none or it cannot be read (then a new one is asked for). */
    private AccessToken read(String key) {
        try {
            JsonObject o = JsonParser.parseString(Files.readString(dir.resolve(key + ".json"))).getAsJsonObject();
            return new AccessToken(o.get("token").getAsString(),
                    OffsetDateTime.ofInstant(Instant.ofEpochSecond(o.get("expiresOn").getAsLong()), ZoneOffset.UTC));
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    /** Files the token atomically; a home that cannot keep it only costs the next process a sign-in. */
    private void write(String key, AccessToken token) {
        JsonObject o = new JsonObject();
        o.addProperty("token", token.getToken());
        o.addProperty("expiresOn", token.getExpiresAt().toEpochSecond());
        try {
            AmlshHome.ensurePrivateDirectory(dir.getParent());   // the home's cache folder, private as every folder there
            AmlshHome.writeAtomically(dir.resolve(key + ".json"), o.toString());
        } catch (IOException | RuntimeException e) {
            // not kept: the next process asks for a token again
        }
    }
}
