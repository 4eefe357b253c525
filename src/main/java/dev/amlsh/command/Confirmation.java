package dev.amlsh.command;

import dev.amlsh.core.AmlshException;

/**
 * Asks before a destructive command, as the Azure CLI does: a prompt at a terminal, and a usage
 * error without {@code --yes} where nobody can answer.
 *
 * <pre>{@code
 * Confirmation.require(ctx, yes, "group delete", "Delete rg1? (y/n): ");
 * }</pre>
 */
final class Confirmation {
    private Confirmation() {
    }

    static void require(CommandContext ctx, boolean yes, String command, String question) {
        if (yes) {
            return;
        }
        if (!ctx.io().interactive()) {
            throw AmlshException.usage("'" + command + "' needs confirmation and nobody can answer here.",
                    "Add --yes to run it without a prompt.");
        }
        if (!ctx.io().confirm().test(question)) {
            throw new AmlshException(AmlshException.Fault.USAGE, "Cancelled; nothing was changed.", null);
        }
    }
}
