package dev.amlsh.parity;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.amlsh.recorded.Recording;
import dev.amlsh.recorded.Recording.Interaction;
import dev.amlsh.sandbox.SandboxHttp;
import dev.amlsh.sandbox.SandboxSeed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replays the requests of recorded real Azure traffic against a sandbox, in order, with fresh
 * names, and compares each answer with the recorded one. The recording wins: every difference is
 * reported as the sandbox's.
 *
 * <pre>{@code
 * ParityReplay replay = new ParityReplay(new SandboxHttp(sandbox), sandbox.endpoint().toString());
 * List<ParityResult> results = replay.replay(Recording.load(file));
 * }</pre>
 */
final class ParityReplay {
    private static final String RECORDED_SUB = "00000000-0000-0000-0000-000000000000";
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern SUBSCRIPTION = Pattern.compile("(?i)(^|/)subscriptions/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final List<String> PRINCIPALS = List.of(SandboxSeed.ALICE_OBJECT_ID, SandboxSeed.BOB_OBJECT_ID,
            SandboxSeed.CI_OBJECT_ID, SandboxSeed.USER_IDENTITY_OBJECT_ID, SandboxSeed.ADMIN_OBJECT_ID);

    private final SandboxHttp http;
    private final String endpoint;
    private int counter;

    ParityReplay(SandboxHttp http, String endpoint) {
        this.http = http;
        this.endpoint = endpoint.endsWith("/") ? endpoint : endpoint + "/";
    }

    List<ParityResult> replay(Recording rec) {
        Names names = new Names();
        Setup.prepare(rec, names, this);
        List<ParityResult> out = new ArrayList<>();
        SandboxHttp.Response lastStart = null;
        Interaction lastRecordedStart = null;
        for (int n = 0; n < rec.interactions().size(); n++) {
            Interaction i = rec.interactions().get(n);
            String where = rec.file().getFileName() + "#" + n;
            String type = ParityResult.typeOf(i.uri());
            if ("poll".equals(i.name()) || isPollOf(i, lastRecordedStart)) {
                out.add(poll(where, type, i, lastRecordedStart, lastStart));
                continue;
            }
            String path = names.apply(relative(i.uri()));
            String body = i.requestBody() == null ? null : names.apply(mapIdentities(i.requestBody(), names).toString());
            SandboxHttp.Response r = http.send(i.method(), path, body);
            out.add(ParityResult.compare(where, type, i, r.status(), parse(r.body()), headers(r)));
            boolean recordedLro = i.header("Azure-AsyncOperation") != null || i.header("Location") != null;
            lastRecordedStart = recordedLro ? i : null;
            lastStart = recordedLro && lro(r) ? r : null;
            if (!recordedLro && lro(r)) {
                follow(r.header("Azure-AsyncOperation") != null ? r.header("Azure-AsyncOperation") : r.header("Location"));
            }
        }
        return out;
    }

    // A GET of the operation URL the recorded start handed out (extracts that keep every poll).
    private static boolean isPollOf(Interaction i, Interaction start) {
        if (start == null || !i.method().equals("GET")) {
            return false;
        }
        for (String h : List.of("Azure-AsyncOperation", "Location")) {
            String url = start.header(h);
            if (url != null && strip(url).equalsIgnoreCase(strip(i.uri()))) {
                return true;
            }
        }
        return false;
    }

    /** Sends one request for the setup of a recording (not compared). */
    SandboxHttp.Response send(String method, String path, String body) {
        SandboxHttp.Response r = http.send(method, path, body);
        if (lro(r)) {
            follow(r.header("Azure-AsyncOperation") != null ? r.header("Azure-AsyncOperation") : r.header("Location"));
        }
        return r;
    }

    private ParityResult poll(String where, String type, Interaction i, Interaction recordedStart, SandboxHttp.Response start) {
        if (start == null) {
            return ParityResult.missing(where, type, i, "no long-running operation to poll: the sandbox answered synchronously");
        }
        // Machine Learning's two URLs differ only in their query (type=async, type=location): compare whole URLs then
        boolean sameBase = recordedStart != null && recordedStart.header("Location") != null && recordedStart.header("Azure-AsyncOperation") != null
                && strip(recordedStart.header("Location")).equalsIgnoreCase(strip(recordedStart.header("Azure-AsyncOperation")));
        boolean async = recordedStart != null && recordedStart.header("Azure-AsyncOperation") != null
                && (sameBase ? i.uri().equalsIgnoreCase(recordedStart.header("Azure-AsyncOperation"))
                        : strip(i.uri()).equalsIgnoreCase(strip(recordedStart.header("Azure-AsyncOperation"))));
        String url = async ? start.header("Azure-AsyncOperation") : start.header("Location");
        if (url == null) {
            url = start.header("Azure-AsyncOperation") != null ? start.header("Azure-AsyncOperation") : start.header("Location");
        }
        if (url == null) {
            return ParityResult.missing(where, type, i, "the sandbox sent no " + (async ? "Azure-AsyncOperation" : "Location"));
        }
        SandboxHttp.Response r = follow(url);
        return ParityResult.compare(where, type, i, r.status(), parse(r.body()), headers(r));
    }

