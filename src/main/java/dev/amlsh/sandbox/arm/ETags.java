package dev.amlsh.sandbox.arm;

import com.google.gson.JsonObject;
import java.util.UUID;

/**
 * Entity tags of tracked resources whose real service keeps one (the {@code etag} member of the
 * document, e.g. Application Insights components): a handler stamps a new tag on every write, and
 * the router then honours {@code If-Match} / {@code If-None-Match: *} for that resource (412
 * {@code PreconditionFailed}) and sends the tag as the {@code ETag} header.
 *
 * <pre>{@code
 * ETags.stamp(document);          // before store.put(id, document)
 * ETags.matches("\"a\", \"b\"", "\"b\""); // true
 * }</pre>
 */
public final class ETags {
    private ETags() {
    }

    /** Gives the document a new {@code etag} (quoted, as ARM sends them); returns it. */
    public static String stamp(JsonObject document) {
        String tag = "\"" + UUID.randomUUID() + "\"";
        document.addProperty("etag", tag);
        return tag;
    }

    /** True when an {@code If-Match} / {@code If-None-Match} header value names this tag ({@code *}, lists and {@code W/} allowed). */
    public static boolean matches(String header, String etag) {
        if (header == null || etag == null) {
            return false;
        }
        String wanted = strip(etag);
        for (String candidate : header.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || strip(c).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static String strip(String tag) {
        String t = tag.strip();
        if (t.startsWith("W/")) {
            t = t.substring(2);
        }
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }
}
