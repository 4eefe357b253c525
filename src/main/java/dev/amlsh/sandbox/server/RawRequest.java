package dev.amlsh.sandbox.server;

import dev.amlsh.sandbox.arm.ArmErrors;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One HTTP request as read off the wire: raw path split into decoded segments, query, headers, body. */
record RawRequest(String method, List<String> segments, Map<String, String> query, Map<String, String> headers, byte[] body) {
    static final long MAX_BODY = 4L * 1024 * 1024;

    /** The path rebuilt from the segments: single slashes, no query. */
    String path() {
        return "/" + String.join("/", segments);
    }

    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** Parses what the listener read; a body over the limit is {@code RequestContentTooLarge}. */
    static RawRequest of(HttpsListener.WireRequest wire) {
        if (wire.body() == null) {
            throw ArmErrors.requestTooLarge(MAX_BODY);
        }
        // The SDK sends "//subscriptions/..." and "//" inside paths; URI.getPath() would read the
        // first segment as an authority, so the raw request target is split here, slashes collapsed.
        String target = wire.target();
        int scheme = target.indexOf("://");
        if (scheme > 0 && scheme < 8) {
            int slash = target.indexOf('/', scheme + 3);
            target = slash < 0 ? "/" : target.substring(slash);
        }
        int q = target.indexOf('?');
        String rawPath = q < 0 ? target : target.substring(0, q);
        String rawQuery = q < 0 ? "" : target.substring(q + 1);
        return new RawRequest(wire.method(), segments(rawPath), query(rawQuery), wire.headers(), wire.body());
    }

    static List<String> segments(String rawPath) {
        List<String> out = new ArrayList<>();
        for (String s : rawPath.split("/+")) {
            if (!s.isEmpty()) {
                out.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    static Map<String, String> query(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }
}
