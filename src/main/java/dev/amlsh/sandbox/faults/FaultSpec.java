package dev.amlsh.sandbox.faults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text form of a fault rule, as {@code amlsh sandbox serve --fault SPEC} takes it: settings
 * separated by commas, each {@code key=value} or a bare effect.
 * <ul>
 *   <li>effect (one): {@code 503} or {@code status=503} (any 400-599), {@code drop}, {@code lro-fail},
 *       {@code lro-cancel}, {@code token-fail}; {@code delay=MS} alone is a slow answer, with another effect it comes first</li>
 *   <li>{@code retry-after=S}: seconds in the {@code Retry-After} header (429 sends 1 unless told)</li>
 *   <li>match: {@code method=GET} (or {@code PUT|PATCH}), {@code path=GLOB}, {@code op=GLOB} over the operation
 *       name ({@code Microsoft.Resources/subscriptions/resourceGroups/write}); {@code *} matches any run, {@code ?} one character</li>
 *   <li>how often: {@code rate=0.3} (probability), or {@code every=3} (every third match); {@code times=2} fires at most twice</li>
 * </ul>
 *
 * <pre>{@code
 * FaultRule r = FaultSpec.parse("429,retry-after=2,method=GET,times=3");
 * FaultRule s = FaultSpec.of(Map.of("status", "503", "path", "/subscriptions*", "times", "2"));
 * }</pre>
 */
public final class FaultSpec {
    static final List<String> KEYS = dev.amlsh.sandbox.contract.FaultSettings.KEYS;

    private FaultSpec() {
    }

    /** Parses {@code "503,path=GLOB,times=2"}; a bad spec is an {@link IllegalArgumentException} with a one-line reason. */
    public static FaultRule parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("empty fault spec; e.g. \"503,method=GET,times=2\"");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            String key = (eq < 0 ? p : p.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : p.substring(eq + 1).strip();
            if (eq < 0 && key.matches("\\d{3}")) {
                value = key;
                key = "status";
            }
            if (settings.put(key, value) != null) {
                throw new IllegalArgumentException("'" + key + "' is given twice in the fault spec");
            }
        }
        return of(settings);
    }

    /** Builds a rule from settings named as in the spec (flags such as {@code drop} with any value, "" included). */
    public static FaultRule of(Map<String, String> settings) {
        for (String key : settings.keySet()) {
            String k = key.equals("operation") ? "op" : key;
            if (!KEYS.contains(k)) {
                throw new IllegalArgumentException("unknown fault setting '" + key + "'; use " + String.join(", ", KEYS));
            }
        }
        List<FaultRule.Effect> effects = new ArrayList<>();
        int status = 0;
        if (settings.containsKey("status")) {
            status = integer(settings, "status", 400, 599);
            effects.add(FaultRule.Effect.STATUS);
        }
        for (FaultRule.Effect e : new FaultRule.Effect[] {FaultRule.Effect.DROP, FaultRule.Effect.LRO_FAIL,
                FaultRule.Effect.LRO_CANCEL, FaultRule.Effect.TOKEN_FAIL}) {
            if (settings.containsKey(e.word())) {
                effects.add(e);
            }
        }
        long delay = settings.containsKey("delay") ? integer(settings, "delay", 1, 600_000) : 0;
        if (effects.size() > 1) {
            throw new IllegalArgumentException("a fault has one effect, not " + effects.size()
                    + " (status, drop, lro-fail, lro-cancel, token-fail); add one rule per effect");
        }
        if (effects.isEmpty() && delay == 0) {
            throw new IllegalArgumentException("a fault needs an effect: a status such as 503, delay=MS, drop, lro-fail,"
                    + " lro-cancel or token-fail");
        }
        FaultRule.Effect effect = effects.isEmpty() ? FaultRule.Effect.DELAY : effects.get(0);
        int retryAfter = settings.containsKey("retry-after") ? integer(settings, "retry-after", 0, 3600) : status == 429 ? 1 : -1;
        if (retryAfter >= 0 && effect != FaultRule.Effect.STATUS) {
            throw new IllegalArgumentException("retry-after goes with a status (e.g. 429,retry-after=2)");
        }
        String method = text(settings, "method");
        if (method != null) {
            method = method.toUpperCase(Locale.ROOT);
            if (!method.matches("[A-Z]+(\\|[A-Z]+)*")) {
                throw new IllegalArgumentException("method must be like GET or PUT|PATCH, not '" + settings.get("method") + "'");
            }
        }
        String path = text(settings, "path");
        String op = text(settings, "op") != null ? text(settings, "op") : text(settings, "operation");
        if (effect == FaultRule.Effect.TOKEN_FAIL && (method != null || path != null || op != null)) {
            throw new IllegalArgumentException("token-fail always matches the token endpoint; drop method, path and op");
        }
        double rate = 1.0;
        if (settings.containsKey("rate")) {
            try {
                rate = Double.parseDouble(settings.get("rate"));
            } catch (NumberFormatException e) {
                rate = -1;
            }
            if (!(rate > 0 && rate <= 1)) {
                throw new IllegalArgumentException("rate must be a probability above 0 and at most 1, e.g. rate=0.3");
            }
        }
        int every = settings.containsKey("every") ? integer(settings, "every", 1, 1_000_000) : 0;
        if (every > 0 && settings.containsKey("rate")) {
            throw new IllegalArgumentException("use rate or every, not both");
        }
        int times = settings.containsKey("times") ? integer(settings, "times", 1, 1_000_000) : 0;
        return new FaultRule(0, effect, status, retryAfter, delay, method, path, op, rate, every, times, 0, 0);
    }

    /** The canonical spec of a rule (what {@link #parse} reads back to the same rule). */
    public static String format(FaultRule r) {
        List<String> parts = new ArrayList<>();
        if (r.effect() == FaultRule.Effect.STATUS) {
            parts.add(String.valueOf(r.status()));
        } else if (r.effect() != FaultRule.Effect.DELAY) {
            parts.add(r.effect().word());
        }
        if (r.delayMs() > 0) {
            parts.add("delay=" + r.delayMs());
        }
        if (r.retryAfter() >= 0) {
            parts.add("retry-after=" + r.retryAfter());
        }
        if (r.method() != null) {
            parts.add("method=" + r.method());
        }
        if (r.path() != null) {
            parts.add("path=" + r.path());
        }
        if (r.operation() != null) {
            parts.add("op=" + r.operation());
        }
        if (r.rate() < 1) {
            parts.add("rate=" + r.rate());
        }
        if (r.every() > 0) {
            parts.add("every=" + r.every());
        }
        if (r.times() > 0) {
            parts.add("times=" + r.times());
        }
        return String.join(",", parts);
    }

    private static String text(Map<String, String> settings, String key) {
        String v = settings.get(key);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static int integer(Map<String, String> settings, String key, int min, int max) {
        String v = settings.get(key);
        try {
            int n = Integer.parseInt(v == null ? "" : v.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be a whole number from " + min + " to " + max + ", not '" + v + "'");
    }
}
