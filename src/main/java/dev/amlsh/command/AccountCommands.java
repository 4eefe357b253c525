package dev.amlsh.command;

import dev.amlsh.output.TableColumn;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code account}: the subscriptions of the sign-in, the current one, and locations.
 *
 * <pre>{@code
 * account set -s "Sandbox"
 * }</pre>
 */
@Command(name = "account", description = "Manage the subscriptions of your sign-in.",
        footerHeading = "%nExamples:%n", footer = {"  account list -o table", "  account set -s Sandbox"},
        subcommands = {AccountCommands.ListSubscriptions.class, AccountCommands.Show.class,
                AccountCommands.Set.class, AccountCommands.ListLocations.class})
public final class AccountCommands {
    static final List<TableColumn> TABLE = List.of(new TableColumn("Name", "name"),
            new TableColumn("CloudName", "environmentName"), new TableColumn("SubscriptionId", "id"),
            new TableColumn("TenantId", "tenantId"), new TableColumn("State", "state"),
            new TableColumn("IsDefault", "isDefault"));

    @Command(name = "list", description = "List the subscriptions you can use.",
            footerHeading = "%nExamples:%n", footer = {"  account list -o table"})
    static final class ListSubscriptions extends AmlCommand {
        @Override
        protected CommandResult execute() {
            return new CommandResult(ctx.azure().account().list(), TABLE);
        }
    }

    @Command(name = "show", description = "Show the current subscription (or the one given by --subscription).",
            footerHeading = "%nExamples:%n", footer = {"  account show", "  account show --query id -o tsv"})
    static final class Show extends AmlCommand {
        @Override
        protected CommandResult execute() {
            return new CommandResult(ctx.azure().account().show(global.subscription()), TABLE);
        }
    }

    @Command(name = "set", description = "Make a subscription the current one.",
            footerHeading = "%nExamples:%n", footer = {"  account set -s \"Sandbox\"", "  account set --subscription 0b1f6471-1bf0-4dda-aec3-111122223333"})
    static final class Set extends AmlCommand {
        @Option(names = {"-s", "-n", "--name"}, paramLabel = "NAME_OR_ID", order = 1,
                description = "Name or ID of the subscription (also accepted as --subscription).")
        String name;

        @Override
        protected CommandResult execute() {
            String wanted = name != null ? name : global.subscription();
            if (wanted == null) {
                throw dev.amlsh.core.AmlshException.usage("Which subscription?",
                        "Give its name or ID with -s, e.g. 'account set -s Sandbox' (see 'account list').");
            }
            ctx.azure().account().select(wanted);
            return null;
        }
    }

    @Command(name = "list-locations", description = "List the locations of the subscription.",
            footerHeading = "%nExamples:%n", footer = {"  account list-locations -o table", "  account list-locations --query \"[].name\" -o tsv"})
    static final class ListLocations extends AmlCommand {
        @Override
        protected CommandResult execute() {
            return new CommandResult(ctx.azure().account().locations(global.subscription()),
                    List.of(new TableColumn("DisplayName", "displayName"), new TableColumn("Name", "name"),
                            new TableColumn("RegionalDisplayName", "regionalDisplayName")));
        }
    }

    private AccountCommands() {
    }
}
