package dev.amlsh.command;

import dev.amlsh.core.ExitCode;

import dev.amlsh.core.AmlshException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code source FILE [ARGS]}: runs a saved {@code .amlsh} script in this session, so the
 * subscription and group it sets stay set afterwards (and it starts from the shell's).
 *
 * <pre>{@code
 * source scripts/examples/01-setup-group.amlsh rg-team1 eastus
 * }</pre>
 */
@Command(name = "source", description = "Run a .amlsh script in this session (its subscription and group changes stay).",
        footerHeading = "%nExamples:%n",
        footer = {"  source scripts/examples/01-setup-group.amlsh rg-team1 eastus", "  source nightly-audit.amlsh"})
public final class ScriptCommands extends AmlCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "The script, relative to the working directory.")
    String file;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "Arguments, seen by the script as $1, $2, ... and $#.")
    List<String> args;

    @Override
    protected CommandResult execute() {
        ScriptHost host = ctx.scriptHost();
        if (host == null) {
            throw AmlshException.usage("Scripts cannot be run from here.", "Run it with 'amlsh " + file + "'.");
        }
        int code = host.source(file, args == null ? List.of() : args, ctx.io());
        if (code != ExitCode.OK) {
            throw new ReportedFailure(code);
        }
        return null;
    }
}
