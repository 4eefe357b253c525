package dev.amlsh.shell;

import dev.amlsh.command.SecretOptions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Hides secrets typed on a command line before the line is kept in the history: the value after
 * any of {@link SecretOptions#NAMES} ({@code -p}, {@code --password}, {@code --account-key} ...; also
 * {@code --opt=value} and {@code -pVALUE}) becomes {@code ***}.
 *
 * <pre>{@code
 * SecretMask.mask("login --service-principal -u app -p s3cr3t --tenant t");
 * // login --service-principal -u app -p *** --tenant t
 * }</pre>
 */
final class SecretMask {
    private static final String OPTIONS = SecretOptions.NAMES.stream().map(Pattern::quote).collect(Collectors.joining("|"));
    private static final String VALUE = "\"(?:\\\\.|[^\"\\\\])*\"?|'[^']*'?|(?:\\\\.|[^\\s\\\\])+\\\\?";
    private static final Pattern SEPARATE = Pattern.compile("(?<=^|\\s)(" + OPTIONS + ")(=|\\s+)(" + VALUE + ")");
    private static final Pattern ATTACHED = Pattern.compile("(?<=^|\\s)(" + SecretOptions.NAMES.stream()
            .filter(n -> n.length() == 2).map(Pattern::quote).collect(Collectors.joining("|")) + ")(?![\\s=])(" + VALUE + ")");

    private SecretMask() {
    }

    static String mask(String line) {
        String masked = SEPARATE.matcher(line).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + SecretOptions.MASK));
        return ATTACHED.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + SecretOptions.MASK));
    }
}
