package dev.amlsh.command;

import dev.amlsh.core.AmlshException;
import dev.amlsh.azure.RoleService;
import dev.amlsh.output.TableColumn;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code role}: Azure RBAC role assignments and role definitions.
 *
 * <pre>{@code
 * role assignment create --assignee bob@sandbox.amlsh --role Reader -g rg1
 * }</pre>
 */
@Command(name = "role", description = "Manage Azure role-based access control (Azure RBAC).",
        footerHeading = "%nExamples:%n", footer = {"  role assignment create --assignee bob@sandbox.amlsh --role Reader -g rg1", "  role definition list -o table"},
        subcommands = {RoleCommands.Assignment.class, RoleCommands.Definition.class})
public final class RoleCommands {
    static final List<TableColumn> ASSIGNMENTS = List.of(new TableColumn("Principal", "principalName"),
            new TableColumn("Role", "roleDefinitionName"), new TableColumn("Scope", "scope"));
    static final List<TableColumn> DEFINITIONS = List.of(new TableColumn("Name", "roleName"),
            new TableColumn("Type", "roleType"), new TableColumn("Description", "description"));

    /** Where: {@code --scope} or {@code -g} (not both); neither means the subscription. */
    static final class Where {
        @Option(names = "--scope", paramLabel = "SCOPE", order = 5,
                description = "Scope the assignment applies to, e.g. /subscriptions/<id>/resourceGroups/rg1 or a resource ID."
                        + " Default: the subscription.")
        String scope;

        @Option(names = {"-g", "--resource-group"}, paramLabel = "GROUP", order = 6,
                description = "Use the resource group as the scope.")
        String group;
    }

    @Command(name = "assignment", description = "Manage role assignments.",
            footerHeading = "%nExamples:%n", footer = {"  role assignment list --assignee bob@sandbox.amlsh --all -o table"},
            subcommands = {Create.class, ListAssignments.class, Delete.class})
    static final class Assignment {
    }

    @Command(name = "definition", description = "Show role definitions.",
            footerHeading = "%nExamples:%n", footer = {"  role definition list --name Reader"},
            subcommands = {ListDefinitions.class})
    static final class Definition {
    }

    @Command(name = "create", description = "Create a new role assignment for a user or service principal.",
            footerHeading = "%nExamples:%n",
            footer = {"  role assignment create --assignee bob@sandbox.amlsh --role Reader -g rg1",
                    "  role assignment create --assignee alice@sandbox.amlsh --role \"AzureML Data Scientist\" --scope"
                            + " /subscriptions/<id>/resourceGroups/rg1/providers/Microsoft.MachineLearningServices/workspaces/ws1"})
    static final class Create extends AmlCommand {
        @Option(names = "--assignee", required = true, paramLabel = "USER", order = 1,
                description = "User principal name (bob@sandbox.amlsh), application ID or object ID.")
        String assignee;

        @Option(names = "--role", required = true, paramLabel = "ROLE", order = 2,
                description = "Role name (any casing, e.g. Reader) or role definition GUID or ID.")
        String role;

        @picocli.CommandLine.Mixin
        Where where;

        @Override
        protected CommandResult execute() {
            RoleService roles = ctx.azure().roles(global.subscription());
            return new CommandResult(roles.assign(roles.scopeOf(where.group, where.scope), assignee, role), ASSIGNMENTS);
        }
    }

    @Command(name = "list", description = "List role assignments (at the subscription unless --scope, -g or --all).",
            footerHeading = "%nExamples:%n",
            footer = {"  role assignment list -g rg1 -o table", "  role assignment list --all --assignee bob@sandbox.amlsh",
                    "  role assignment list --scope <workspace-id> --include-inherited --query \"[].roleDefinitionName\""})
    static final class ListAssignments extends AmlCommand {
        @Option(names = "--assignee", paramLabel = "USER", order = 1, description = "Only this user or service principal's.")
        String assignee;

        @Option(names = "--all", order = 2, description = "Everything in the subscription, its groups and resources.")
        boolean all;

        @Option(names = "--include-inherited", order = 3, description = "Also assignments of the scopes above (e.g. the subscription's).")
        boolean inherited;

        @picocli.CommandLine.Mixin
        Where where;

        @Override
        protected CommandResult execute() {
            RoleService roles = ctx.azure().roles(global.subscription());
            if (all) {
                if (where.scope != null || where.group != null) {
                    throw AmlshException.usage("--all lists everything; leave out --scope and -g.", null);
                }
                return new CommandResult(roles.listAll(assignee), ASSIGNMENTS);
            }
            return new CommandResult(roles.list(roles.scopeOf(where.group, where.scope), assignee, inherited), ASSIGNMENTS);
        }
    }

    @Command(name = "delete", description = "Delete role assignments.",
            footerHeading = "%nExamples:%n",
            footer = {"  role assignment delete --assignee bob@sandbox.amlsh --role Reader -g rg1",
                    "  role assignment delete --ids <assignment-id> <assignment-id>"})
    static final class Delete extends AmlCommand {
        @Option(names = "--ids", arity = "1..*", paramLabel = "ID", order = 1, description = "IDs of the assignments to delete.")
        List<String> ids;

        @Option(names = "--assignee", paramLabel = "USER", order = 2, description = "Delete this user or service principal's.")
        String assignee;

        @Option(names = "--role", paramLabel = "ROLE", order = 3, description = "Delete assignments of this role.")
        String role;

        @picocli.CommandLine.Mixin
        Where where;

        @Override
        protected CommandResult execute() {
            RoleService roles = ctx.azure().roles(global.subscription());
            if (ids != null) {
                if (assignee != null || role != null || where.scope != null || where.group != null) {
                    throw AmlshException.usage("With --ids, leave out --assignee, --role, --scope and -g.", null);
                }
                roles.deleteByIds(ids);
                return null;
            }
            if (assignee == null && role == null && where.scope == null && where.group == null) {
                throw AmlshException.usage("Say which assignments to delete.",
                        "Give --ids, or at least one of --assignee, --role, --scope, -g.");
            }
            roles.delete(roles.scopeOf(where.group, where.scope), assignee, role);
            return null;
        }
    }

    @Command(name = "list", description = "List role definitions.",
            footerHeading = "%nExamples:%n",
            footer = {"  role definition list -o table", "  role definition list --name \"AzureML Data Scientist\""})
    static final class ListDefinitions extends AmlCommand {
        @Option(names = {"-n", "--name"}, paramLabel = "ROLE", order = 1, description = "Only the role with this name or GUID.")
        String name;

        @Override
        protected CommandResult execute() {
            return new CommandResult(ctx.azure().roles(global.subscription()).definitions(name), DEFINITIONS);
        }
    }

    private RoleCommands() {
    }
}
