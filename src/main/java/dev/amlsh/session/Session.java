package dev.amlsh.session;

import dev.amlsh.sandbox.Sandbox;
import dev.amlsh.sandbox.SandboxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The signed-in session: cloud, identity, subscription, current group and defaults, kept in
 * {@code config.json}. It starts the sandbox cloud on first use when the active cloud is the
 * sandbox, and hands out the {@link Connection} every SDK client is built from.
 *
 * <pre>{@code
 * try (Session session = Session.open(AmlshHome.fromEnvironment(System.getenv()), Duration.ZERO)) {
 *     session.update(session.state().withDefault("group", "rg1"));
 * }
 * }</pre>
 */
public final class Session implements AutoCloseable {
    private final AmlshHome home;
    private final Duration sandboxLroDelay;
    private final List<String> warnings = new ArrayList<>();
    // volatile so the prompt reads it while a background warm-up holds the lock starting the sandbox
    private volatile SessionState state;
    private Sandbox sandbox;
    private Connection connection;
    /** The state {@link #connection} was made for: another sign-in (in any shell of the home) needs a new one. */
    private SessionState connectedAs;
    private final Object configLock = new Object();
    private Object configStamp;
    /** A secret given at login; never written anywhere, gone when the shell ends. */
    private String transientSecret;

    private Session(AmlshHome home, Duration sandboxLroDelay, SessionState state) {
        this.home = home;
        this.sandboxLroDelay = sandboxLroDelay;
        this.state = state;
    }

    /** Opens the session stored in {@code home}; a corrupt config gives a warning and a fresh session. */
    public static Session open(AmlshHome home, Duration sandboxLroDelay) {
        ConfigStore.Loaded loaded = ConfigStore.load(home.config(), Cloud.SANDBOX);
        Session session = new Session(home, sandboxLroDelay, loaded.state());
        session.configStamp = ConfigStore.stamp(home.config());
        loaded.warning().ifPresent(session.warnings::add);
        return session;
    }

    public AmlshHome home() {
        return home;
    }

    public SessionState state() {
        refresh();
        return state;
    }

    /** Warnings from opening the session (a corrupt config, say), to show once. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public Cloud cloud() {
        SessionState current = state();
        return Cloud.find(current.cloud(), current.customClouds()).orElseThrow();
    }

    /**
     * Saves what {@code next} changes in the current state, at once: the file is read again under a
     * lock and only those changes are applied to it, so what other shells on the home saved stays.
     */
    public synchronized void update(SessionState next) {
        synchronized (configLock) {
            SessionState merged;
            try {
                merged = ConfigStore.change(home.config(), Cloud.SANDBOX, state, next);
            } catch (IOException e) {
                state = next;
                throw new UncheckedIOException(LocalFiles.cannotSave(home.config(), e), e);
            }
            state = merged;
            configStamp = ConfigStore.stamp(home.config());
        }
    }

    /** Takes in what other shells saved to config.json since this one last read or wrote it. */
    private void refresh() {
        synchronized (configLock) {
            Object now = ConfigStore.stamp(home.config());
            if (now != null && !now.equals(configStamp)) {
                configStamp = now;
                ConfigStore.read(home.config()).ifPresent(read -> state = read);
            }
        }
    }

    /** The connection to the active cloud as the signed-in identity, starting the sandbox first when needed. */
    public synchronized Connection connection() {
        SessionState current = state();
        if (connection != null && !sameSignIn(current, connectedAs)) {
            connection = null;
            transientSecret = null;
        }
        if (connection != null) {
            return connection;
        }
        connectedAs = current;
        Identity who = current.identity();
        if (who == null) {
            if (!cloud().isSandbox()) {
                throw new SignInException("You are not signed in to " + cloud().name());
            }
            who = new Identity(null, "user", null, Identity.SANDBOX);
        }
        connection = connectionFor(who, transientSecret, current.tenantId(), message -> { });
        return connection;
    }

    private static boolean sameSignIn(SessionState a, SessionState b) {
        return b != null && a.cloud().equals(b.cloud()) && java.util.Objects.equals(a.identity(), b.identity())
                && java.util.Objects.equals(a.tenantId(), b.tenantId());
    }

    /**
     * A connection to the active cloud as {@code who}, not kept: {@code login} tries it before the
     * session switches to it.
     *
     * @param secret a client secret or certificate path given at login, held in memory only
     * @param prompt where an interactive sign-in (device code) shows its instructions
     */
    public synchronized Connection connectionFor(Identity who, String secret, String tenant, java.util.function.Consumer<String> prompt) {
        Cloud cloud = cloud();
        try {
            if (cloud.isSandbox()) {
                Sandbox running = sandbox();
                var ssl = PemTrust.sslContext(running.certificatePem());
                String given = Identity.MANAGED_IDENTITY.equals(who.method()) ? running.managedIdentityHeader() : secret;
                var credential = Credentials.build(cloud, running.endpoint().toString(), ssl, who, given, "adfs", prompt);
                return new Connection(cloud, running.endpoint(), credential, ssl, running.tenantId());
            }
            var ssl = cloud.caCertificate() == null ? null : PemTrust.sslContext(java.nio.file.Path.of(cloud.caCertificate()));
            String authority = cloud.isAdfs() ? cloud.authority().replaceAll("/+$", "").replaceAll("(?i)/adfs$", "")
                    : cloud.authority();
            var credential = Credentials.build(cloud, authority, ssl, who, secret, tenant, prompt);
            return new Connection(cloud, URI.create(cloud.resourceManager()), credential, ssl,
                    tenant == null ? "organizations" : tenant);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot trust the certificate of " + cloud.name() + ": " + e.getMessage(), e);
        }
    }

    /** Makes a tried sign-in the session's: its connection, and its secret held in memory only. */
    public synchronized void signIn(Connection tried, String secret, SessionState next) {
        update(next);
        transientSecret = secret;
        connection = tried;
        connectedAs = state;
    }

    /** The sandbox of this session's home, started on first call. */
    public synchronized Sandbox sandbox() {
        if (sandbox == null) {
            try {
                home.ensureExists();
                sandbox = Sandbox.start(new SandboxOptions(home.sandbox(), 0, sandboxLroDelay));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the sandbox cloud in " + home.sandbox() + ": " + e.getMessage(), e);
            }
        }
        return sandbox;
    }

    public synchronized Optional<Sandbox> runningSandbox() {
        return Optional.ofNullable(sandbox);
    }

    public Optional<URI> endpoint() {
        return Optional.ofNullable(connection).map(Connection::resourceManager);
    }

    @Override
    public synchronized void close() {
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
        connection = null;
    }
}
