package dev.amlsh.output;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The values of {@code -o/--output}, as the Azure CLI names them.
 *
 * <pre>{@code
 * OutputFormat format = OutputFormat.parse("Table"); // TABLE
 * }</pre>
 */
public enum OutputFormat {
    JSON, JSONC, TABLE, TSV, YAML, NONE;

    /**
     * Reads a format name, ignoring case like {@code az} does.
     *
     * @throws IllegalArgumentException for an unknown name, with a one-line message listing the allowed ones
     */
    public static OutputFormat parse(String s) {
        String name = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        for (OutputFormat f : values()) {
            if (f.cliName().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("--output: invalid choice '" + s + "' (choose from "
                + Arrays.stream(values()).map(OutputFormat::cliName).collect(Collectors.joining(", ")) + ")");
    }

    /** The name as typed after {@code -o}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
