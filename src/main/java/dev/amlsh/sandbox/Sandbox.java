package dev.amlsh.sandbox;

import dev.amlsh.sandbox.faults.Faults;
import dev.amlsh.sandbox.identity.ClientCertificate;
import dev.amlsh.sandbox.identity.IdentityService;
import dev.amlsh.sandbox.identity.RefreshTokenRetention;
import dev.amlsh.sandbox.lro.LroEngine;
import dev.amlsh.sandbox.provider.ProviderContext;
import dev.amlsh.sandbox.provider.ProviderHandler;
import dev.amlsh.sandbox.provider.ProviderHandlers;
import dev.amlsh.sandbox.provider.ProviderRegistry;
import dev.amlsh.sandbox.provider.resources.ResourcesApi;
import dev.amlsh.sandbox.server.SandboxLog;
import dev.amlsh.sandbox.server.SandboxServer;
import dev.amlsh.sandbox.server.TlsMaterial;
import dev.amlsh.sandbox.store.PrivateFiles;
import dev.amlsh.sandbox.store.Retention;
import dev.amlsh.sandbox.store.SandboxStore;
import dev.amlsh.sandbox.store.SqliteStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The sandbox cloud: a local, ARM-compatible HTTPS endpoint on 127.0.0.1 with its own tenant,
 * subscriptions and token endpoint. Several sandboxes (in this or other processes) may share one
 * home; they see the same state.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.start(new SandboxOptions(null, 0, Duration.ZERO))) {
 *     URI arm = sandbox.endpoint();               // https://127.0.0.1:53123/
 *     Path trust = sandbox.certificatePem();      // trust this certificate
 *     SandboxIdentity me = sandbox.defaultIdentity();
 * }
 * }</pre>
 */
public final class Sandbox implements AutoCloseable {
    private static final String DATABASE = "sandbox.db";

    private final SandboxOptions options;
    private final SandboxStore store;
    private final LroEngine lro;
    private final IdentityService identity;
    private final ResourcesApi resources;
    private final SandboxServer server;
    private final Path certificatePem;
    private final Faults faults;
    private ClientCertificate ciCertificate;
    private Retention retention;
    private SandboxLog log;

    private Sandbox(SandboxOptions options, SandboxStore store, LroEngine lro, IdentityService identity, ResourcesApi resources,
                    SandboxServer server, Path certificatePem, Faults faults) {
        this.faults = faults;
        this.options = options;
        this.store = store;
        this.lro = lro;
        this.identity = identity;
        this.resources = resources;
        this.server = server;
        this.certificatePem = certificatePem;
    }

    /** Starts a sandbox: opens (and seeds, the first time) its state, then serves HTTPS on 127.0.0.1. */
    public static Sandbox start(SandboxOptions options) throws IOException {
        return start(options, List.of());
    }

    /** As {@link #start(SandboxOptions)}, with extra handlers that replace built-in ones of the same namespace. */
    static Sandbox start(SandboxOptions options, List<ProviderHandler> extra) throws IOException {
        Path home = options.home() == null ? null : PrivateFiles.directory(options.home().toAbsolutePath());
        // A fresh home's two certificates are made by keytool (about 2 s each): beside each other and the seeding.
        java.util.concurrent.CompletableFuture<ClientCertificate> ciLater =
                aside("sandbox-ci-certificate", () -> ClientCertificate.loadOrCreate(home, SandboxSeed.CI_APP_NAME));
        java.util.concurrent.CompletableFuture<TlsMaterial> tlsLater = aside("sandbox-tls", () -> TlsMaterial.loadOrCreate(home));
        SandboxStore store = SqliteStore.open(home == null ? null : home.resolve(DATABASE));
        LroEngine lro = null;
        try {
            lro = new LroEngine(store, options.lroDelay());
            List<ProviderHandler> handlers = new ArrayList<>(ProviderHandlers.builtIn());
            handlers.addAll(extra);
            ProviderRegistry registry = new ProviderRegistry(handlers, new ProviderContext(store, lro, SandboxSeed.TENANT_ID));
            ResourcesApi resources = new ResourcesApi(store, lro, registry, options.lroDelay());
            IdentityService identity = new IdentityService(store, home, SandboxSeed.TENANT_ID);
            Seeder.seedIfEmpty(store, identity, resources);
            Seeder.addManagedIdentities(store, identity);
            lro.resume();
            ClientCertificate ciCertificate = joined(ciLater);
            identity.registerCertificate(SandboxSeed.CI_CLIENT_ID, ciCertificate.encoded());
            if (home != null) {
                for (String f : new String[] {DATABASE, DATABASE + "-wal", DATABASE + "-shm"}) {
                    PrivateFiles.restrictFile(home.resolve(f));
                }
            }
            TlsMaterial tls = joined(tlsLater);
            Faults faults = new Faults(store, lro);
            SandboxServer server = SandboxServer.start(options.port(), tls.sslContext(), identity, resources, registry, lro, faults);
            Sandbox started = new Sandbox(options, store, lro, identity, resources, server, tls.certificatePem(), faults);
            started.ciCertificate = ciCertificate;
            started.log = SandboxLog.open(home, server.endpoint().getPort());
            started.retention = Retention.start(List.of(lro::purgeFinished, new RefreshTokenRetention(store)::purgeExpired));
            return started;
        } catch (IOException | RuntimeException e) {
            if (lro != null) {
                lro.close();
            }
            store.close();
            throw e;
        }
    }

    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    /** Runs {@code work} on a thread of its own (the common pool may have one worker on two cores). */
    private static <T> java.util.concurrent.CompletableFuture<T> aside(String name, IoSupplier<T> work) {
        java.util.concurrent.CompletableFuture<T> result = new java.util.concurrent.CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                result.complete(work.get());
            } catch (IOException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return result;
    }

