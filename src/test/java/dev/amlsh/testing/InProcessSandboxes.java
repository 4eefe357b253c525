package dev.amlsh.testing;

import dev.amlsh.sandbox.Sandbox;
import dev.amlsh.sandbox.SandboxService;
import dev.amlsh.sandbox.contract.ServiceRecord;
import dev.amlsh.session.SandboxStarter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Hosts each test home's sandbox service in the test JVM: the same service (record in the home,
 * control endpoints, HTTPS only) that amlsh starts as a background process, without a JVM per
 * home. It runs while any session of the home is open and stops when the last one closes. A
 * child process of a test (an {@code amlsh -c}) finds it through the record like any client.
 * Sessions opened in the test JVM use it through the system property that surefire sets
 * ({@code amlsh.sandbox.starter}).
 *
 * <pre>{@code
 * Session s = Session.open(home, Duration.ZERO, InProcessSandboxes.create(home.sandbox(), Duration.ZERO));
 * Sandbox sandbox = InProcessSandboxes.sandbox(home.sandbox());   // for tests that plant state directly
 * }</pre>
 */
public final class InProcessSandboxes {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);

    private static final class Hosted {
        int sessions;
        SandboxService service;
    }

    private static final Map<Path, Hosted> HOMES = new HashMap<>();

    private InProcessSandboxes() {
    }

    /** The starter of one session of {@code sandboxHome} (what {@code amlsh.sandbox.starter} names). */
    public static SandboxStarter create(Path sandboxHome, Duration lroDelay) {
        Path home = sandboxHome.toAbsolutePath().normalize();
        synchronized (HOMES) {
            HOMES.computeIfAbsent(home, k -> new Hosted()).sessions++;
        }
        return new SandboxStarter() {
            private boolean released;

            @Override
            public void start(Path ignored, int preferredPort) throws IOException {
                synchronized (HOMES) {
                    Hosted h = HOMES.computeIfAbsent(home, k -> new Hosted());
                    if (h.service != null) {
                        h.service.stop("replaced");
                    }
                    h.service = SandboxService.start(new SandboxService.Settings(home, 0, preferredPort, lroDelay, Duration.ZERO,
                            ServiceRecord.BACKGROUND), QUIET);
                }
            }

            @Override
            public void release() {
                synchronized (HOMES) {
                    if (released) {
                        return;
                    }
                    released = true;
                    Hosted h = HOMES.get(home);
                    if (h != null && --h.sessions <= 0) {
                        HOMES.remove(home);
                        if (h.service != null) {
                            h.service.stop("its last test session closed");
                        }
                    }
                }
            }
        };
    }

    /** The sandbox this JVM hosts for {@code sandboxHome} (a session of the home must have reached it first). */
    public static Sandbox sandbox(Path sandboxHome) {
        synchronized (HOMES) {
            Hosted h = HOMES.get(sandboxHome.toAbsolutePath().normalize());
            if (h == null || h.service == null || h.service.stopped()) {
                throw new IllegalStateException("no sandbox of " + sandboxHome + " runs in this JVM");
            }
            return h.service.sandbox();
        }
    }
}
