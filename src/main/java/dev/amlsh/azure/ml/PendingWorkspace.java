package dev.amlsh.azure.ml;

import dev.amlsh.core.AmlshException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code --exist-ok} on a workspace whose own creation (or update, or deletion) is still running:
 * waits for that operation to end, as the service finishes it whether anyone polls or not, instead
 * of reporting a half-made workspace as ready. With {@code --no-wait} it says so and does not wait.
 *
 * <pre>{@code
 * existing = PendingWorkspace.settle(parts, existing, o.waitForCompletion(), progress);
 * }</pre>
 */
final class PendingWorkspace {
    private static final Set<String> RUNNING = Set.of("creating", "updating", "deleting", "accepted", "provisioning");
    /** Longer than any workspace creation takes in Azure; then the user is told instead of waiting on. */
    private static final Duration LIMIT = Duration.ofMinutes(30);

    private PendingWorkspace() {
    }

    /** The workspace once no operation runs on it; empty when {@code wait} is false and one still does. */
    static Optional<Workspace> settle(WorkspaceManager.Parts parts, Workspace ws, boolean wait, Consumer<String> progress) {
        if (!running(ws)) {
            return Optional.of(ws);
        }
        String what = "Workspace " + ws.name() + " is still " + ws.provisioningState().toLowerCase(Locale.ROOT);
        if (!wait) {
            progress.accept(what + "; not waiting for it (--no-wait). See 'ml workspace show -w " + ws.name() + "'.");
            return Optional.empty();
        }
        progress.accept(what + "; waiting for it ...");
        Instant deadline = Instant.now().plus(LIMIT);
        long pause = 100;
        Workspace now = ws;
        while (running(now)) {
            if (Instant.now().isAfter(deadline)) {
                throw AmlshException.service(what + " after " + LIMIT.toMinutes() + " minutes.",
                        "See 'ml workspace show -w " + ws.name() + "' and run the command again later.");
            }
            sleep(pause);
            pause = Math.min(pause * 2, 5_000);
            now = parts.find(ws.id()).orElseThrow(() -> AmlshException.notFound("Workspace '" + ws.name()
                    + "' was deleted while amlsh waited for it.", "Run the command again without --exist-ok to create it."));
        }
        if (!"succeeded".equalsIgnoreCase(now.provisioningState())) {
            throw AmlshException.service("Workspace '" + ws.name() + "' exists, but its last operation ended "
                    + now.provisioningState() + ".", "Delete it with 'ml workspace delete' and create it again.");
        }
        return Optional.of(now);
    }

    private static boolean running(Workspace ws) {
        return ws.provisioningState() != null && RUNNING.contains(ws.provisioningState().toLowerCase(Locale.ROOT));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AmlshException.service("Interrupted while waiting for the workspace.", null);
        }
    }
}
