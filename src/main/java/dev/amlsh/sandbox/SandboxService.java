package dev.amlsh.sandbox;

import dev.amlsh.sandbox.contract.Build;
import dev.amlsh.sandbox.contract.SandboxStatus;
import dev.amlsh.sandbox.contract.ServiceFiles;
import dev.amlsh.sandbox.contract.ServiceRecord;
import dev.amlsh.sandbox.faults.Faults;
import dev.amlsh.sandbox.server.SandboxControl;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The sandbox as the one service of its home: starts a {@link Sandbox}, publishes its
 * {@link ServiceRecord} in the home for every client to find, serves the control endpoints, and
 * stops when asked ({@code POST /amlsh-sandbox/stop}, a signal) or after its idle timeout, removing
 * its record. {@code amlsh sandbox serve} runs one in the foreground; amlsh starts one in the
 * background on demand.
 *
 * <pre>{@code
 * SandboxService service = SandboxService.start(new SandboxService.Settings(home, 0, 0, Duration.ZERO,
 *         Duration.ofMinutes(30), ServiceRecord.BACKGROUND), System.out);
 * service.awaitStop();
 * }</pre>
 */
public final class SandboxService implements SandboxControl, AutoCloseable {
    /**
     * @param home          the sandbox home (null: state in memory, no record)
     * @param port          the port to listen on; 0 picks one (then {@code preferredPort} is tried first)
     * @param preferredPort the port of the previous service of this home, so long-lived clients find it again; 0 for none
     * @param idleTimeout   stop after this long without requests; ZERO never
     * @param mode          {@link ServiceRecord#BACKGROUND} or {@link ServiceRecord#FOREGROUND}
     */
    public record Settings(Path home, int port, int preferredPort, Duration lroDelay, Duration idleTimeout, String mode) {
    }

    private final Sandbox sandbox;
    private final Settings settings;
    private final PrintStream log;
    private final Instant startedAt = Instant.now();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean stopping = new AtomicBoolean();
    private ServiceRecord record;

    private SandboxService(Sandbox sandbox, Settings settings, PrintStream log) {
        this.sandbox = sandbox;
        this.settings = settings;
        this.log = log;
    }

    /** Starts the sandbox, serves the control endpoints and writes the record; returns once clients can find it. */
    public static SandboxService start(Settings settings, PrintStream log) throws IOException {
        Sandbox sandbox = null;
        if (settings.port() == 0 && settings.preferredPort() > 0) {
            try {
                sandbox = Sandbox.start(new SandboxOptions(settings.home(), settings.preferredPort(), settings.lroDelay()));
            } catch (java.net.BindException taken) {
                // someone else has it now: any free port
            }
        }
        if (sandbox == null) {
            sandbox = Sandbox.start(new SandboxOptions(settings.home(), settings.port(), settings.lroDelay()));
        }
        SandboxService service = new SandboxService(sandbox, settings, log);
        try {
            sandbox.control(service);
            service.publish();
        } catch (IOException | RuntimeException e) {
            sandbox.close();
            throw e;
        }
        if (!settings.idleTimeout().isZero()) {
            Thread watch = new Thread(service::watchIdle, "sandbox-idle-watch");
            watch.setDaemon(true);
            watch.start();
        }
        return service;
    }

    private void publish() throws IOException {
        ProcessHandle self = ProcessHandle.current();
        long processStart = self.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        record = new ServiceRecord(sandbox.endpoint(), self.pid(), processStart, Build.version(), Build.id(), startedAt,
                settings.mode(), sandbox.certificatePem(), sandbox.tenantId(), sandbox.managedIdentityHeader(),
                settings.idleTimeout().toSeconds());
        if (settings.home() != null) {
            record.write(recordFile());
        }
        log.println("amlsh sandbox " + Build.version() + " (build " + Build.id() + ", pid " + self.pid() + ") serves "
                + sandbox.endpoint() + " since " + startedAt + (settings.idleTimeout().isZero() ? ""
                : "; stops after " + settings.idleTimeout().toSeconds() + " s without requests"));
        log.flush();
    }

    private Path recordFile() {
        return settings.home().toAbsolutePath().resolve(ServiceFiles.RECORD);
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    /** The record clients find this service by. */
    public ServiceRecord record() {
        return record;
    }

    @Override
    public SandboxStatus status() {
        long uptime = Duration.between(startedAt, Instant.now()).toSeconds();
        return new SandboxStatus(sandbox.endpoint().toString(), record.pid(), record.version(), record.buildId(),
                startedAt.toString(), uptime, sandbox.requestsServed(), settings.mode(), settings.idleTimeout().toSeconds());
    }

    @Override
    public void reset() {
        sandbox.reset();
    }

    @Override
    public Faults faults() {
        return sandbox.faults();
    }

    @Override
    public void stopSoon() {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(100); // let the 202 reach the client first
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stop("asked to stop");
        }, "sandbox-stop");
        t.setDaemon(false);
        t.start();
    }

    /** Stops serving, closes the store and removes the record (if it is still this service's); idempotent. */
    public void stop(String why) {
        if (!stopping.compareAndSet(false, true)) {
            awaitQuietly();
            return;
        }
        try {
            sandbox.close();
            if (settings.home() != null) {
                Path file = recordFile();
                if (ServiceRecord.read(file).map(record::sameServiceAs).orElse(false)) {
                    Files.deleteIfExists(file);
                }
            }
            log.println("amlsh sandbox (pid " + record.pid() + ") stopped: " + why);
            log.flush();
        } catch (IOException | RuntimeException e) {
            log.println("amlsh sandbox (pid " + record.pid() + ") stopped with an error: " + e.getMessage());
        } finally {
            stopped.countDown();
        }
    }

    /** Waits until the service has stopped. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    public boolean stopped() {
        return stopped.getCount() == 0;
    }

    private void awaitQuietly() {
        try {
            stopped.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void watchIdle() {
        Duration limit = settings.idleTimeout();
        long step = Math.max(200, Math.min(15_000, limit.toMillis() / 4));
        while (!stopping.get()) {
            if (sandbox.idleFor().compareTo(limit) >= 0) {
                stop("no requests for " + limit.toSeconds() + " s");
                return;
            }
            try {
                Thread.sleep(step);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        stop("closed");
    }
}
