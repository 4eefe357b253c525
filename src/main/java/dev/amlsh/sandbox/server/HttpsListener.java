package dev.amlsh.sandbox.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A small HTTP/1.1 server over TLS (keep-alive, Content-Length and chunked request bodies).
 * The JDK's {@code HttpsServer} cannot be used: it looks up its handler by {@code URI.getPath()},
 * which is empty for the SDK's {@code //subscriptions?api-version=...}, and answers 404 itself.
 * Here the raw request target reaches the router untouched.
 */
final class HttpsListener implements AutoCloseable {
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int IDLE_TIMEOUT_MS = 30_000;
    private static final long DRAIN_LIMIT = 64L * 1024 * 1024;

    /** One request; {@code body} is null when it was larger than the limit (and left unread). */
    record WireRequest(String method, String target, Map<String, String> headers, byte[] body) {
    }

    /** One response; the listener adds Content-Length and Connection. */
    record WireResponse(int status, Map<String, String> headers, byte[] body) {
    }

    interface Handler {
        WireResponse handle(WireRequest request);
    }

    private final ServerSocket socket;
    private final ThreadPoolExecutor workers;
    private final Handler handler;
    private final long maxBody;
    private final Thread acceptor;

    private HttpsListener(ServerSocket socket, Handler handler, long maxBody) {
        this.socket = socket;
        this.handler = handler;
        this.maxBody = maxBody;
        AtomicInteger n = new AtomicInteger();
        // One thread per open connection (keep-alive); idle ones end after a minute.
        this.workers = new ThreadPoolExecutor(2, 64, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "sandbox-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.acceptor = new Thread(this::acceptLoop, "sandbox-accept-" + socket.getLocalPort());
        acceptor.setDaemon(true);
    }

    static HttpsListener start(InetAddress address, int port, SSLContext ssl, long maxBody, Handler handler) throws IOException {
        ServerSocket s = ssl.getServerSocketFactory().createServerSocket(port, 64, address);
        HttpsListener l = new HttpsListener(s, handler, maxBody);
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
        workers.shutdownNow();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket c = socket.accept();
                try {
                    workers.execute(() -> serve(c));
                } catch (RejectedExecutionException e) {
                    c.close();
                }
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private void serve(Socket c) {
        try (c) {
            c.setSoTimeout(IDLE_TIMEOUT_MS);
            c.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(c.getInputStream());
            OutputStream out = c.getOutputStream();
            while (true) {
                String requestLine = line(in);
                if (requestLine == null) {
                    return;
                }
                if (requestLine.isEmpty()) {
                    continue;
                }
                String[] parts = requestLine.split(" ");
                if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
                    return;
                }
                Map<String, String> headers = headers(in);
                if (headers == null) {
                    return;
                }
                if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
                    out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                byte[] body = body(in, headers);
                WireResponse r = handler.handle(new WireRequest(parts[0].toUpperCase(Locale.ROOT), parts[1], headers, body));
                boolean close = body == null || "close".equalsIgnoreCase(headers.get("connection")) || parts[2].equals("HTTP/1.0");
                write(out, r, parts[0].equalsIgnoreCase("HEAD"), close);
                if (close) {
                    return;
                }
            }
        } catch (SocketException | java.net.SocketTimeoutException e) {
            // the client closed or went idle
        } catch (IOException | RuntimeException e) {
            // a broken connection ends here; the next request opens another
        }
    }

    private byte[] body(InputStream in, Map<String, String> headers) throws IOException {
        String te = headers.get("transfer-encoding");
        if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long total = 0;
            while (true) {
                String sizeLine = line(in);
                if (sizeLine == null) {
                    throw new IOException("truncated chunked body");
                }
                int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
                if (size == 0) {
                    String trailer;
                    do {
                        trailer = line(in);
                    } while (trailer != null && !trailer.isEmpty());
                    return total > maxBody ? null : out.toByteArray();
                }
                total += size;
                if (total > maxBody) {
                    in.skipNBytes(size);
                } else {
                    out.write(in.readNBytes(size));
                }
                line(in);
            }
        }
        String length = headers.get("content-length");
        long n = length == null ? 0 : Long.parseLong(length.trim());
        if (n > maxBody) {
            // Read and drop it so the client sees our 413 instead of a broken pipe; past a bound, just hang up.
            if (n > DRAIN_LIMIT) {
                throw new IOException("request body too large to drain");
            }
            in.skipNBytes(n);
            return null;
        }
        byte[] body = in.readNBytes((int) n);
        if (body.length != n) {
            throw new IOException("truncated body");
        }
        return body;
    }

    /** One CRLF-terminated line (ISO-8859-1), or null at end of stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int ch;
        while ((ch = in.read()) != -1) {
            if (ch == '\n') {
                String s = b.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(ch);
            if (b.size() > MAX_HEADER_BYTES) {
                throw new IOException("header line too long");
            }
        }
        return null;
    }

    private static Map<String, String> headers(InputStream in) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        int total = 0;
        String l;
        while ((l = line(in)) != null && !l.isEmpty()) {
            total += l.length();
            if (total > MAX_HEADER_BYTES) {
                return null;
            }
            int colon = l.indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
            }
        }
        return l == null ? null : headers;
    }

    private static void write(OutputStream out, WireResponse r, boolean head, boolean close) throws IOException {
        StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(r.status()).append(' ').append(reason(r.status())).append("\r\n");
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

    private static String reason(int status) {
        switch (status) {
            case 200: return "OK";
            case 201: return "Created";
            case 202: return "Accepted";
            case 204: return "No Content";
            case 400: return "Bad Request";
            case 401: return "Unauthorized";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 405: return "Method Not Allowed";
            case 409: return "Conflict";
            case 412: return "Precondition Failed";
            case 413: return "Payload Too Large";
            case 500: return "Internal Server Error";
            default: return "Status";
        }
    }
}
