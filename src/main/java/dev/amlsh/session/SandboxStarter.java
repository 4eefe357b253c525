package dev.amlsh.session;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Starts the sandbox service of a home when none runs. The {@link SandboxLauncher} calls it while
 * it holds the home's lock; it returns once the service has written its record.
 * amlsh starts a detached child process; tests may host the service in their own JVM.
 *
 * <pre>{@code
 * SandboxStarter starter = (home, port) -> spawnAndWait(home, port);
 * }</pre>
 */
public interface SandboxStarter {
    /**
     * @param sandboxHome   the sandbox home ({@code $AMLSH_HOME/sandbox})
     * @param preferredPort the port of the previous service of the home (0 for none), to try first
     */
    void start(Path sandboxHome, int preferredPort) throws IOException;

    /** The session that used this starter closed (a background service is left running). */
    default void release() {
    }
}
