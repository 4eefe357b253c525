package dev.amlsh.command;

import java.util.List;
import picocli.CommandLine.Command;

/**
 * The top of the command tree. Every group and command of amlsh hangs from here; the Azure CLI's
 * leading {@code az} is accepted and dropped by the dispatcher.
 *
 * The groups are listed in {@link #COMMANDS} rather than in the annotation, so a one-shot command
 * reads the annotations of its own group only ({@link CommandTree}).
 *
 * <pre>{@code
 * CommandLine tree = new CommandLine(new RootCommand(), factory);
 * }</pre>
 */
@Command(name = "amlsh", description = "An interactive shell for Azure Machine Learning workspaces.",
        footerHeading = "%nExamples:%n",
        footer = {"  group create --name rg1 --location eastus", "  account set -s Sandbox",
                "  use rg1", "  help group create", "  tour                          learn the workspace workflow step by step",
                "  ?? [].name                    JMESPath on the last command's result",
                "  group show -n $_.name         $_ is the last result, $_.<path> a value in it"})
public final class RootCommand {
    /** The top-level groups and commands, in the order help lists them. */
    static final List<Class<?>> COMMANDS = List.of(SessionCommands.Login.class, SessionCommands.Logout.class,
            AccountCommands.class, GroupCommands.class, ProviderCommands.class, MlCommands.class, NetworkCommands.class,
            SessionCommands.Configure.class, SessionCommands.Use.class, SessionCommands.CloudCommands.class,
            SandboxCommands.class, StorageCommands.class, KeyVaultCommands.class, MonitorCommands.class, AcrCommands.class,
            RoleCommands.class, ScriptCommands.class, MigrateCommand.class, ExtensionCommands.class, TourCommand.class);
}
