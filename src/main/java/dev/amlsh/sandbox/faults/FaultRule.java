package dev.amlsh.sandbox.faults;

import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.Json;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One fault the sandbox injects: which requests it matches, how often it fires, and what it does.
 * A rule with no method, path or operation matches every ARM request ({@code token-fail} matches
 * only the token endpoint, and no other rule ever does).
 *
 * <pre>{@code
 * FaultRule r = FaultSpec.parse("503,method=GET,path=/subscriptions*,times=2");
 * sandbox.faults().add(r);
 * }</pre>
 *
 * @param id          number given when added (0 before)
 * @param effect      what happens
 * @param status      HTTP status for {@link Effect#STATUS} (400-599), else 0
 * @param retryAfter  {@code Retry-After} seconds sent with the status, or -1 for none
 * @param delayMs     milliseconds to wait before answering (any effect), 0 for none
 * @param method      HTTP method to match (upper case; {@code |} separates several), or null for any
 * @param path        glob over the request path, case-insensitive; {@code *} is any run of characters, {@code ?} one
 * @param operation   glob over the operation name, e.g. {@code Microsoft.Resources/subscriptions/resourceGroups/write}
 * @param rate        probability of firing on a match (0 < rate <= 1)
 * @param every       fire on every Nth match only (0 = not used)
 * @param times       fire at most this many times in all (0 = no limit)
 * @param seen        matches so far
 * @param fired       firings so far
 */
public record FaultRule(int id, Effect effect, int status, int retryAfter, long delayMs, String method, String path,
                        String operation, double rate, int every, int times, int seen, int fired) {

    /** What a rule does to a request it fires on. */
    public enum Effect {
        /** Answer with an ARM error of the given status (429 with {@code Retry-After}, 500, 503, ...). */
        STATUS("status"),
        /** Answer normally, after {@code delayMs}. */
        DELAY("delay"),
        /** Close the connection without answering. */
        DROP("drop"),
        /** Let the request start its long-running operation, which then ends {@code Failed}. */
        LRO_FAIL("lro-fail"),
        /** Let the request start its long-running operation, which then ends {@code Canceled}. */
        LRO_CANCEL("lro-cancel"),
        /** The token endpoint answers 503 {@code temporarily_unavailable}. */
        TOKEN_FAIL("token-fail");

        private final String word;

        Effect(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        static Effect ofWord(String word) {
            for (Effect e : values()) {
                if (e.word.equalsIgnoreCase(word)) {
                    return e;
                }
            }
            return null;
        }
    }

    /** True when this rule concerns a request with this method, path and operation name. */
    public boolean matches(String requestMethod, String requestPath, String operationName, boolean tokenEndpoint) {
        if ((effect == Effect.TOKEN_FAIL) != tokenEndpoint) {
            return false;
        }
        if (method != null && !("|" + method + "|").contains("|" + requestMethod.toUpperCase(Locale.ROOT) + "|")) {
            return false;
        }
        if (path != null && !glob(path).matcher(requestPath).matches()) {
            return false;
        }
        return operation == null || operationName != null && glob(operation).matcher(operationName).matches();
    }

    /** The same rule with a new id and counters. */
    FaultRule with(int newId, int newSeen, int newFired) {
        return new FaultRule(newId, effect, status, retryAfter, delayMs, method, path, operation, rate, every, times, newSeen, newFired);
    }

    /** True when a limit of {@code times} is reached. */
    public boolean exhausted() {
        return times > 0 && fired >= times;
    }

    /** The rule as {@code sandbox faults list} prints it (and the store keeps it). */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("id", id);
        o.addProperty("effect", effect.word());
        if (status > 0) {
            o.addProperty("status", status);
        }
        if (retryAfter >= 0) {
            o.addProperty("retryAfter", retryAfter);
        }
        if (delayMs > 0) {
            o.addProperty("delayMs", delayMs);
        }
        o.addProperty("method", method);
        o.addProperty("path", path);
        o.addProperty("operation", operation);
        o.addProperty("rate", rate);
        o.addProperty("every", every);
        o.addProperty("times", times);
        o.addProperty("seen", seen);
        o.addProperty("fired", fired);
        o.addProperty("spec", FaultSpec.format(this));
        return o;
    }

    static FaultRule fromJson(String text) {
        JsonObject o = Json.parseObject(text);
        return new FaultRule(o.get("id").getAsInt(), Effect.ofWord(Json.string(o, "effect")), intOr(o, "status", 0),
                intOr(o, "retryAfter", -1), o.has("delayMs") ? o.get("delayMs").getAsLong() : 0, Json.string(o, "method"),
                Json.string(o, "path"), Json.string(o, "operation"), o.get("rate").getAsDouble(), intOr(o, "every", 0),
                intOr(o, "times", 0), intOr(o, "seen", 0), intOr(o, "fired", 0));
    }

    private static int intOr(JsonObject o, String member, int fallback) {
        return o.has(member) && !o.get(member).isJsonNull() ? o.get(member).getAsInt() : fallback;
    }

    /** A glob as a case-insensitive regular expression: {@code *} any run (slashes included), {@code ?} one character. */
    static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }
}
