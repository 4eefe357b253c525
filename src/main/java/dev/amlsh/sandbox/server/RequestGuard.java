package dev.amlsh.sandbox.server;

import dev.amlsh.sandbox.arm.ArmErrors;
import java.util.Locale;
import java.util.Map;

/**
 * Refuses hostile or malformed requests before they are parsed, each with an ARM error: path tricks
 * ({@code .} and {@code ..} segments, encoded slashes, backslashes, NUL, bad percent escapes),
 * control characters in header values (they would be echoed into response headers), and bodies in a
 * media type ARM does not read.
 *
 * <pre>{@code
 * RequestGuard.check(wire);                          // throws an ArmException
 * String echo = RequestGuard.echoable(value);        // null when it must not be echoed
 * }</pre>
 */
final class RequestGuard {
    private RequestGuard() {
    }

    static void check(HttpsListener.WireRequest wire) {
        for (Map.Entry<String, String> h : wire.headers().entrySet()) {
            if (echoable(h.getValue()) == null) {
                throw ArmErrors.invalidHeader(h.getKey());
            }
        }
        String target = wire.target();
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        checkEscapes(target);
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || path.indexOf('\\') >= 0) {
            throw ArmErrors.invalidRequestUri("a path segment holds an encoded slash or a backslash");
        }
        if (lower.contains("%00") || target.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            throw ArmErrors.invalidRequestUri("it holds control characters");
        }
        int scheme = path.indexOf("://");
        String segmentsOnly = scheme > 0 && scheme < 8 ? path.substring(Math.max(path.indexOf('/', scheme + 3), 0)) : path;
        for (String segment : segmentsOnly.split("/")) {
            String s = segment.replace("%2e", ".").replace("%2E", ".");
            if (s.equals(".") || s.equals("..")) {
                throw ArmErrors.invalidRequestUri("'.' and '..' segments are not allowed");
            }
        }
        byte[] body = wire.body();
        if (body != null && body.length > 0) {
            checkContentType(lower, wire.headers().get("content-type"));
        }
    }

    /** The value when it may be echoed into a response header (no control characters), else null. */
    static String echoable(String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return null;
            }
        }
        return value;
    }

    private static void checkContentType(String lowerPath, String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return; // ARM reads a body without a media type as JSON
        }
        String media = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        String path = lowerPath.replaceAll("/+", "/");
        if (path.endsWith("/adfs/oauth2/devicecode") || path.endsWith("/adfs/devicelogin")) {
            if (!media.equals("application/x-www-form-urlencoded")) {
                throw ArmErrors.oauth(400, "invalid_request", "AADSTS900561: The endpoint only accepts "
                        + "'application/x-www-form-urlencoded' content, not '" + media + "'.");
            }
            return;
        }
        if (path.endsWith("/adfs/oauth2/token") || path.endsWith("/oidc/token")) {
            if (!media.equals("application/x-www-form-urlencoded")) {
                throw ArmErrors.oauth(400, "invalid_request", "AADSTS900561: The endpoint only accepts POST requests with"
                        + " 'application/x-www-form-urlencoded' content, not '" + media + "'.");
            }
            return;
        }
        if (!(media.equals("application/json") || media.equals("text/json") || media.endsWith("+json"))) {
            throw ArmErrors.unsupportedMediaType(media);
        }
    }

    private static void checkEscapes(String target) {
        for (int i = target.indexOf('%'); i >= 0; i = target.indexOf('%', i + 1)) {
            if (i + 2 >= target.length() || Character.digit(target.charAt(i + 1), 16) < 0 || Character.digit(target.charAt(i + 2), 16) < 0) {
                throw ArmErrors.invalidRequestUri("'%' must start an escape such as %20");
            }
        }
    }
}
