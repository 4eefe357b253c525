package dev.amlsh.command;

import dev.amlsh.session.Session;
import dev.amlsh.session.SessionState;

/**
 * What a fresh home says once, at the first prompt: which cloud, who is signed in, the
 * subscription, and where to start ({@code tour}, {@code help}).
 *
 * <pre>{@code
 * if (firstRun) err.print(Greeting.text(session));
 * }</pre>
 */
public final class Greeting {
    private Greeting() {
    }

    /** The greeting while the first sign-in to the sandbox is still under way (the sandbox may be starting). */
    public static String whileSigningIn(Session session) {
        return text(session, "signing in to the sandbox as " + dev.amlsh.sandbox.contract.Seed.ADMIN_USER
                + " (starting it on first use takes a few seconds)", dev.amlsh.sandbox.contract.Seed.SUBSCRIPTION_NAME
                + " (once signed in)");
    }

    public static String text(Session session) {
        SessionState s = session.state();
        String who = s.signedIn() && s.identity() != null ? s.identity().name() : "nobody yet ('login' signs in)";
        return text(session, who, s.currentSubscription().map(x -> x.name() + " (" + x.id() + ")").orElse("none"));
    }

    private static String text(Session session, String who, String subscription) {
        String cloud = session.cloud().name() + (session.cloud().isSandbox() ? ", the local practice cloud: nothing here costs money" : "");
        return "Welcome to amlsh.\n"
                + "  Cloud:        " + cloud + "\n"
                + "  Signed in as: " + who + "\n"
                + "  Subscription: " + subscription + "\n"
                + "Type 'tour' to walk the workspace workflow step by step ('tour --v2' for today's CLI v2),\n"
                + "'help' for the commands; Tab completes commands, options, names and IDs.\n";
    }
}
