package dev.amlsh.sandbox.authz;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** ARM action patterns: {@code *} matches any run of characters (slashes included), case-insensitively. */
final class ActionPattern {
    // Patterns come from role definitions only (a fixed, small set), so compiling each once is safe to keep.
    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    private ActionPattern() {
    }

    static boolean matches(String pattern, String action) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.indexOf('*') < 0) {
            return pattern.equalsIgnoreCase(action);
        }
        return COMPILED.computeIfAbsent(pattern.toLowerCase(Locale.ROOT), ActionPattern::compile)
                .matcher(action.toLowerCase(Locale.ROOT)).matches();
    }

    static boolean anyMatches(List<String> patterns, String action) {
        for (String p : patterns) {
            if (matches(p, action)) {
                return true;
            }
        }
        return false;
    }

    private static Pattern compile(String lowerPattern) {
        StringBuilder regex = new StringBuilder();
        for (String part : lowerPattern.split("\\*", -1)) {
            if (regex.length() > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
