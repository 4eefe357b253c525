package dev.amlsh.sandbox.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads one HTTP/1.1 request off the wire for {@link HttpsListener}: the request line, the headers
 * and the body (Content-Length or chunked), within bounds; what it cannot read it refuses with the
 * status the listener answers (400, 414, 431).
 *
 * <pre>{@code
 * String line = WireReader.requestLine(in.read(), in);
 * Map<String, String> headers = WireReader.headers(in);
 * byte[] body = WireReader.body(in, headers, maxBody);
 * }</pre>
 */
final class WireReader {
    static final int MAX_REQUEST_LINE = 16 * 1024;
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    static final long DRAIN_LIMIT = 64L * 1024 * 1024;
    static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private WireReader() {
    }

    /** A request the listener answers itself, then closes the connection. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final String code;

        Refused(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }
    }

    static byte[] body(InputStream in, Map<String, String> headers, long maxBody) throws IOException, Refused {
        String te = headers.get("transfer-encoding");
        String length = headers.get("content-length");
        if (te != null && length != null) {
            throw new Refused(400, "BadRequest", "A request may not have both Transfer-Encoding and Content-Length.");
        }
        if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
            return chunked(in, maxBody);
        }
        long n;
        try {
            n = length == null ? 0 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 0) {
            throw new Refused(400, "BadRequest", "Content-Length must be a whole number of bytes, not '" + length + "'.");
        }
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

    private static byte[] chunked(InputStream in, long maxBody) throws IOException, Refused {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long total = 0;
        while (true) {
            String sizeLine = line(in, MAX_HEADER_BYTES);
            if (sizeLine == null) {
                throw new IOException("truncated chunked body");
            }
            int size;
            try {
                size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 0) {
                throw new Refused(400, "BadRequest", "A chunk size of the request body is malformed.");
            }
            if (size == 0) {
                String trailer;
                do {
                    trailer = line(in, MAX_HEADER_BYTES);
                } while (trailer != null && !trailer.isEmpty());
                return total > maxBody ? null : out.toByteArray();
            }
            total += size;
            if (total > maxBody) {
                if (total > DRAIN_LIMIT) {
                    throw new IOException("request body too large to drain");
                }
                in.skipNBytes(size);
            } else {
                out.write(in.readNBytes(size));
            }
            line(in, MAX_HEADER_BYTES);
        }
    }

    static String requestLine(int first, InputStream in) throws IOException, Refused {
        if (first == '\n') {
            return "";
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(first);
        int ch;
        while ((ch = in.read()) != -1) {
            if (ch == '\n') {
                String s = b.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(ch);
            if (b.size() > MAX_REQUEST_LINE) {
                throw new Refused(414, "RequestUriTooLong", "The request line is longer than " + MAX_REQUEST_LINE + " bytes.");
            }
        }
        throw new IOException("the connection closed inside the request line");
    }

    /** One CRLF-terminated line (ISO-8859-1), or null at end of stream. */
    private static String line(InputStream in, int max) throws IOException, Refused {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int ch;
        while ((ch = in.read()) != -1) {
            if (ch == '\n') {
                String s = b.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(ch);
            if (b.size() > max) {
                throw new Refused(431, "RequestHeaderFieldsTooLarge", "The request headers are larger than " + max + " bytes.");
            }
        }
        return null;
    }

    static Map<String, String> headers(InputStream in) throws IOException, Refused {
        Map<String, String> headers = new LinkedHashMap<>();
        int total = 0;
        String l;
        while ((l = line(in, MAX_HEADER_BYTES)) != null && !l.isEmpty()) {
            total += l.length();
            if (total > MAX_HEADER_BYTES) {
                throw new Refused(431, "RequestHeaderFieldsTooLarge", "The request headers are larger than " + MAX_HEADER_BYTES + " bytes.");
            }
            int colon = l.indexOf(':');
            if (colon <= 0 || !TOKEN.matcher(l.substring(0, colon)).matches()) {
                throw new Refused(400, "BadRequest", "A request header is malformed; expected 'Name: value'.");
            }
            String name = l.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = l.substring(colon + 1).trim();
            String before = headers.putIfAbsent(name, value);
            if (before != null && name.equals("content-length") && !before.equals(value)) {
                throw new Refused(400, "BadRequest", "The request has two different Content-Length headers.");
            }
        }
        return l == null ? null : headers;
    }
}
