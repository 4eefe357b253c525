package dev.amlsh.command;

import dev.amlsh.core.AmlshException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code -w/--workspace-name} and {@code -g/--resource-group} of the {@code ml workspace}
 * commands, defined once: each falls back to the session ({@code configure --defaults
 * workspace=...}, the current group).
 *
 * <pre>{@code
 * @Mixin WorkspaceOptions target;
 * String ws = target.workspace(ctx);
 * }</pre>
 */
final class WorkspaceOptions {
    @Option(names = {"-w", "--workspace-name"}, paramLabel = "WORKSPACE", order = 1,
            description = "Name of the workspace. Default: the configured workspace ('configure --defaults workspace=ws1').")
    String workspace;

    @Mixin
    SharedOptions.Group group;

    String workspace(CommandContext ctx) {
        if (workspace != null && !workspace.isBlank()) {
            return workspace;
        }
        return ctx.session().state().defaultValue("workspace").orElseThrow(() -> AmlshException.usage(
                "No workspace given.", "Add -w <workspace>, or set one with 'configure --defaults workspace=<name>'."));
    }

    String group(CommandContext ctx) {
        return group.resolve(ctx);
    }
}
