package dev.amlsh.sandbox;

import dev.amlsh.sandbox.faults.FaultRule;
import dev.amlsh.sandbox.faults.FaultSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code amlsh sandbox serve}: runs a sandbox in the foreground for any ARM client (Azure CLI, SDKs,
 * Terraform) and prints how to reach it.
 *
 * <pre>{@code
 * int exit = SandboxServe.serve(new SandboxOptions(home, 8443, Duration.ofSeconds(2)), System.out);
 * }</pre>
 */
public final class SandboxServe {
    private SandboxServe() {
    }

    /** Serves until interrupted, without printing the client secret; returns the exit code. */
    public static int serve(SandboxOptions options, PrintStream out) {
        return serve(options, out, false);
    }

    /** Serves until interrupted (or the JVM stops); prints the secret only when {@code showSecret}. */
    public static int serve(SandboxOptions options, PrintStream out, boolean showSecret) {
        return serve(options, out, showSecret, List.of());
    }

    /** As above, adding these fault rules to the home's rules once started. */
    public static int serve(SandboxOptions options, PrintStream out, boolean showSecret, List<FaultRule> faults) {
        return serve(new SandboxService.Settings(options.home(), options.port(), 0, options.lroDelay(), java.time.Duration.ZERO,
                dev.amlsh.sandbox.contract.ServiceRecord.FOREGROUND), out, showSecret, faults);
    }

    /**
     * Serves as the service of its home (its record written for clients to find) until stopped: by a
     * signal, {@code sandbox stop}, or the idle timeout.
     */
    public static int serve(SandboxService.Settings settings, PrintStream out, boolean showSecret, List<FaultRule> faults) {
        SandboxService service = null;
        Sandbox sandbox;
        // In the background the service notes its start and stop in its log; in the foreground the banner says it all.
        PrintStream log = dev.amlsh.sandbox.contract.ServiceRecord.BACKGROUND.equals(settings.mode()) ? out
                : new PrintStream(java.io.OutputStream.nullOutputStream(), true, java.nio.charset.StandardCharsets.UTF_8);
        try {
            service = SandboxService.start(settings, log);
            sandbox = service.sandbox();
            for (FaultRule rule : faults) {
                FaultRule added = sandbox.faults().add(rule);
                out.println("Fault " + added.id() + ":         " + FaultSpec.format(added));
            }
        } catch (IOException | RuntimeException e) {
            if (service != null) {
                service.stop("could not start: " + e.getMessage());
            }
            out.println("sandbox: cannot start: " + e.getMessage());
            return 1;
        }
        SandboxService running = service;
        Thread hook = new Thread(() -> running.stop("signal"), "sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        SandboxIdentity id = sandbox.defaultIdentity();
        out.println("ARM endpoint:    " + sandbox.endpoint());
        out.println("Certificate:     " + sandbox.certificatePem());
        out.println("Token endpoint:  " + sandbox.tokenEndpoint());
        out.println("Tenant:          " + sandbox.tenantId());
        out.println("Client ID:       " + id.clientId() + " (" + id.userName() + ")");
        if (showSecret) {
            out.println("Client secret:   " + id.clientSecret());
        }
        // The seeded service principal's secret is as public as Azurite's account key: printed so any client can sign in.
        out.println("Service principal: " + SandboxSeed.CI_CLIENT_ID + " (" + SandboxSeed.CI_APP_NAME + ", Contributor on "
                + SandboxSeed.SUBSCRIPTION_NAME + "), secret " + SandboxSeed.CI_CLIENT_SECRET);
        out.println("Certificate of " + SandboxSeed.CI_APP_NAME + ": " + sandbox.servicePrincipalCertificate()
                + " (login --service-principal -u " + SandboxSeed.CI_CLIENT_ID + " -p <this path>)");
        // As public as the seeded secrets: it only lets programs on this machine act as the sandbox's managed identities.
        out.println("Managed identity: IDENTITY_ENDPOINT=" + sandbox.managedIdentityEndpoint() + " IDENTITY_HEADER="
                + sandbox.managedIdentityHeader());
        out.println("Graph endpoint:  " + sandbox.endpoint() + "graph/");
        out.println("Subscriptions:   " + SandboxSeed.SUBSCRIPTION_ID + " (" + SandboxSeed.SUBSCRIPTION_NAME + "), "
                + SandboxSeed.UNREGISTERED_SUBSCRIPTION_ID + " (" + SandboxSeed.UNREGISTERED_SUBSCRIPTION_NAME + ")");
        AzureCliLines.print(sandbox, out);
        out.println("Press Ctrl-C to stop.");
        out.flush();
        try {
            running.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.stop("interrupted");
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is already stopping it
        }
        return 0;
    }
}
