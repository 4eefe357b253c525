package dev.amlsh.command;

import picocli.CommandLine.Mixin;

/**
 * A leaf command: declares its options and calls one manager method; the dispatcher prints what
 * it returns. Commands never touch the SDK.
 *
 * <pre>{@code
 * @Command(name = "show", description = "Show a resource group.")
 * static final class Show extends AmlCommand {
 *     @Option(names = {"-n", "--name", "-g", "--resource-group"}) String name;
 *     protected CommandResult execute() { return CommandResult.of(ctx.azure().groups(null).show(ctx.group(name))); }
 * }
 * }</pre>
 */
public abstract class AmlCommand {
    @Mixin
    protected GlobalOptions global;

    protected CommandContext ctx;

    final void bind(CommandContext context) {
        this.ctx = context;
    }

    GlobalOptions global() {
        return global;
    }

    /** Runs the command; returns what to print, or null to print nothing. */
    protected abstract CommandResult execute();

    /** Runs before {@link #execute()} and before any progress is shown: questions to the user go here. */
    protected void prepare() {
    }

    /** True when the command waits on a long-running operation (a terminal shows progress). */
    protected boolean longRunning() {
        return false;
    }
}
