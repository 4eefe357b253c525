package dev.amlsh.command;

import dev.amlsh.core.AmlshException;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code extension add -n NAME}: the Azure CLI installs extensions; amlsh has the commands the
 * workflow needs built in, so a pasted {@code az extension add} says so and succeeds.
 *
 * <pre>{@code
 * az extension add -n application-insights
 * }</pre>
 */
@Command(name = "extension", description = "Azure CLI extensions: the ones the workflow uses are built into amlsh.",
        subcommands = ExtensionCommands.Add.class, footerHeading = "%nExamples:%n", footer = "  extension add -n application-insights")
final class ExtensionCommands {
    private static final Map<String, String> BUILT_IN = Map.of(
            "application-insights", "Application Insights commands are built into amlsh: 'monitor app-insights component ...'.",
            "ml", "The ml (v2) workspace commands are built into amlsh: 'ml workspace ...' with -n, --file and v2 output.",
            "azure-cli-ml", "The azure-cli-ml (v1) workspace commands are built into amlsh: 'ml workspace ...' with -w and v1 output.");

    @Command(name = "add", description = "Say which built-in commands an extension stands for; nothing to install.",
            footerHeading = "%nExamples:%n", footer = {"  extension add -n application-insights", "  extension add -n ml"})
    static final class Add extends AmlCommand {
        @Option(names = {"-n", "--name"}, required = true, paramLabel = "NAME", order = 1, description = "The extension's name.")
        String name;

        @Option(names = {"-y", "--yes"}, order = 2, description = "Accepted for the Azure CLI's sake; nothing is asked.")
        boolean yes;

        @Override
        protected CommandResult execute() {
            String said = BUILT_IN.get(name.toLowerCase(Locale.ROOT));
            if (said == null) {
                throw AmlshException.usage("amlsh has no extension '" + name + "' and installs none.",
                        "The built-in ones are application-insights, ml and azure-cli-ml; see 'help' for every command.");
            }
            ctx.io().err().println(said + " Nothing to install.");
            return null;
        }
    }

    private ExtensionCommands() {
    }
}
