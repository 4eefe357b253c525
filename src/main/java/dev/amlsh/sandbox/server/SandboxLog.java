package dev.amlsh.sandbox.server;

import dev.amlsh.sandbox.arm.ArmError;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmException;
import dev.amlsh.sandbox.store.PrivateFiles;
import dev.amlsh.sandbox.store.StoreDamagedException;
import dev.amlsh.sandbox.store.StoreFailures;
import dev.amlsh.sandbox.store.StoreFullException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sandbox's log, {@code sandbox.log} in its home: one line per request (time, request ID,
 * method, path without query, status, error code, milliseconds) and, for every 5xx, its cause, so
 * that a request ID from an error message can be looked up. Rotated at {@link #LIMIT} bytes into
 * {@code sandbox.log.1} and {@code .2}. Never holds bodies, headers or query strings (tokens and
 * secrets travel there). A log that cannot be written (disk full) is skipped, never an error.
 *
 * <pre>{@code
 * SandboxLog.open(home, server.endpoint().getPort());   // Sandbox.start
 * grep 0f9c... ~/.amlsh/sandbox/sandbox.log
 * }</pre>
 */
public final class SandboxLog {
    /** Size at which the log is rotated. */
    static final long LIMIT = 4L * 1024 * 1024;
    private static final int KEEP = 2;
    private static final Map<Integer, SandboxLog> BY_PORT = new ConcurrentHashMap<>();

    private final Path file;
    private final int port;

    private SandboxLog(Path file, int port) {
        this.file = file;
        this.port = port;
    }

    /** Starts logging the requests of the server on {@code port} into {@code home/sandbox.log}; null home: no log. */
    public static SandboxLog open(Path home, int port) {
        SandboxLog log = new SandboxLog(home == null ? null : home.resolve("sandbox.log"), port);
        BY_PORT.put(port, log);
        return log;
    }

    /** Stops logging for this server. */
    public void close() {
        BY_PORT.remove(port, this);
    }

    /** The log file (null when the sandbox has no home). */
    public Path file() {
        return file;
    }

    /**
     * The ARM error a failure that is not an {@link ArmException} becomes: a full disk is 507
     * {@code DiskFull} (not retried; says where), a damaged store 500 naming it, anything else
     * ARM's 500 with the request ID.
     */
    static ArmError errorFor(Throwable e, String requestId) {
        StoreFullException full = find(e, StoreFullException.class);
        if (full != null || StoreFailures.isDiskFull(e)) {
            return ArmErrors.of(507, "DiskFull", full != null ? full.getMessage()
                    : "The sandbox cannot write: the disk is full or a file size limit was reached.").error();
        }
        StoreDamagedException damaged = find(e, StoreDamagedException.class);
        if (damaged != null) {
            return ArmErrors.of(500, "SandboxStoreDamaged", damaged.getMessage() + " " + damaged.hint()
                    + " (request id '" + requestId + "')").error();
        }
        return ArmErrors.internal(requestId).error();
    }

    /** Logs one request of the server on {@code port} (nothing when that server has no log). */
    static void request(int port, String method, String target, String requestId, int status, String code, long millis, Throwable cause) {
        SandboxLog log = BY_PORT.get(port);
        if (log == null || log.file == null) {
            return;
        }
        String path = target == null ? "" : target.split("\\?", 2)[0];
        StringBuilder line = new StringBuilder().append(Instant.now()).append(' ').append(requestId).append(' ').append(method)
                .append(' ').append(clean(path)).append(' ').append(status).append(code == null ? "" : " " + code)
                .append(' ').append(millis).append("ms\n");
        if (cause != null && status >= 500) {
            line.append("  cause: ").append(cause.getClass().getName()).append(": ").append(clean(String.valueOf(cause.getMessage())));
            Throwable root = cause;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            if (root != cause) {
                line.append(" | root: ").append(root.getClass().getName()).append(": ").append(clean(String.valueOf(root.getMessage())));
            }
            line.append('\n');
        }
        log.append(line.toString());
    }

    private synchronized void append(String text) {
        try {
            if (Files.exists(file) && Files.size(file) > LIMIT) {
                for (int i = KEEP; i >= 1; i--) {
                    Path from = i == 1 ? file : file.resolveSibling(file.getFileName() + "." + (i - 1));
                    if (Files.exists(from)) {
                        Files.move(from, file.resolveSibling(file.getFileName() + "." + i), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            boolean created = !Files.exists(file);
            Files.write(file, text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
            if (created) {
                PrivateFiles.restrictFile(file); // 0600, as every file of the home
            }
        } catch (IOException | RuntimeException e) {
            // a log that cannot be written (disk full, read-only home) must not fail the request
        }
    }

    private static String clean(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), 500));
        for (int i = 0; i < s.length() && i < 500; i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        return b.toString();
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
