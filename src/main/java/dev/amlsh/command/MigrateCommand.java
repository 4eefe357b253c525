package dev.amlsh.command;

import dev.amlsh.core.ExitCode;

import dev.amlsh.core.AmlshException;
import dev.amlsh.migrate.Migrator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code migrate FILE}: prints a v1 script ({@code .amlsh}, or a shell script calling
 * {@code az ml workspace}) moved to the v2 dialect; {@code --write} saves it, {@code --check}
 * fails while v1 lines remain (for CI).
 *
 * <pre>{@code
 * migrate setup.amlsh --write setup-v2.amlsh
 * }</pre>
 */
@Command(name = "migrate", description = "Move a v1 'ml workspace' script (.amlsh or shell) to the v2 dialect.",
        footerHeading = "%nExamples:%n",
        footer = {"  migrate scripts/examples/02-workspace-auto.amlsh", "  migrate deploy.sh --write deploy-v2.sh",
                "  migrate setup.amlsh --check          exit 1 while v1 lines remain"})
final class MigrateCommand extends AmlCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "The v1 script: .amlsh, or a shell script calling 'az ml workspace'.")
    Path file;

    @Option(names = "--write", paramLabel = "FILE", order = 1, description = "Save the v2 script to this file instead of printing it.")
    Path write;

    @Option(names = "--check", order = 2, description = "Print nothing but the v1 lines (file:line); exit 1 if there are any.")
    boolean check;

    @Override
    protected CommandResult execute() {
        List<String> lines;
        try {
            lines = Files.readAllLines(dev.amlsh.core.WorkingDir.resolve(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw AmlshException.usage("'" + file + "' does not exist.", "Give the path of a v1 script.");
        } catch (IOException e) {
            throw AmlshException.usage("'" + file + "' cannot be read: " + e.getMessage() + ".", "Check the file and its permissions.");
        }
        Migrator.Result result = Migrator.migrate(lines, !file.toString().endsWith(".amlsh"));
        if (check) {
            for (int n : result.v1Lines()) {
                ctx.io().err().println(file + ":" + n + ": v1: " + lines.get(n - 1).strip());
            }
            ctx.io().err().flush();
            if (!result.v1Lines().isEmpty()) {
                throw new ReportedFailure(ExitCode.ERROR);
            }
            return null;
        }
        String text = String.join("\n", result.lines()) + "\n";
        if (write != null) {
            try {
                Files.writeString(dev.amlsh.core.WorkingDir.resolve(write), text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw AmlshException.usage("Cannot write '" + write + "': " + e.getMessage() + ".", "Check the folder and its permissions.");
            }
            ctx.io().err().println("Wrote " + write + " (" + result.v1Lines().size() + " v1 lines moved to v2).");
            return null;
        }
        ctx.io().out().print(text);
        ctx.io().out().flush();
        return null;
    }
}
