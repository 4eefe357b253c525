package dev.amlsh.script;

import dev.amlsh.command.SecretOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Masks secrets in what a script shows ({@code -x} traces and {@code --what-if} lines): the
 * values of options such as {@code --password} or {@code --account-key}, {@code key=value}
 * words whose key names a secret, and any value the script already saw in such a place.
 *
 * <pre>{@code
 * secrets.show(List.of("login", "-p", "hunter2")); // "login -p ***"
 * }</pre>
 */
final class Secrets {
    static final String MASK = SecretOptions.MASK;
    /** The secret options everywhere ({@link SecretOptions#NAMES}), without their dashes. */
    private static final Set<String> EXACT = SecretOptions.NAMES.stream().map(n -> n.replaceFirst("^-+", ""))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    private static final Set<String> SECRET_PARTS = Set.of("key", "keys", "secret", "secrets", "password", "passwd", "pwd", "token");
    private static final Set<String> NOT_A_SECRET = Set.of("name", "id", "ids", "uri", "url", "vault", "type", "version", "source");
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./*-]+");

    private final Set<String> seen = new java.util.HashSet<>();

    /** True for an option (or key) whose value is a secret: --password, --account-key, clientSecret, ... */
    static boolean secretName(String name) {
        String n = name.replaceFirst("^-+", "").toLowerCase(Locale.ROOT);
        if (EXACT.contains(n)) {
            return true;
        }
        String[] parts = n.replaceAll("([a-z])(?=key|secret|password|token)", "$1-").split("[-_]");
        boolean secret = false;
        for (String part : parts) {
            secret |= SECRET_PARTS.contains(part);
        }
        return secret && !NOT_A_SECRET.contains(parts[parts.length - 1]) && !n.contains("vault");
    }

    /** Remembers a value that must never be shown (e.g. assigned to a variable named like a secret). */
    void remember(String value) {
        if (value != null && value.length() >= 4) {
            seen.add(value);
        }
    }

    /** The words, masked and shell-quoted, as one line. */
    String show(List<String> words) {
        return show(words, i -> false);
    }

    /** The same; words for which {@code written} holds are references shown as written ({@code $id}), double-quoted if need be. */
    String show(List<String> words, java.util.function.IntPredicate written) {
        List<String> out = new ArrayList<>();
        boolean maskNext = false;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String shown;
            if (maskNext && !w.startsWith("-")) {
                remember(w);
                shown = MASK;
            } else if (w.startsWith("-") && w.contains("=") && secretName(w.substring(0, w.indexOf('=')))) {
                remember(w.substring(w.indexOf('=') + 1));
                shown = w.substring(0, w.indexOf('=') + 1) + MASK;
            } else if (!w.startsWith("-") && w.indexOf('=') > 0 && secretName(w.substring(0, w.indexOf('=')))) {
                remember(w.substring(w.indexOf('=') + 1));
                shown = w.substring(0, w.indexOf('=') + 1) + MASK;
            } else {
                shown = w;
            }
            maskNext = w.startsWith("-") && !w.contains("=") && secretName(w);
            String masked = maskSeen(shown);
            out.add(!written.test(i) ? quote(masked) : masked.matches("[^\\s\"']+") ? masked : "\"" + masked + "\"");
        }
        return String.join(" ", out);
    }

    String maskSeen(String text) {
        String out = text;
        for (String s : seen) {
            out = out.replace(s, MASK);
        }
        return out;
    }

    static String quote(String word) {
        if (!word.isEmpty() && SAFE.matcher(word).matches()) {
            return word;
        }
        if (!word.matches("(?s).*[\"$`\\\\!].*")) {
            return "\"" + word + "\"";
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
