package dev.amlsh.sandbox;

import dev.amlsh.sandbox.faults.FaultRule;
import dev.amlsh.sandbox.faults.FaultSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;

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
        Sandbox sandbox;
        try {
            sandbox = Sandbox.start(options);
            for (FaultRule rule : faults) {
                FaultRule added = sandbox.faults().add(rule);
                out.println("Fault " + added.id() + ":         " + FaultSpec.format(added));
            }
        } catch (IOException | RuntimeException e) {
            out.println("sandbox: cannot start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "sandbox-shutdown");
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
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already closing it
                return 0;
            }
            sandbox.close();
        }
        return 0;
    }
}
