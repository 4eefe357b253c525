package dev.amlsh.sandbox.contract;

/**
 * The files of a sandbox home that the service and its clients share, and the settings a
 * started service takes from its environment.
 *
 * <pre>{@code
 * Path record = sandboxHome.resolve(ServiceFiles.RECORD);
 * }</pre>
 */
public final class ServiceFiles {
    /** The discovery record ({@link ServiceRecord}). */
    public static final String RECORD = "service.json";
    /** Locked (FileChannel.lock) around "is one running? else start one", so two clients start one service. */
    public static final String LOCK = "service.lock";
    /** Standard output and error of a service started in the background. */
    public static final String LOG = "service.log";

    /** How long a background service waits without requests before it stops, e.g. {@code 30m}, {@code 90s}, {@code 0} (never). */
    public static final String IDLE_TIMEOUT_ENV = "AMLSH_SANDBOX_IDLE_TIMEOUT";
    /** The idle timeout of a service started in the background when nothing else is said. */
    public static final String DEFAULT_IDLE_TIMEOUT = "30m";

    private ServiceFiles() {
    }
}
