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

    // "a/*/b" also matches "a/b": the AzureML Data Scientist role reads its workspace through
    // "workspaces/*/read" and is refused compute creation ("computes/write") through "computes/*/write".
    private static Pattern compile(String lowerPattern) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < lowerPattern.length(); i++) {
            char c = lowerPattern.charAt(i);
            if (c != '*') {
                literal.append(c);
                continue;
            }
            boolean segment = i > 0 && lowerPattern.charAt(i - 1) == '/' && i + 1 < lowerPattern.length()
                    && lowerPattern.charAt(i + 1) == '/';
            regex.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
            if (segment) {
                regex.append("(?:.*/)?");
                i++;
            } else {
                regex.append(".*");
            }
        }
        regex.append(Pattern.quote(literal.toString()));
        return Pattern.compile(regex.toString());
    }
}
