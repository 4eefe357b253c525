package dev.amlsh.session;

import dev.amlsh.sandbox.contract.Build;
import dev.amlsh.sandbox.contract.ServiceFiles;
import dev.amlsh.sandbox.contract.ServiceRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Finds the sandbox service of a home through its record, and starts one when none runs: under
 * the home's lock file, so two amlsh processes starting at once start one service. A record whose
 * process is gone is removed; a background service of an older build is replaced by this one's.
 *
 * <pre>{@code
 * SandboxLauncher launcher = new SandboxLauncher(home.sandbox(), SandboxLauncher.starterFor(home, lroDelay));
 * RunningSandbox local = launcher.ensureRunning();
 * }</pre>
 */
public final class SandboxLauncher {
    /** Names a class with {@code static SandboxStarter create(Path sandboxHome, Duration lroDelay)} (tests host the sandbox in-process). */
    public static final String STARTER_PROPERTY = "amlsh.sandbox.starter";
    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path home;
    private final SandboxStarter starter;

    public SandboxLauncher(Path sandboxHome, SandboxStarter starter) {
        this.home = sandboxHome.toAbsolutePath().normalize();
        this.starter = starter;
    }

    /** The starter of a session: a detached child process, unless {@value #STARTER_PROPERTY} names another. */
    public static SandboxStarter starterFor(AmlshHome home, Duration lroDelay) {
        String custom = System.getProperty(STARTER_PROPERTY);
        if (custom != null && !custom.isBlank()) {
            try {
                return (SandboxStarter) Class.forName(custom.trim()).getMethod("create", Path.class, Duration.class)
                        .invoke(null, home.sandbox(), lroDelay);
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new IllegalStateException("cannot use the sandbox starter " + custom + ": " + e, e);
            }
        }
        return new ChildProcessStarter(home, lroDelay);
    }

    public Path home() {
        return home;
    }

    public SandboxStarter starter() {
        return starter;
    }

    private Path recordFile() {
        return home.resolve(ServiceFiles.RECORD);
    }

    /** The home's running service, started (or replaced, when older) as needed. */
    public RunningSandbox ensureRunning() throws IOException {
        Optional<RunningSandbox> ready = read().filter(r -> alive(r.record()) && !outdated(r.record()));
        if (ready.isPresent()) {
            return ready.get();
        }
        return locked(() -> {
            int preferredPort = 0;
            Optional<RunningSandbox> current = read();
            if (current.isPresent()) {
                ServiceRecord r = current.get().record();
                preferredPort = r.endpoint().getPort();
                if (!alive(r)) {
                    Files.deleteIfExists(recordFile()); // its process is gone (killed, crashed, machine restarted)
                } else if (outdated(r)) {
                    terminate(r);
                } else {
                    return current.get();
                }
            }
            starter.start(home, preferredPort);
            return read().orElseThrow(() -> new IOException("the sandbox started but wrote no " + ServiceFiles.RECORD + " in " + home));
        });
    }

    /** The running service's record, without starting one; a dead one's record is removed. */
    public Optional<ServiceRecord> running() {
        Optional<RunningSandbox> found = read();
        if (found.isPresent() && !alive(found.get().record())) {
            try {
                locked(() -> {
                    Optional<RunningSandbox> again = read();
                    if (again.isPresent() && !alive(again.get().record())) {
                        Files.deleteIfExists(recordFile());
                    }
                    return null;
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Optional.empty();
        }
        return found.map(RunningSandbox::record);
    }

    /** True while {@code known} is still the home's service: its record unchanged and its process alive. */
    public boolean stillCurrent(RunningSandbox known) {
        try {
            // cheap enough for every command: one stat, one liveness check (the PID's start time was checked when read)
            return Files.getLastModifiedTime(recordFile()).equals(known.readAt())
                    && ProcessHandle.of(known.record().pid()).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Waits until the service of {@code r} is gone (its process ended, or, for one hosted in this
     * process, its record removed); false if it is still there after {@code limit}.
     */
    public boolean awaitGone(ServiceRecord r, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            boolean recordGone = read().map(now -> !now.record().sameServiceAs(r)).orElse(true);
            boolean processGone = r.pid() == ProcessHandle.current().pid() ? recordGone : !alive(r);
            if (recordGone && processGone) {
                return true;
            }
            sleep(50);
        }
        return false;
    }

    /**
     * Runs {@code work} holding the home's lock, after stopping a background service of the home
     * (or failing when one runs in the foreground): how {@code amlsh sandbox serve} takes the home over.
     */
    public <T> T takeOver(Locked<T> work) throws IOException {
        return locked(() -> {
            Optional<RunningSandbox> current = read();
            if (current.isPresent()) {
                ServiceRecord r = current.get().record();
                if (!alive(r)) {
                    Files.deleteIfExists(recordFile());
                } else if (r.background()) {
                    terminate(r);
                } else {
                    throw new IOException("a sandbox already serves this home in the foreground at " + r.endpoint()
                            + " (pid " + r.pid() + "); stop it first");
                }
            }
            return work.run();
        });
    }

    /** Work done under the home's lock. */
    public interface Locked<T> {
        T run() throws IOException;
    }

    private Optional<RunningSandbox> read() {
        Path file = recordFile();
        try {
            FileTime at = Files.getLastModifiedTime(file);
            return ServiceRecord.read(file).map(r -> new RunningSandbox(r, at));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A background service of an older build gives way; one in the foreground is someone's on purpose. */
    private static boolean outdated(ServiceRecord r) {
        return r.background() && r.pid() != ProcessHandle.current().pid() && Build.newer(Build.id(), r.buildId());
    }

    /** Its process runs, and is the one that wrote the record (not a later process given the same PID). */
    static boolean alive(ServiceRecord r) {
        Optional<ProcessHandle> p = ProcessHandle.of(r.pid());
        if (p.isEmpty() || !p.get().isAlive()) {
            return false;
        }
        if (r.processStart() <= 0) {
            return true;
        }
        Optional<Instant> started = p.get().info().startInstant();
        return started.isEmpty() || Math.abs(started.get().toEpochMilli() - r.processStart()) < 2_000;
    }

    /** Asks a background service to stop (SIGTERM: it closes its store and removes its record), then insists. */
    private void terminate(ServiceRecord r) throws IOException {
        if (r.pid() == ProcessHandle.current().pid()) {
            return;
        }
        Optional<ProcessHandle> p = ProcessHandle.of(r.pid());
        if (p.isPresent()) {
            p.get().destroy();
            try {
                p.get().onExit().get(15, TimeUnit.SECONDS);
            } catch (Exception notYet) {
                p.get().destroyForcibly();
                sleep(500);
            }
        }
        Optional<RunningSandbox> left = read();
        if (left.isPresent() && left.get().record().sameServiceAs(r)) {
            Files.deleteIfExists(recordFile());
        }
    }

    private <T> T locked(Locked<T> work) throws IOException {
        Files.createDirectories(home);
        AmlshHome.setPermissions(home, "rwx------");
        ReentrantLock jvm = JVM_LOCKS.computeIfAbsent(home, k -> new ReentrantLock());
        jvm.lock();
        try (FileChannel ch = FileChannel.open(lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = ch.lock()) {
            return work.run();
        } finally {
            jvm.unlock();
        }
    }

    private Path lockFile() throws IOException {
        Path lock = home.resolve(ServiceFiles.LOCK);
        if (!Files.exists(lock)) {
            try {
                Files.createFile(lock, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another process made it first
            }
        }
        return lock;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
