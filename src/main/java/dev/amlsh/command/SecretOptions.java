package dev.amlsh.command;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The options whose values are secrets, declared once. History masking (the shell), {@code -x}
 * traces and {@code --what-if} lines (scripts), error messages and {@code --debug} output all read
 * this list, so an option added here is hidden everywhere.
 *
 * <pre>{@code
 * SecretOptions.mask(List.of("login", "-p", "hunter2"));   // [login, -p, ***]
 * SecretOptions.values(List.of("--password=hunter2"));      // [hunter2]
 * }</pre>
 */
public final class SecretOptions {
    /** Option names (as typed) whose value is a secret. */
    public static final List<String> NAMES = List.of("-p", "--password", "--secret", "--client-secret", "--account-key",
            "--sas-token", "--connection-string", "--federated-token");
    /** What a secret is shown as. */
    public static final String MASK = "***";

    private SecretOptions() {
    }

    /** True for a secret option's name, e.g. {@code --password} (not {@code --password=x}). */
    public static boolean isSecret(String option) {
        return NAMES.contains(option);
    }

    /** The words with the secrets' values replaced: {@code -p x}, {@code --password=x} and {@code -px}. */
    public static List<String> mask(List<String> words) {
        List<String> out = new ArrayList<>(words.size());
        boolean maskNext = false;
        for (String w : words) {
            String secret = attached(w);
            out.add(maskNext && !w.startsWith("-") ? MASK : secret == null ? w : w.substring(0, w.length() - secret.length()) + MASK);
            maskNext = isSecret(w);
        }
        return out;
    }

    /** The secret values given in the words (see {@link #mask}). */
    public static Set<String> values(List<String> words) {
        Set<String> values = new LinkedHashSet<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String secret = attached(w);
            if (secret != null && !secret.isEmpty()) {
                values.add(secret);
            } else if (isSecret(w) && i + 1 < words.size() && !words.get(i + 1).startsWith("-") && !words.get(i + 1).isEmpty()) {
                values.add(words.get(i + 1));
            }
        }
        return values;
    }

    /** The text with each of the values, where it stands as a word of its own, replaced by {@link #MASK}. */
    public static String hide(String text, Set<String> values) {
        String out = text;
        for (String v : values) {
            out = Pattern.compile("(?<![^\\s'\"=:\\[,])" + Pattern.quote(v) + "(?![^\\s'\".,:\\]])").matcher(out)
                    .replaceAll(Matcher.quoteReplacement(MASK));
        }
        return out;
    }

    /** The value in {@code --password=x} or {@code -px}, else null. */
    private static String attached(String word) {
        int eq = word.indexOf('=');
        if (word.startsWith("-") && eq > 0 && isSecret(word.substring(0, eq))) {
            return word.substring(eq + 1);
        }
        for (String name : NAMES) {
            if (name.length() == 2 && word.length() > 2 && word.startsWith(name) && word.charAt(2) != '=') {
                return word.substring(2);
            }
        }
        return null;
    }
}
