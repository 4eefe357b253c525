package dev.amlsh.command;

import picocli.CommandLine.Command;

/**
 * {@code ml}: Azure Machine Learning; {@code ml workspace} holds the workspace commands.
 *
 * <pre>{@code
 * ml workspace create -w ws1 -g rg1
 * }</pre>
 */
@Command(name = "ml", description = "Azure Machine Learning.",
        footerHeading = "%nExamples:%n", footer = {"  ml workspace create -w ws1 -g rg1", "  ml workspace list -o table"},
        subcommands = MlCommands.Workspace.class)
public final class MlCommands {

    @Command(name = "workspace", description = "Manage Azure Machine Learning workspaces.",
            subcommands = {WorkspaceCreateCommand.class, WorkspaceCommands.ListWorkspaces.class,
                    WorkspaceCommands.Show.class, WorkspaceCommands.Update.class, WorkspaceCommands.Share.class,
                    WorkspaceCommands.SyncKeys.class, WorkspaceCommands.ListKeys.class, WorkspaceCommands.Diagnose.class,
                    WorkspaceCommands.Delete.class},
            footerHeading = "%nExamples:%n",
            footer = {"  ml workspace create -w ws1 -g rg1", "  ml workspace list -o table", "  ml workspace show -w ws1 -g rg1",
                    "  v2 (today's CLI): ml workspace create -n ws1 -g rg1, --file ws.yml; 'configure --defaults ml-cli=v2' for v2 help",
                    "  migrate setup.amlsh               move a v1 script to v2"})
    static final class Workspace {
    }

    private MlCommands() {
    }
}
