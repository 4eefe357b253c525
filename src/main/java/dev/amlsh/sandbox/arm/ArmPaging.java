package dev.amlsh.sandbox.arm;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * ARM paging: {@code {"value":[...], "nextLink":...}} where {@code nextLink} repeats the request's
 * query with {@code $skiptoken}. Page size is {@code $top} (at most and by default 100).
 *
 * <pre>{@code
 * int size = ArmPaging.pageSize(req);
 * List<StoredResource> page = store.list(filter, req.queryParam("$skiptoken"), size + 1);
 * String next = page.size() > size ? page.get(size - 1).key() : null;
 * return ArmResponse.ok(ArmPaging.page(values, req, next));
 * }</pre>
 */
public final class ArmPaging {
    /** The default and largest page. */
    public static final int MAX_PAGE = 100;

    private ArmPaging() {
    }

    /** The page size the request asks for: {@code $top} clamped to 1..100. */
    public static int pageSize(ArmRequest req) {
        String top = req.queryParam("$top");
        if (top == null) {
            return MAX_PAGE;
        }
        try {
            int n = Integer.parseInt(top.trim());
            if (n < 1) {
                throw ArmErrors.invalidParameter("$top", "The value of '$top' must be a positive integer.");
            }
            return Math.min(n, MAX_PAGE);
        } catch (NumberFormatException e) {
            throw ArmErrors.invalidParameter("$top", "The value '" + top + "' of '$top' is not a valid integer.");
        }
    }

    /** A page body; {@code skipToken} null means last page (no {@code nextLink}). */
    public static JsonObject page(JsonArray values, ArmRequest req, String skipToken) {
        JsonObject out = new JsonObject();
        out.add("value", values);
        if (skipToken != null) {
            out.addProperty("nextLink", nextLink(req, skipToken));
        }
        return out;
    }

    /** The absolute URL of the next page. */
    public static String nextLink(ArmRequest req, String skipToken) {
        Map<String, String> q = new TreeMap<>(req.query());
        q.put("$skiptoken", skipToken);
        StringBuilder sb = new StringBuilder(req.endpoint().toString());
        sb.setLength(sb.length() - 1);
        sb.append(req.path()).append('?');
        boolean first = true;
        for (Map.Entry<String, String> e : q.entrySet()) {
            if (!first) {
                sb.append('&');
            }
            first = false;
            sb.append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return sb.toString();
    }
}
