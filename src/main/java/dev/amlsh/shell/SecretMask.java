package dev.amlsh.shell;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides secrets typed on a command line before the line is kept in the history: the value after
 * {@code -p}, {@code --password}, {@code --secret}, {@code --client-secret}, {@code --account-key},
 * {@code --sas-token} or {@code --connection-string} (also {@code --opt=value} and {@code -pVALUE})
 * becomes {@code ***}.
 *
 * <pre>{@code
 * SecretMask.mask("login --service-principal -u app -p s3cr3t --tenant t");
 * // login --service-principal -u app -p *** --tenant t
 * }</pre>
 */
final class SecretMask {
    private static final String OPTIONS = "-p|--password|--secret|--client-secret|--account-key|--sas-token|--connection-string|--federated-token";
    private static final String VALUE = "\"(?:\\\\.|[^\"\\\\])*\"?|'[^']*'?|(?:\\\\.|[^\\s\\\\])+\\\\?";
    private static final Pattern SEPARATE = Pattern.compile("(?<=^|\\s)(" + OPTIONS + ")(=|\\s+)(" + VALUE + ")");
    private static final Pattern ATTACHED = Pattern.compile("(?<=^|\\s)-p(?![\\s=])(" + VALUE + ")");

    private SecretMask() {
    }

    static String mask(String line) {
        String masked = SEPARATE.matcher(line).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + "***"));
        return ATTACHED.matcher(masked).replaceAll("-p***");
    }
}
