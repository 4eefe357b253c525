package dev.amlsh.session;

import dev.amlsh.sandbox.Sandbox;
import dev.amlsh.sandbox.SandboxIdentity;
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

    private Session(AmlshHome home, Duration sandboxLroDelay, SessionState state) {
        this.home = home;
        this.sandboxLroDelay = sandboxLroDelay;
        this.state = state;
    }

    /** Opens the session stored in {@code home}; a corrupt config gives a warning and a fresh session. */
    public static Session open(AmlshHome home, Duration sandboxLroDelay) {
        ConfigStore.Loaded loaded = ConfigStore.load(home.config(), Cloud.SANDBOX);
        Session session = new Session(home, sandboxLroDelay, loaded.state());
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
        return Cloud.find(state().cloud()).orElseThrow();
    }

    /** Replaces the state and saves it at once. */
    public synchronized void update(SessionState next) {
        boolean cloudChanged = !next.cloud().equals(state.cloud());
        state = next;
        if (cloudChanged) {
            connection = null;
        }
        try {
            ConfigStore.save(home.config(), next);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + home.config() + ": " + e.getMessage(), e);
        }
    }

    /** The connection to the active cloud, starting the sandbox first when it is the active cloud. */
    public synchronized Connection connection() {
        if (connection != null) {
            return connection;
        }
        Cloud cloud = cloud();
        if (!cloud.isSandbox()) {
            throw new SignInException("signing in to " + cloud.name()
                    + " is not available in this build; use 'cloud set --name Sandbox' and 'login --sandbox'");
        }
        Sandbox running = sandbox();
        try {
            SandboxIdentity who = running.defaultIdentity();
            var ssl = PemTrust.sslContext(running.certificatePem());
            var credential = new ClientSecretTokenCredential(running.tokenEndpoint(), ssl, who.clientId(), who.clientSecret());
            connection = new Connection(cloud, running.endpoint(), credential, ssl, running.tenantId());
            return connection;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot trust the sandbox certificate: " + e.getMessage(), e);
        }
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

    /** The sandbox identity that {@code login --sandbox} signs in as. */
    public SandboxIdentity sandboxIdentity() {
        return sandbox().defaultIdentity();
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
