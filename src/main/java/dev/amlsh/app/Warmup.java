package dev.amlsh.app;

import dev.amlsh.azure.Azure;
import dev.amlsh.command.Dispatcher;
import dev.amlsh.session.Session;

/**
 * Warms up what the first command of an interactive shell needs while the user types: the
 * sandbox (when it is the active cloud), the SDK pipeline and resource manager, a token, and one
 * ARM round trip over a kept-alive TLS connection. The first command then waits only for the
 * part still running, through the locks of {@link Session#connection()} and {@link Azure#clients()}.
 *
 * <pre>{@code
 * new Repl(dispatcher, home.history()).atFirstPrompt(() -> Warmup.start(dispatcher)).run();
 * }</pre>
 */
final class Warmup implements Runnable {
    /** The group the probe asks about; a HEAD request, so whether it exists changes nothing. */
    private static final String PROBE = "amlsh-warmup-probe";

    private final Dispatcher dispatcher;

    private Warmup(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** Starts the warm-up on a daemon thread, so leaving the shell never waits for it. */
    static Thread start(Dispatcher dispatcher) {
        Thread thread = new Thread(new Warmup(dispatcher), "amlsh-warmup");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void run() {
        Session session = dispatcher.session();
        if (!session.state().signedIn() || !session.cloud().isSandbox()) {
            return;
        }
        try {
            Azure azure = dispatcher.azure();
            azure.clients().rest();
            if (session.state().subscriptionId() != null) {
                azure.groups(null).exists(PROBE);
            }
        } catch (RuntimeException ignored) {
            // The first command that needs the cloud meets the same failure and reports it in one line.
        }
    }
}
