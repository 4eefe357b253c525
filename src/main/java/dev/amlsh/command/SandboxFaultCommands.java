package dev.amlsh.command;

import dev.amlsh.azure.SandboxAdmin;
import dev.amlsh.output.TableColumn;
import dev.amlsh.sandbox.contract.FaultSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sandbox faults}: make the sandbox misbehave on purpose (throttling, server errors, slow
 * answers, dropped connections, failed or canceled operations, a failing token endpoint), to see
 * how commands and scripts cope. Rules live in the sandbox home, so a {@code sandbox serve} on the
 * same home obeys them too.
 *
 * <pre>{@code
 * sandbox faults add --status 503 --method GET --times 2
 * sandbox faults list -o table
 * sandbox faults clear
 * }</pre>
 */
@Command(name = "faults", description = "Inject faults into the sandbox (429, 5xx, delays, drops, failed operations).",
        footerHeading = "%nExamples:%n", footer = {"  sandbox faults add --status 503 --times 2", "  sandbox faults list", "  sandbox faults clear"},
        subcommands = {SandboxFaultCommands.Add.class, SandboxFaultCommands.ListFaults.class, SandboxFaultCommands.Clear.class})
final class SandboxFaultCommands {
    static final List<TableColumn> TABLE = List.of(new TableColumn("Id", "id"), new TableColumn("Spec", "spec"),
            new TableColumn("Seen", "seen"), new TableColumn("Fired", "fired"));

    @Command(name = "add", description = "Add a fault rule. The first matching rule that fires decides; see the examples.",
            footerHeading = "%nExamples:%n",
            footer = {"  sandbox faults add --status 503 --path \"*/resourceGroups/*\" --times 2",
                    "  sandbox faults add --status 429 --retry-after 2 --method GET --rate 0.3",
                    "  sandbox faults add --delay 3000 --operation \"Microsoft.Resources/subscriptions/resourceGroups/write\"",
                    "  sandbox faults add --drop --method PUT --every 3",
                    "  sandbox faults add --lro-fail --method DELETE --times 1",
                    "  sandbox faults add --token-fail --times 1",
                    "The same rules on 'amlsh sandbox serve --fault SPEC', e.g. --fault \"503,path=*/resourceGroups/*,times=2\"."})
    static final class Add extends AmlCommand {
        @Option(names = "--status", paramLabel = "CODE", order = 1, description = "Answer with this HTTP status (400-599), e.g. 429, 500, 503.")
        Integer status;

        @Option(names = "--retry-after", paramLabel = "SECONDS", order = 2, description = "Retry-After header with --status (429 sends 1).")
        Integer retryAfter;

        @Option(names = "--delay", paramLabel = "MS", order = 3, description = "Answer this many milliseconds late (alone or before another effect).")
        Integer delay;

        @Option(names = "--drop", order = 4, description = "Close the connection without answering.")
        boolean drop;

        @Option(names = "--lro-fail", order = 5, description = "The long-running operation the request starts ends Failed.")
        boolean lroFail;

        @Option(names = "--lro-cancel", order = 6, description = "The long-running operation the request starts ends Canceled.")
        boolean lroCancel;

        @Option(names = "--token-fail", order = 7, description = "The token endpoint answers 503 temporarily_unavailable.")
        boolean tokenFail;

        @Option(names = "--method", paramLabel = "METHOD", order = 8, description = "Only this HTTP method, e.g. GET or PUT|PATCH.")
        String method;

        @Option(names = "--path", paramLabel = "GLOB", order = 9, description = "Only paths matching this glob (* any run, ? one character; case-insensitive).")
        String path;

        @Option(names = "--operation", paramLabel = "GLOB", order = 10,
                description = "Only operations matching this glob, e.g. \"*/resourceGroups/write\" or \"*/listKeys/action\".")
        String operation;

        @Option(names = "--rate", paramLabel = "P", order = 11, description = "Fire on a match with this probability (0-1].")
        String rate;

        @Option(names = "--every", paramLabel = "N", order = 12, description = "Fire on every Nth match.")
        Integer every;

        @Option(names = "--times", paramLabel = "N", order = 13, description = "Fire at most N times in all.")
        Integer times;

        @Override
        protected CommandResult execute() {
            Map<String, String> settings = new LinkedHashMap<>();
            put(settings, FaultSettings.STATUS, status);
            put(settings, FaultSettings.RETRY_AFTER, retryAfter);
            put(settings, FaultSettings.DELAY, delay);
            flag(settings, FaultSettings.DROP, drop);
            flag(settings, FaultSettings.LRO_FAIL, lroFail);
            flag(settings, FaultSettings.LRO_CANCEL, lroCancel);
            flag(settings, FaultSettings.TOKEN_FAIL, tokenFail);
            put(settings, FaultSettings.METHOD, method);
            put(settings, FaultSettings.PATH, path);
            put(settings, FaultSettings.OPERATION, operation);
            put(settings, FaultSettings.RATE, rate);
            put(settings, FaultSettings.EVERY, every);
            put(settings, FaultSettings.TIMES, times);
            return new CommandResult(faults(ctx).addFault(settings), TABLE);
        }

        private static void put(Map<String, String> settings, String key, Object value) {
            if (value != null) {
                settings.put(key, value.toString());
            }
        }

        private static void flag(Map<String, String> settings, String key, boolean on) {
            if (on) {
                settings.put(key, "");
            }
        }
    }

    @Command(name = "list", description = "List the fault rules with how often each matched (seen) and fired.",
            footerHeading = "%nExamples:%n", footer = {"  sandbox faults list -o table"})
    static final class ListFaults extends AmlCommand {
        @Override
        protected CommandResult execute() {
            return new CommandResult(faults(ctx).faults(), TABLE);
        }
    }

    @Command(name = "clear", description = "Remove every fault rule, or one with --id.",
            footerHeading = "%nExamples:%n", footer = {"  sandbox faults clear", "  sandbox faults clear --id 2"})
    static final class Clear extends AmlCommand {
        @Option(names = "--id", paramLabel = "N", order = 1, description = "Remove only this rule.")
        Integer id;

        @Override
        protected CommandResult execute() {
            faults(ctx).clearFaults(id);
            return null;
        }
    }

    private static SandboxAdmin faults(CommandContext ctx) {
        return new SandboxAdmin(ctx.azure());
    }

    private SandboxFaultCommands() {
    }
}
