package dev.amlsh.command;

import picocli.CommandLine.Option;

/**
 * The options every command takes, as the Azure CLI has them.
 *
 * <pre>{@code
 * group list -o table --query "[].name"
 * }</pre>
 */
public final class GlobalOptions {
    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", order = 900,
            description = "Output format: json, jsonc, table, tsv, yaml, none. Default: json.")
    String output;

    @Option(names = "--query", paramLabel = "JMESPATH", order = 901,
            description = "JMESPath query applied to the output, e.g. \"[].name\" or id.")
    String query;

    @Option(names = "--subscription", paramLabel = "NAME_OR_ID", order = 902,
            description = "Subscription to use instead of the current one.")
    String subscription;

    @Option(names = "--only-show-errors", order = 903, description = "Show only errors; no warnings.")
    boolean onlyShowErrors;

    @Option(names = "--verbose", order = 904, description = "Show more about what the command does.")
    boolean verbose;

    @Option(names = "--debug", order = 905, description = "Show every HTTP request and full errors.")
    boolean debug;

    @Option(names = {"-h", "--help"}, usageHelp = true, order = 906, description = "Show this help and exit.")
    boolean help;

    public String subscription() {
        return subscription;
    }

    public boolean debug() {
        return debug;
    }
}
