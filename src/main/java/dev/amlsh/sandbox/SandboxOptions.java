package dev.amlsh.sandbox;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to start a {@link Sandbox}.
 *
 * <pre>{@code
 * Sandbox.start(new SandboxOptions(null, 0, Duration.ZERO));                  // tests: in memory, any port
 * Sandbox.start(new SandboxOptions(home.resolve("sandbox"), 0, Duration.ofSeconds(2)));
 * }</pre>
 *
 * @param home     the sandbox home (state, certificate, keys); null keeps state in memory
 * @param port     the port on 127.0.0.1; 0 picks a free one
 * @param lroDelay how long a long-running operation (and a provider registration) stays in progress; ZERO in tests
 */
public record SandboxOptions(Path home, int port, Duration lroDelay) {
    public SandboxOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        lroDelay = lroDelay == null ? Duration.ZERO : lroDelay;
        if (lroDelay.isNegative()) {
            throw new IllegalArgumentException("lroDelay must not be negative");
        }
    }
}