    /** Polls an operation URL until it is no longer in progress; returns the last answer. */
    private SandboxHttp.Response follow(String url) {
        String path = url.startsWith(endpoint) ? url.substring(endpoint.length()) : url.replaceFirst("^https://[^/]+/", "");
        SandboxHttp.Response r = null;
        for (int attempt = 0; attempt < 200; attempt++) {
            r = http.send("GET", path, null);
            JsonElement b = parse(r.body());
            boolean running = r.status() == 202 || b != null && b.isJsonObject() && b.getAsJsonObject().has("status")
                    && List.of("inprogress", "running", "accepted", "creating", "deleting", "updating")
                            .contains(b.getAsJsonObject().get("status").getAsString().toLowerCase(Locale.ROOT));
            if (!running) {
                return r;
            }
            sleep();
        }
        return r;
    }

    private static void sleep() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // An operation to poll: Azure-AsyncOperation on any 200/201/202 (Network answers updates 200
    // with one), or Location on a 201/202.
    private static boolean lro(SandboxHttp.Response r) {
        return r.status() >= 200 && r.status() <= 202 && r.header("Azure-AsyncOperation") != null
                || (r.status() == 201 || r.status() == 202) && r.header("Location") != null;
    }

    private static Map<String, String> headers(SandboxHttp.Response r) {
        Map<String, String> h = new LinkedHashMap<>();
        for (String name : List.of("Azure-AsyncOperation", "Location", "Retry-After")) {
            if (r.header(name) != null) {
                h.put(name, r.header(name));
            }
        }
        return h;
    }

    static JsonElement parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JsonParser.parseString(body);
        } catch (RuntimeException e) {
            return new com.google.gson.JsonPrimitive(body);
        }
    }

    static String relative(String uri) {
        return uri.replaceFirst("^https://[^/]+/", "");
    }

    private static String strip(String u) {
        int q = u.indexOf('?');
        return q < 0 ? u : u.substring(0, q);
    }

    /** The recording's tenant and principals become the sandbox's (same recorded ID, same sandbox one). */
    private static JsonElement mapIdentities(JsonElement body, Names names) {
        JsonElement copy = body.deepCopy();
        walk(copy, names);
        return copy;
    }

    private static void walk(JsonElement e, Names names) {
        if (e.isJsonArray()) {
            for (JsonElement c : e.getAsJsonArray()) {
                walk(c, names);
            }
        } else if (e.isJsonObject()) {
            JsonObject o = e.getAsJsonObject();
            for (String k : new ArrayList<>(o.keySet())) {
                JsonElement v = o.get(k);
                String lk = k.toLowerCase(Locale.ROOT);
                if (v.isJsonPrimitive() && GUID.matcher(v.getAsString()).matches()) {
                    if (lk.equals("tenantid")) {
                        o.addProperty(k, SandboxSeed.TENANT_ID);
                    } else if (lk.equals("principalid") || lk.equals("objectid")) {
                        o.addProperty(k, names.principal(v.getAsString()));
                    }
                } else {
                    walk(v, names);
                }
            }
        }
    }

    /** The recording's names mapped to fresh ones of the same length and kind. */
    final class Names {
        private final Map<String, String> map = new HashMap<>();
        private final Map<String, String> principals = new HashMap<>();

        String principal(String recorded) {
            return principals.computeIfAbsent(recorded.toLowerCase(Locale.ROOT),
                    k -> PRINCIPALS.get(principals.size() % PRINCIPALS.size()));
        }

        /** Registers the group and resource names of a path. */
        void learn(String path) {
            String[] s = strip(path).split("/");
            int providers = -1;
            for (int i = 0; i < s.length; i++) {
                if (s[i].equalsIgnoreCase("providers")) {
                    providers = i;
                }
            }
            for (int i = 0; i + 1 < s.length; i++) {
                if (s[i].equalsIgnoreCase("resourcegroups")) {
                    fresh(s[i + 1]);
                }
            }
            if (providers >= 0) {
                for (int i = providers + 3; i < s.length; i += 2) {
                    boolean named = !s[i - 1].equalsIgnoreCase("locations") && !s[i - 1].toLowerCase(Locale.ROOT).contains("operation");
                    if (named && !GUID.matcher(s[i]).matches() && !s[i].equalsIgnoreCase("default")) {
                        fresh(s[i]);
                    }
                }
            }
        }

        private void fresh(String name) {
            map.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> {
                String token = Integer.toString(1296 + counter++ % 45000, 36);
                token = token.length() > 3 ? token.substring(token.length() - 3) : token;
                return k.length() <= 4 ? k + token : k.substring(0, k.length() - 3) + token;
            });
        }

        String apply(String text) {
            String out = SUBSCRIPTION.matcher(text.replace(RECORDED_SUB, SandboxSeed.SUBSCRIPTION_ID))
                    .replaceAll("$1subscriptions/" + SandboxSeed.SUBSCRIPTION_ID);
            // longest first, so that a name inside another is not replaced first; a name quoted in a $filter ('%27') too
            List<String> keys = new ArrayList<>(map.keySet());
            keys.sort((a, b) -> b.length() - a.length());
            for (String k : keys) {
                out = Pattern.compile("(?i)(?:(?<![A-Za-z0-9_.-])|(?<=%27))" + Pattern.quote(k) + "(?![A-Za-z0-9_-])")
                        .matcher(out).replaceAll(Matcher.quoteReplacement(map.get(k)));
            }
            return out;
        }
    }

    Names newNames() {
        return new Names();
    }

    static JsonArray arr(JsonElement e) {
        return e != null && e.isJsonArray() ? e.getAsJsonArray() : new JsonArray();
    }
}
