package dev.amlsh.sandbox.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A small HTTP/1.1 server over TLS (keep-alive, Content-Length and chunked request bodies), bounded
 * for a long-lived server that many clients share: at most {@value #MAX_CONNECTIONS} connections,
 * and when all are taken a new one closes the connection that has waited longest for its next
 * request, so idle keep-alive connections never starve new clients. Requests it cannot read get
 * their status here: 400 (malformed), 414 (request line over {@value #MAX_REQUEST_LINE} bytes),
 * 431 (headers too large), 505 (not HTTP/1.x).
 * The JDK's {@code HttpsServer} cannot be used: it looks up its handler by {@code URI.getPath()},
 * which is empty for the SDK's {@code //subscriptions?api-version=...}, and answers 404 itself.
 * Here the raw request target reaches the router untouched.
 */
final class HttpsListener implements AutoCloseable {
    static final int MAX_CONNECTIONS = 128;
    static final int MAX_REQUEST_LINE = WireReader.MAX_REQUEST_LINE;
    private static final int IDLE_TIMEOUT_MS = 30_000;
    private static final Pattern TARGET = Pattern.compile("[\\x21-\\x7e]+");

    /** One request; {@code body} is null when it was larger than the limit (and left unread). */
    record WireRequest(String method, String target, Map<String, String> headers, byte[] body) {
    }

    /** One response; the listener adds Content-Length and Connection. */
    record WireResponse(int status, Map<String, String> headers, byte[] body) {
    }

    interface Handler {
        WireResponse handle(WireRequest request);
    }

    /** One accepted connection; idle while it waits for (the first byte of) its next request. */
    private static final class Conn {
        final Socket plain;
        volatile boolean idle = true;
        volatile long idleSince = System.nanoTime();

        Conn(Socket plain) {
            this.plain = plain;
        }

        void idle(boolean now) {
            if (now) {
                idleSince = System.nanoTime();
            }
            idle = now;
        }
    }

    private final ServerSocket socket;
    private final SSLSocketFactory tls;
    private final ExecutorService workers;
    private final Semaphore slots = new Semaphore(MAX_CONNECTIONS);
    private final Set<Conn> open = ConcurrentHashMap.newKeySet();
    private final Handler handler;
    private final long maxBody;
    private final Thread acceptor;

    private HttpsListener(ServerSocket socket, SSLSocketFactory tls, Handler handler, long maxBody) {
        this.socket = socket;
        this.tls = tls;
        this.handler = handler;
        this.maxBody = maxBody;
        AtomicInteger n = new AtomicInteger();
        // One thread per open connection (keep-alive), at most MAX_CONNECTIONS through the slots.
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sandbox-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.acceptor = new Thread(this::acceptLoop, "sandbox-accept-" + socket.getLocalPort());
        acceptor.setDaemon(true);
    }

    static HttpsListener start(InetAddress address, int port, SSLContext ssl, long maxBody, Handler handler) throws IOException {
        ServerSocket s = new ServerSocket(port, MAX_CONNECTIONS, address);
        HttpsListener l = new HttpsListener(s, ssl.getSocketFactory(), handler, maxBody);
        l.acceptor.start();
        return l;
    }

    int port() {
        return socket.getLocalPort();
    }

    InetAddress address() {
        return socket.getInetAddress();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        open.forEach(HttpsListener::hangUp);
        workers.shutdownNow();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket plain = socket.accept();
                if (!slots.tryAcquire()) {
                    evictLongestIdle();
                    if (!slots.tryAcquire(2, TimeUnit.SECONDS)) {
                        plain.close(); // every connection is busy with a request: the client retries
                        continue;
                    }
                }
                Conn c = new Conn(plain);
                open.add(c);
                try {
                    workers.execute(() -> {
                        try {
                            serve(c);
                        } finally {
                            open.remove(c);
                            slots.release();
                        }
                    });
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    open.remove(c);
                    slots.release();
                    plain.close();
                }
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Closes the connection that has waited longest for a request (closing the TCP socket ends its blocked read). */
    private void evictLongestIdle() {
        open.stream().filter(c -> c.idle).min(Comparator.comparingLong(c -> c.idleSince)).ifPresent(HttpsListener::hangUp);
    }

    private static void hangUp(Conn c) {
        try {
            c.plain.close();
        } catch (IOException ignored) {
            // gone already
        }
    }

    private void serve(Conn c) {
        try (Socket plain = c.plain) {
            plain.setSoTimeout(IDLE_TIMEOUT_MS);
            plain.setTcpNoDelay(true);
            SSLSocket s = (SSLSocket) tls.createSocket(plain, null, plain.getPort(), true);
            s.setUseClientMode(false);
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (true) {
                c.idle(true);
                int first = in.read(); // the TLS handshake of a new connection happens here too
                if (first == -1) {
                    return;
                }
                c.idle(false);
                try {
                    if (!exchange(first, in, out)) {
                        return;
                    }
                } catch (WireReader.Refused r) {
                    write(out, refusal(r), false, true);
                    linger(plain, in);
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client closed, went idle, or the connection broke (or a fault dropped it); the next request opens another
        }
    }

    /**
     * Reads (and drops) what the client still sends after a refusal, for a moment: closing with
     * unread input would reset the connection, and the client could lose the answer.
     */
    private static void linger(Socket plain, InputStream in) {
        try {
            plain.setSoTimeout(1_000);
            long end = System.nanoTime() + 2_000_000_000L;
            byte[] sink = new byte[16 * 1024];
            long dropped = 0;
            for (int n; System.nanoTime() < end && dropped < WireReader.DRAIN_LIMIT && (n = in.read(sink)) > 0; ) {
                dropped += n;
            }
        } catch (IOException | RuntimeException quiet) {
            // closing anyway
        }
    }

    /** Reads one request and answers it; false when the connection is to be closed. */
    private boolean exchange(int first, InputStream in, OutputStream out) throws IOException, WireReader.Refused {
        String requestLine = WireReader.requestLine(first, in);
        if (requestLine.isEmpty()) {
            return true; // a stray CRLF between requests
        }
        String[] parts = requestLine.split(" ", -1);
        if (parts.length != 3 || !WireReader.TOKEN.matcher(parts[0]).matches() || !TARGET.matcher(parts[1]).matches()) {
            throw new WireReader.Refused(400, "BadRequest", "The request line is malformed; expected 'METHOD TARGET HTTP/1.1'.");
        }
        if (!parts[2].equals("HTTP/1.1") && !parts[2].equals("HTTP/1.0")) {
            if (parts[2].matches("HTTP/\\d(\\.\\d)?")) {
                throw new WireReader.Refused(505, "HttpVersionNotSupported", "Only HTTP/1.1 and HTTP/1.0 are served, not " + parts[2] + ".");
            }
            throw new WireReader.Refused(400, "BadRequest", "The request line is malformed; expected 'METHOD TARGET HTTP/1.1'.");
        }
        Map<String, String> headers = WireReader.headers(in);
        if (headers == null) {
            return false;
        }
        if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        byte[] body = WireReader.body(in, headers, maxBody);
        WireResponse r = handler.handle(new WireRequest(parts[0].toUpperCase(Locale.ROOT), parts[1], headers, body));
        boolean close = body == null || "close".equalsIgnoreCase(headers.get("connection")) || parts[2].equals("HTTP/1.0");
        write(out, r, parts[0].equalsIgnoreCase("HEAD"), close);
        return !close;
    }

    private static WireResponse refusal(WireReader.Refused r) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("x-ms-request-id", UUID.randomUUID().toString());
        h.put("Content-Type", "application/json; charset=utf-8");
        String message = r.getMessage().replace("\\", "\\\\").replace("\"", "\\\"");
        String body = "{\"error\":{\"code\":\"" + r.code + "\",\"message\":\"" + message + "\"}}";
        return new WireResponse(r.status, h, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(OutputStream out, WireResponse r, boolean head, boolean close) throws IOException {
        StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(r.status()).append(' ').append(HttpStatus.reason(r.status()))
                .append("\r\n");
        r.headers().forEach((k, v) -> sb.append(k).append(": ").append(v).append("\r\n"));
        byte[] body = r.body() == null ? new byte[0] : r.body();
        boolean noBody = r.status() == 204 || r.status() == 304;
        if (!noBody) {
            sb.append("Content-Length: ").append(body.length).append("\r\n");
        }
        if (close) {
            sb.append("Connection: close\r\n");
        }
        sb.append("\r\n");
        // One write: a separate header and body write costs a delayed-ACK round trip (~40 ms) per request.
        ByteArrayOutputStream whole = new ByteArrayOutputStream(sb.length() + body.length);
        whole.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!head && !noBody) {
            whole.write(body);
        }
        whole.writeTo(out);
        out.flush();
    }
}
