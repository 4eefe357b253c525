package dev.amlsh.session;

import dev.amlsh.sandbox.contract.ServiceRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The signed-in session: cloud, identity, subscription, current group and defaults, kept in
 * {@code config.json}. It finds (or starts) the home's sandbox service when the active cloud is the
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
    private final List<String> warnings = new ArrayList<>();
    // volatile so the prompt reads it while a background warm-up holds the lock starting the sandbox
    private volatile SessionState state;
    private final SandboxLauncher launcher;
    /** The sandbox service as last found, and the one the connection was made to. */
    private RunningSandbox local;
    private RunningSandbox connectedTo;
    private Connection connection;
    /** A secret given at login; never written anywhere, gone when the shell ends. */
    private String transientSecret;

    private Session(AmlshHome home, SessionState state, SandboxStarter starter) {
        this.home = home;
        this.state = state;
        this.launcher = new SandboxLauncher(home.sandbox(), starter);
    }

    /** Opens the session stored in {@code home}; a corrupt config gives a warning and a fresh session. */
    public static Session open(AmlshHome home, Duration sandboxLroDelay) {
        return open(home, sandboxLroDelay, SandboxLauncher.starterFor(home, sandboxLroDelay));
    }

    /** As {@link #open(AmlshHome, Duration)}, starting the home's sandbox (when none runs) with {@code starter}. */
    public static Session open(AmlshHome home, Duration sandboxLroDelay, SandboxStarter starter) {
        ConfigStore.Loaded loaded = ConfigStore.load(home.config(), Cloud.SANDBOX);
        Session session = new Session(home, loaded.state(), starter);
        loaded.warning().ifPresent(session.warnings::add);
        return session;
    }

    public AmlshHome home() {
        return home;
    }

    public SessionState state() {
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

    /** Replaces the state and saves it at once. */
    public synchronized void update(SessionState next) {
        boolean signInChanged = !next.cloud().equals(state.cloud()) || !java.util.Objects.equals(next.identity(), state.identity());
        state = next;
        if (signInChanged) {
            connection = null;
        }
        try {
            ConfigStore.save(home.config(), next);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + home.config() + ": " + e.getMessage(), e);
        }
    }

    /** The connection to the active cloud as the signed-in identity, starting the sandbox first when needed. */
    public synchronized Connection connection() {
        if (connection != null && connection.isSandbox() && (localCloud() != connectedTo)) {
            connection = null; // the sandbox was stopped or replaced since: connect to the one running now
        }
        if (connection != null) {
            return connection;
        }
        Identity who = state.identity();
        if (who == null) {
            if (!cloud().isSandbox()) {
                throw new SignInException("You are not signed in to " + cloud().name());
            }
            who = new Identity(null, "user", null, Identity.SANDBOX);
        }
        connection = connectionFor(who, transientSecret, state.tenantId(), message -> { });
        return connection;
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
                RunningSandbox running = (RunningSandbox) localCloud();
                var ssl = PemTrust.sslContext(running.certificate());
                String given = Identity.MANAGED_IDENTITY.equals(who.method()) ? running.identityHeader() : secret;
                var credential = Credentials.build(cloud, running.endpoint().toString(), ssl, who, given, "adfs", prompt);
                connectedTo = running;
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

    /**
     * A connection to this home's sandbox as its admin, whatever cloud the session is signed in to:
     * for the sandbox's control operations (the admin's secret is public, as all seeded ones are).
     */
    public synchronized Connection sandboxAdminConnection() {
        try {
            LocalCloud running = localCloud();
            var ssl = PemTrust.sslContext(running.certificate());
            Cloud sandbox = Cloud.find(Cloud.SANDBOX, List.of()).orElseThrow();
            var credential = Credentials.build(sandbox, running.endpoint().toString(), ssl,
                    new Identity(null, "user", null, Identity.SANDBOX), null, "adfs", message -> { });
            return new Connection(sandbox, running.endpoint(), credential, ssl, running.tenantId());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot trust the certificate of the sandbox: " + e.getMessage(), e);
        }
    }

    /** Makes a tried sign-in the session's: its connection, and its secret held in memory only. */
    public synchronized void signIn(Connection tried, String secret, SessionState next) {
        update(next);
        transientSecret = secret;
        connection = tried;
    }

    /**
     * The sandbox service of this session's home, reached over HTTPS only: found through its record,
     * started (detached, shared by every client of the home) when none runs, started again when it
     * was stopped or killed since the last call.
     */
    public synchronized LocalCloud localCloud() {
        if (local == null || !launcher.stillCurrent(local)) {
            try {
                home.ensureExists();
                local = launcher.ensureRunning();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the sandbox cloud in " + home.sandbox() + ": " + e.getMessage(), e);
            }
        }
        return local;
    }

    /** The record of the home's running sandbox service, without starting one. */
    public Optional<ServiceRecord> runningSandbox() {
        return launcher.running();
    }

    /** Waits until the sandbox service of {@code record} has stopped; false if it has not after {@code limit}. */
    public boolean awaitSandboxGone(ServiceRecord record, Duration limit) {
        return launcher.awaitGone(record, limit);
    }

    public Optional<URI> endpoint() {
        return Optional.ofNullable(connection).map(Connection::resourceManager);
    }

    @Override
    public synchronized void close() {
        // The sandbox service stays for the home's other clients; it stops on 'sandbox stop' or when idle.
        launcher.starter().release();
        connection = null;
    }
}
