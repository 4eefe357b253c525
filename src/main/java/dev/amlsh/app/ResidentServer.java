package dev.amlsh.app;

import dev.amlsh.core.WorkingDir;
import dev.amlsh.session.AmlshHome;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The home's resident amlsh process: a warm JVM (classes loaded, TLS to the cloud open, tokens at
 * hand) that runs one-shot commands for {@link ResidentClient}, each with the caller's arguments,
 * working directory, environment and output, as a process of its own would. Started in the
 * background after a one-shot command the launcher ran itself; ends after
 * {@value #IDLE_ENV} without commands (default {@value #DEFAULT_IDLE}), when a client of another
 * build or with other credentials in its environment comes (that client's command then starts a
 * new one), or when its socket is removed. Only the home's owner can reach the socket ({@code run/} is 0700).
 *
 * <pre>{@code
 * java -jar amlsh.jar --resident-serve     # what Main does for AMLSH_RESIDENT_START=1
 * }</pre>
 */
final class ResidentServer {
    /** The hidden process argument that makes a JVM the home's resident process. */
    static final String SERVE_ARG = "--resident-serve";
    static final String IDLE_ENV = "AMLSH_RESIDENT_IDLE_TIMEOUT";
    static final String DEFAULT_IDLE = "15m";
    private static final Duration QUIET_BEFORE_GC = Duration.ofSeconds(5);

    private final ServerSocketChannel server;
    private final Path socket;
    private final Object socketKey;
    private final Map<String, String> ownEnv;
    private final String build = ResidentProtocol.build();
    private final Duration idle;
    private final AtomicInteger active = new AtomicInteger();
    private volatile long lastUse = System.nanoTime();
    private volatile boolean closing;

    private ResidentServer(ServerSocketChannel server, Path socket, Map<String, String> env, Duration idle) throws IOException {
        this.server = server;
        this.socket = socket;
        this.socketKey = Files.readAttributes(socket, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        this.ownEnv = relevant(env);
        this.idle = idle;
    }

    /** Serves this home's one-shot commands until idle; returns the exit code. */
    static int serve(Map<String, String> env) {
        Path socket = ResidentProtocol.socket(env);
        Duration idle;
        try {
            String d = env.getOrDefault(IDLE_ENV, DEFAULT_IDLE);
            idle = SandboxServe.idleTimeout(d.isBlank() ? DEFAULT_IDLE : d);
        } catch (IllegalArgumentException e) {
            System.err.println("amlsh resident: " + IDLE_ENV + " " + e.getMessage() + "; using " + DEFAULT_IDLE);
            idle = SandboxServe.idleTimeout(DEFAULT_IDLE);
        }
        try {
            ServerSocketChannel bound = bind(AmlshHome.fromEnvironment(env).runFolder(), socket);
            if (bound == null) {
                return 0;   // another resident process serves this home
            }
            new ResidentServer(bound, socket, env, idle).loop();
            return 0;
        } catch (IOException | RuntimeException e) {
            System.err.println("amlsh resident: cannot serve " + socket + ": " + e);
            return 1;
        }
    }

    /** Binds the socket under the home's lock; null when a live resident already has it. */
    private static ServerSocketChannel bind(Path run, Path socket) throws IOException {
        try (FileChannel lockFile = FileChannel.open(run.resolve("resident.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = lockFile.lock()) {
            if (Files.exists(socket)) {
                try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                    probe.connect(UnixDomainSocketAddress.of(socket));
                    return null;
                } catch (IOException deadOne) {
                    Files.deleteIfExists(socket);
                }
            }
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            return server;
        }
    }

    private void loop() {
        log("serving " + socket + " (build " + build + ", idle timeout " + idle + ")");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shutDown("stopped by a signal"), "amlsh-resident-stop"));
        Thread watch = new Thread(this::watch, "amlsh-resident-idle");
        watch.setDaemon(true);
        watch.start();
        while (!closing) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (IOException closed) {
                break;
            }
            active.incrementAndGet();
            Thread t = new Thread(() -> handle(client), "amlsh-resident-command");
            t.start();
        }
        while (active.get() > 0) {
            sleep(50);
        }
    }

    /** Ends the process when idle, or when its socket was removed or taken over. */
    private void watch() {
        long collectedAt = lastUse;
        while (!closing) {
            sleep(500);
            if (active.get() == 0 && lastUse != collectedAt && System.nanoTime() - lastUse > QUIET_BEFORE_GC.toNanos()) {
                collectedAt = lastUse;
                System.gc();   // a big answer's garbage goes now, between commands, not during the next one
            }
            boolean idleTooLong = active.get() == 0 && !idle.isZero() && System.nanoTime() - lastUse > idle.toNanos();
            if (idleTooLong) {
                shutDown("idle for " + idle);
            } else if (!stillOurs()) {
                shutDown("its socket was removed");
            }
        }
    }

    private boolean stillOurs() {
        try {
            return Objects.equals(Files.readAttributes(socket, java.nio.file.attribute.BasicFileAttributes.class).fileKey(), socketKey);
        } catch (IOException gone) {
            return false;
        }
    }

    private synchronized void shutDown(String why) {
        if (closing) {
            return;
        }
        closing = true;
        log("ends: " + why);
        if (stillOurs()) {
            try {
                Files.deleteIfExists(socket);
            } catch (IOException e) {
                // the next client finds nobody listening and deletes it
            }
        }
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private void handle(SocketChannel client) {
        try (client) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(client)));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(client)));
            if (!sameUser(client)) {   // the folder is private; this is a second lock on the door
                byte[] why = "another user".getBytes(StandardCharsets.UTF_8);
                ResidentProtocol.frame(out, ResidentProtocol.DECLINED, why, 0, why.length);
                out.flush();
                return;
            }
            ResidentProtocol.Request request;
            try {
                request = ResidentProtocol.readRequest(in);
            } catch (IOException probe) {
                return;   // a probe (bind's liveness check) or a client that went away
            }
            String declined = declined(request);
            if (declined != null) {
                byte[] why = declined.getBytes(StandardCharsets.UTF_8);
                ResidentProtocol.frame(out, ResidentProtocol.DECLINED, why, 0, why.length);
                out.flush();
                return;
            }
            run(request, client);
        } catch (IOException clientGone) {
            // its process ended (Ctrl-C): the command was interrupted
        } finally {
            lastUse = System.nanoTime();
            active.decrementAndGet();
        }
    }

    /** True when the process at the other end runs as this process's user. */
    private boolean sameUser(SocketChannel client) {
        try {
            return client.getOption(jdk.net.ExtendedSocketOptions.SO_PEERCRED).user().equals(Files.getOwner(socket));
        } catch (IOException | UnsupportedOperationException e) {
            return true;   // no peer credentials on this platform: the 0700 folder alone guards it
        }
    }

    /** Why this process will not run the request, or null. */
    private String declined(ResidentProtocol.Request r) {
        if (closing) {
            return "shutting down";
        }
        if (!build.equals(r.build())) {
            shutDown("a client of another build came");  // it runs the command, and starts a resident of its build
            return "another build of amlsh";
        }
        if (!ownEnv.equals(relevant(r.env()))) {
            shutDown("a client with another environment came");
            return "another environment (credentials, proxy or amlsh settings)";
        }
        for (String file : List.of("AZURE_CLIENT_CERTIFICATE_PATH", "AZURE_FEDERATED_TOKEN_FILE")) {
            String value = r.env().get(file);
            if (value != null && !value.isBlank() && !Path.of(value).isAbsolute()) {
                return file + " is relative";
            }
        }
        PrintStream none = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        ProcessArgs.Mode mode = WorkingDir.runIn(r.cwd(),
                () -> ProcessArgs.parse(r.args().toArray(String[]::new), none, none).mode());
        boolean oneShot = mode == ProcessArgs.Mode.COMMAND || mode == ProcessArgs.Mode.WORDS || mode == ProcessArgs.Mode.COMPLETE;
        return oneShot ? null : "not a one-shot command";
    }

    private void run(ResidentProtocol.Request r, SocketChannel client) throws IOException {
        // Non-blocking from here: the hang-up watch reads while the command writes (blocking
        // channel streams would serialise the two, and the command would wait for the watch).
        client.configureBlocking(false);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new ResidentStreams.ChannelOut(client)));
        Charset charset = charset(r.charset());
        PrintStream stdout = new PrintStream(new BufferedOutputStream(new ResidentStreams.Frames(out, ResidentProtocol.OUT)), true, charset);
        PrintStream stderr = new PrintStream(new BufferedOutputStream(new ResidentStreams.Frames(out, ResidentProtocol.ERR)), true, charset);
        try (java.nio.channels.Selector hangUps = java.nio.channels.Selector.open()) {
            client.register(hangUps, java.nio.channels.SelectionKey.OP_READ);
            Thread worker = Thread.currentThread();
            Thread watch = new Thread(() -> watchHangUp(client, hangUps, worker), "amlsh-resident-hang-up");
            watch.setDaemon(true);
            watch.start();
            if (r.args().stream().flatMap(a -> java.util.Arrays.stream(a.split("\\s+"))).anyMatch("--debug"::equals)) {
                stderr.println("amlsh: run by the resident process " + ProcessHandle.current().pid()
                        + " (AMLSH_RESIDENT=0 runs each command in a process of its own)");
            }
            int code = WorkingDir.runIn(r.cwd(),
                    () -> Main.run(r.args().toArray(String[]::new), r.env(), stdout, stderr, r.terminal(), false));
            stdout.flush();
            stderr.flush();
            synchronized (out) {
                ResidentProtocol.frame(out, ResidentProtocol.EXIT, ResidentProtocol.code(code), 0, 4);
                out.flush();
            }
        } finally {
            Thread.interrupted();   // an interrupt meant for the command must not outlive it
        }
    }

    /** Interrupts the command when its client goes away (Ctrl-C), so it stops waiting for the cloud. */
    private static void watchHangUp(SocketChannel client, java.nio.channels.Selector hangUps, Thread worker) {
        java.nio.ByteBuffer sink = java.nio.ByteBuffer.allocate(64);
        try {
            while (hangUps.isOpen() && client.isOpen()) {
                hangUps.select();
                sink.clear();
                if (client.isOpen() && client.read(sink) < 0) {
                    worker.interrupt();
                    return;
                }
            }
        } catch (IOException | java.nio.channels.ClosedSelectorException e) {
            // the command ended and closed its connection
        }
    }

    /** The environment that decides who signs in, where amlsh keeps state and how it connects. */
    static Map<String, String> relevant(Map<String, String> env) {
        Map<String, String> kept = new TreeMap<>();
        env.forEach((name, value) -> {
            String n = name.toUpperCase(java.util.Locale.ROOT);
            boolean amlsh = n.startsWith("AMLSH_") && !n.startsWith("AMLSH_RESIDENT");
            if (amlsh || n.startsWith("AZURE_") || n.startsWith("IDENTITY_") || n.startsWith("MSI_") || n.startsWith("IMDS_")
                    || n.endsWith("_PROXY") || n.equals("HOME") || n.equals("JAVA_TOOL_OPTIONS")) {
                kept.put(name, value);
            }
        });
        return kept;
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    static void log(String line) {
        System.err.println(java.time.Instant.now() + " resident " + ProcessHandle.current().pid() + ": " + line);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
