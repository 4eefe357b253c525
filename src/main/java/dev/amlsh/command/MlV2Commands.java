package dev.amlsh.command;

import picocli.CommandLine.Command;

/**
 * The v2 dialect of {@code ml workspace} (the Azure CLI's {@code ml} extension): a second
 * picocli tree with the same command names, chosen per line by {@link MlDialect}. The commands
 * call the same {@code WorkspaceManager} as v1 and print v2's snake_case objects.
 *
 * <pre>{@code
 * ml workspace create -n ws1 -g rg1 --display-name Team
 * ml workspace create -g rg1 --file workspace.yml
 * }</pre>
 */
@Command(name = "amlsh", description = "An interactive shell for Azure Machine Learning workspaces.",
        subcommands = MlV2Commands.Ml.class)
final class MlV2Commands {

    @Command(name = "ml", description = "Azure Machine Learning (v2 dialect: the ml extension).",
            footerHeading = "%nExamples:%n", footer = {"  ml workspace create -n ws1 -g rg1", "  ml workspace list -o table"},
            subcommands = Workspace.class)
    static final class Ml {
    }

    @Command(name = "workspace", description = "Manage Azure Machine Learning workspaces (v2: -n names the workspace).",
            subcommands = {WorkspaceV2CreateCommand.class, WorkspaceV2Commands.ListWorkspaces.class, WorkspaceV2Commands.Show.class,
                    WorkspaceV2Commands.Update.class, WorkspaceV2Commands.Delete.class, WorkspaceV2Commands.ListKeys.class,
                    WorkspaceV2Commands.SyncKeys.class, WorkspaceV2Commands.Diagnose.class, WorkspaceV2Commands.ProvisionNetwork.class,
                    OutboundRule.class},
            footerHeading = "%nExamples:%n",
            footer = {"  ml workspace create -n ws1 -g rg1", "  ml workspace create -g rg1 --file workspace.yml",
                    "  ml workspace update -n ws1 -g rg1 --display-name Team --set tags.team=ml",
                    "  ml workspace delete -n ws1 -g rg1 --yes",
                    "  (v1 lines, with -w, run too: 'configure --defaults ml-cli=v2' makes v2 the default; 'migrate FILE' moves scripts)"})
    static final class Workspace {
    }

    @Command(name = "outbound-rule", description = "Outbound rules of a workspace's managed network.",
            subcommands = {OutboundRuleCommands.ListRules.class, OutboundRuleCommands.Show.class, OutboundRuleCommands.Set.class,
                    OutboundRuleCommands.Remove.class},
            footerHeading = "%nExamples:%n",
            footer = {"  ml workspace outbound-rule set -w ws1 -g rg1 --rule pypi --type fqdn --destination pypi.org",
                    "  ml workspace outbound-rule list -w ws1 -g rg1 -o table"})
    static final class OutboundRule {
    }

    MlV2Commands() {
    }
}
