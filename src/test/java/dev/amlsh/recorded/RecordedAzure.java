package dev.amlsh.recorded;

import dev.amlsh.sandbox.Sandbox;
import dev.amlsh.sandbox.SandboxSeed;
import dev.amlsh.sandbox.server.TlsMaterial;
import dev.amlsh.session.AmlshHome;
import dev.amlsh.session.PemTrust;
import dev.amlsh.testing.ShellHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * One shell signed in to a cloud whose Resource Manager is a {@link ReplayServer} answering with
 * Azure's recorded answers: the shell starts on its sandbox (as every shell does), then registers
 * the replaying endpoint as a cloud (authority: the sandbox's identity provider, which issues the
 * token) and signs in to it as a service principal, the way a user points amlsh at another cloud.
 *
 * <pre>{@code
 * try (RecordedAzure azure = RecordedAzure.start()) {
 *     azure.server().load(Recording.load(...));
 *     azure.shell().run("ml workspace show -w ws -g rg");
 * }
 * }</pre>
 */
public final class RecordedAzure implements AutoCloseable {
    public static final String CLOUD = "RecordedAzure";
    private final ShellHarness shell;
    private final ReplayServer server;

    private RecordedAzure(ShellHarness shell, ReplayServer server) {
        this.shell = shell;
        this.server = server;
    }

    /** A shell used on its sandbox first, then switched to the replaying cloud and signed in there. */
    public static RecordedAzure start() {
        return start(sh -> { });
    }

    /** As {@link #start()}, running {@code onSandbox} on the sandbox before the switch. */
    public static RecordedAzure start(java.util.function.Consumer<ShellHarness> onSandbox) {
        ShellHarness sh = ShellHarness.signedIn();
        try {
            onSandbox.accept(sh);
            Sandbox sandbox = sh.sandbox();
            TlsMaterial tls = TlsMaterial.loadOrCreate(new AmlshHome(sh.home()).sandbox());
            ReplayServer server = new ReplayServer(tls.sslContext(), sandbox.endpoint(),
                    PemTrust.sslContext(sandbox.certificatePem()));
            String identity = sandbox.endpoint().toString();
            sh.ok("cloud register -n " + CLOUD + " --endpoint-resource-manager " + server.base()
                    + " --endpoint-active-directory " + identity + (identity.endsWith("/") ? "" : "/") + "adfs --ca-cert "
                    + sandbox.certificatePem());
            sh.ok("cloud set -n " + CLOUD);
            sh.ok("login --service-principal -u " + SandboxSeed.CI_CLIENT_ID + " -p " + SandboxSeed.CI_CLIENT_SECRET + " -o none");
            return new RecordedAzure(sh, server);
        } catch (IOException e) {
            sh.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            sh.close();
            throw e;
        }
    }

    public ShellHarness shell() {
        return shell;
    }

    public ReplayServer server() {
        return server;
    }

    /** Loads an extract of {@code src/test/resources/recorded/} (e.g. "machinelearningservices/workspace-create.json"). */
    public RecordedAzure replay(String extract) {
        return replay(extract, Map.of());
    }

    public RecordedAzure replay(String extract, Map<String, String> substitutions) {
        server.load(Recording.load(Recording.root().resolve(extract)), substitutions);
        return this;
    }

    @Override
    public void close() {
        server.close();
        shell.close();
    }
}