    private static <T> T joined(java.util.concurrent.CompletableFuture<T> later) throws IOException {
        try {
            return later.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** The store file of a sandbox home (what {@code sandbox check} checks and a repairing reset sets aside). */
    public static Path storeFile(Path home) {
        return home.toAbsolutePath().resolve(DATABASE);
    }

    /** The ARM endpoint, with a trailing slash. */
    public URI endpoint() {
        return server.endpoint();
    }

    /** The PEM of the server certificate (SAN ip 127.0.0.1, dns localhost) for clients to trust. */
    public Path certificatePem() {
        return certificatePem;
    }

    /** The OAuth 2.0 token endpoint (client-credentials grant), under the ADFS-style authority {@code /adfs}. */
    public URI tokenEndpoint() {
        return endpoint().resolve("adfs/oauth2/token");
    }

    /** The PEM (private key and certificate) the service principal amlsh-ci can sign in with instead of its secret. */
    public Path servicePrincipalCertificate() {
        return ciCertificate.pem();
    }

    /** The App Service style managed-identity endpoint: what {@code IDENTITY_ENDPOINT} names on this "machine". */
    public URI managedIdentityEndpoint() {
        return endpoint().resolve("adfs/msi/token");
    }

    /** The secret {@code IDENTITY_HEADER} holds for {@link #managedIdentityEndpoint()}. */
    public String managedIdentityHeader() {
        return identity.managedIdentityHeader();
    }

    /** The page that approves a device code ({@code ?user_code=...&username=...}; no password in the sandbox). */
    public URI deviceLoginPage() {
        return endpoint().resolve("adfs/devicelogin");
    }

    /** Revokes every token issued so far to this client (and its secret): the next request says "sign in again". */
    public void revokeSignIn(String clientId) {
        identity.revokeSignIn(clientId);
    }

    /** The signed-in-by-default user, Owner of both subscriptions. */
    public SandboxIdentity defaultIdentity() {
        return SandboxSeed.admin();
    }

    public String tenantId() {
        return SandboxSeed.TENANT_ID;
    }

    /** The options it was started with. */
    public SandboxOptions options() {
        return options;
    }

    /** The fault rules of this sandbox's home (shared with every sandbox on it). */
    public Faults faults() {
        return faults;
    }

    /** Serves the control endpoints under {@code /amlsh-sandbox/} for the admin, acting on {@code control}. */
    public void control(dev.amlsh.sandbox.server.SandboxControl control) {
        server.control(control);
    }

    /** Requests served since the start. */
    public long requestsServed() {
        return server.requestsServed();
    }

    /** How long no request has been in flight. */
    public Duration idleFor() {
        return server.idleFor();
    }

    /** Wipes all state and seeds it again, in one transaction (other processes never see it empty). */
    public void reset() {
        Seeder.reset(store, identity, resources);
        identity.registerCertificate(SandboxSeed.CI_CLIENT_ID, ciCertificate.encoded());
    }

    @Override
    public void close() {
        if (retention != null) {
            retention.close();
        }
        if (log != null) {
            log.close();
        }
        server.close();
        lro.close();
        store.close();
    }

    /** The store, for tests that plant resources other providers would create. */
    SandboxStore store() {
        return store;
    }

    /** A token with chosen times, for tests of expiry. */
    String mintToken(String clientId, Instant issuedAt, Duration lifetime) {
        return identity.mintToken(clientId, "https://management.azure.com/", issuedAt, lifetime, endpoint());
    }
}
