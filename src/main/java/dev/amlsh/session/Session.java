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
    /** The state {@link #connection} was made for: another sign-in (in any shell of the home) needs a new one. */
    private SessionState connectedAs;
    private final Object configLock = new Object();
    private Object configStamp;
    /** A secret given at login; written nowhere but a keyring (see {@link SecretStore}), gone when the shell ends. */
    private String transientSecret;
    private final java.util.Map<String, String> env;
    private final TokenCache tokenCache;
    private final SecretStore secrets;

    private Session(AmlshHome home, SessionState state, SandboxStarter starter, java.util.Map<String, String> env) {
        this.home = home;
        this.state = state;
        this.launcher = new SandboxLauncher(home.sandbox(), starter);
        this.env = env;
        this.tokenCache = TokenCache.of(home, env);
        this.secrets = SecretStore.of(home, env);
    }

    /** Opens the session stored in {@code home}; a corrupt config gives a warning and a fresh session. */
    public static Session open(AmlshHome home, Duration sandboxLroDelay) {
        return open(home, sandboxLroDelay, System.getenv());
    }

    /**
     * As above, with the environment: its {@code AZURE_*} credentials are used when nobody signed in,
     * and a fresh home with them starts on the cloud of {@code AZURE_AUTHORITY_HOST} (Azure by default).
     */
    public static Session open(AmlshHome home, Duration sandboxLroDelay, java.util.Map<String, String> env) {
        return open(home, SandboxLauncher.starterFor(home, sandboxLroDelay), env);
    }

    /** As {@link #open(AmlshHome, Duration)}, starting the home's sandbox (when none runs) with {@code starter}. */
    public static Session open(AmlshHome home, Duration sandboxLroDelay, SandboxStarter starter) {
        return open(home, starter, System.getenv());
    }

    /** The session of {@code home}: its sandbox started (when none runs) with {@code starter}; credentials from {@code env}. */
    public static Session open(AmlshHome home, SandboxStarter starter, java.util.Map<String, String> env) {
        boolean fresh = !java.nio.file.Files.exists(home.config());
        String first = fresh && EnvironmentSignIn.detect(env).isPresent() ? EnvironmentSignIn.cloudFor(env) : Cloud.SANDBOX;
        ConfigStore.Loaded loaded = ConfigStore.load(home.config(), first);
        Session session = new Session(home, loaded.state(), starter, java.util.Map.copyOf(env));
        session.configStamp = ConfigStore.stamp(home.config());
        loaded.warning().ifPresent(session.warnings::add);
        return session;
    }

    /** Where user sign-ins keep their tokens between processes. */
    public TokenCache tokenCache() {
        return tokenCache;
    }

    /** Where service principals' secrets are kept (a keyring only). */
    public SecretStore secrets() {
        return secrets;
    }

    /** The service principal the environment's AZURE_* variables name for the active cloud, if any. */
    public java.util.Optional<Identity> environmentIdentity() {
        return EnvironmentSignIn.appliesTo(cloud(), env) ? EnvironmentSignIn.detect(env) : java.util.Optional.empty();
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
        if (connection != null && connection.isSandbox() && (localCloud() != connectedTo)) {
            connection = null; // the sandbox was stopped or replaced since: connect to the one running now
        }
        if (connection != null) {
            return connection;
        }
        connectedAs = current;
        Identity who = current.identity();
        String secret = transientSecret;
        if (who == null) {
            who = environmentIdentity().orElse(null);
        }
        if (who == null) {
            if (!cloud().isSandbox()) {
                throw new SignInException("You are not signed in to " + cloud().name() + "; sign in with 'login', or set "
                        + "AZURE_CLIENT_ID, AZURE_TENANT_ID and AZURE_CLIENT_SECRET or AZURE_FEDERATED_TOKEN_FILE");
            }
            who = new Identity(null, "user", null, Identity.SANDBOX);
        } else if ((Identity.ENVIRONMENT.equals(who.method()) || Identity.WORKLOAD_IDENTITY.equals(who.method()))
                && !who.equals(environmentIdentity().orElse(null))) {
            throw new SignInException("The AZURE_* environment variables that signed in " + who.clientId()
                    + " are not set in this process; set them again, or sign in with 'login'");
        } else if (secret == null && (Identity.SECRET.equals(who.method()) && !cloud().isSandbox()
                || Identity.FEDERATED.equals(who.method()))) {
            secret = secrets.get(who.clientId()).orElse(null);
        }
        // No prompt: only 'login' asks the user; here a user sign-in renews its tokens from the cache.
        connection = connectionFor(who, secret, current.tenantId(), null);
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
     * @param prompt where an interactive sign-in (device code) shows its instructions; null where the user must not be asked
     */
    public synchronized Connection connectionFor(Identity who, String secret, String tenant, java.util.function.Consumer<String> prompt) {
        Cloud cloud = cloud();
        try {
            if (cloud.isSandbox()) {
                RunningSandbox running = (RunningSandbox) localCloud();
                var ssl = PemTrust.sslContext(running.certificate());
                String given = Identity.MANAGED_IDENTITY.equals(who.method()) ? running.identityHeader() : secret;
                java.util.function.Supplier<com.azure.core.credential.TokenCredential> build = () -> Credentials.build(cloud,
                        running.endpoint().toString(), ssl, who, given, "adfs", prompt, tokenCache, env);
                var credential = keptTokens(running, who, secret, build);
                connectedTo = running;
                return new Connection(cloud, running.endpoint(), credential, ssl, running.tenantId());
            }
            var ssl = cloud.caCertificate() == null ? null : PemTrust.sslContext(java.nio.file.Path.of(cloud.caCertificate()));
            String authority = cloud.isAdfs() ? cloud.authority().replaceAll("/+$", "").replaceAll("(?i)/adfs$", "")
                    : cloud.authority();
            var credential = Credentials.build(cloud, authority, ssl, who, secret, tenant, prompt, tokenCache, env);
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
            Identity admin = new Identity(null, "user", null, Identity.SANDBOX);
            var credential = keptTokens(running, admin, null, () -> Credentials.build(sandbox, running.endpoint().toString(), ssl,
                    admin, null, "adfs", message -> { }));
            return new Connection(sandbox, running.endpoint(), credential, ssl, running.tenantId());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot trust the certificate of the sandbox: " + e.getMessage(), e);
        }
    }

    /**
     * The sandbox's tokens kept between processes ({@link SandboxTokens}) for sign-ins whose secret is
     * public anyway: seeded users, the seeded service principal by its well-known secret, managed
     * identities. Any other sign-in asks for its tokens in each process.
     */
    private com.azure.core.credential.TokenCredential keptTokens(LocalCloud running, Identity who, String secret,
                                                               java.util.function.Supplier<com.azure.core.credential.TokenCredential> build) {
        boolean publicSecret = switch (who.method()) {
            case Identity.SANDBOX -> {
                Credentials.seeded(who.name());     // an unknown user is refused at once, as before
                yield true;
            }
            case Identity.SECRET -> secret == null;
            case Identity.MANAGED_IDENTITY -> true;
            default -> false;
        };
        if (!publicSecret || !(running instanceof RunningSandbox service)) {
            return build.get();
        }
        String owner = String.join("|", String.valueOf(service.record().startedAt()), String.valueOf(service.endpoint()),
                who.method(), String.valueOf(who.name()), String.valueOf(who.clientId()));
        return new SandboxTokens(home.cache().resolve(SandboxTokens.DIRECTORY), owner, build);
    }

    /** Makes a tried sign-in the session's: its connection, and its secret held in memory only. */
    public synchronized void signIn(Connection tried, String secret, SessionState next) {
        update(next);
        transientSecret = secret;
        connection = tried;
        connectedAs = state;
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
