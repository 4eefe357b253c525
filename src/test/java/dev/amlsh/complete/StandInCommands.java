package dev.amlsh.complete;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code ml workspace create|show|share} options as the Azure CLI names them, declared
 * programmatically (no annotations, no value kinds: completion finds them by name alone), added
 * to a tree that has no {@code ml} command yet. The benchmark and the completion tests use it
 * so they run the same whether or not the real workspace commands are merged.
 *
 * <pre>{@code
 * StandInCommands.addIfMissing(dispatcher.tree());
 * }</pre>
 */
final class StandInCommands {
    private StandInCommands() {
    }

    /** Adds {@code ml workspace ...} unless the tree has an {@code ml} command; returns the tree. */
    static CommandLine addIfMissing(CommandLine tree) {
        if (tree.getSubcommands().containsKey("ml")) {
            return tree;
        }
        CommandLine workspace = new CommandLine(CommandSpec.create().name("workspace"));
        workspace.addSubcommand("create", leaf("create", "-w", "--workspace-name", "-g", "--resource-group", "-l", "--location",
                "--storage-account", "--keyvault", "--application-insights", "--container-registry", "--cmk-keyvault"));
        workspace.addSubcommand("show", leaf("show", "-w", "--workspace-name", "-g", "--resource-group"));
        workspace.addSubcommand("delete", leaf("delete", "-w", "--workspace-name", "-g", "--resource-group", "--ids"));
        workspace.addSubcommand("share", leaf("share", "-w", "--workspace-name", "-g", "--resource-group", "--user", "--role"));
        CommandLine ml = new CommandLine(CommandSpec.create().name("ml"));
        ml.addSubcommand("workspace", workspace);
        tree.addSubcommand("ml", ml);
        return tree;
    }

    /** A leaf whose options are given as names; a short name joins the long name that follows it. */
    private static CommandLine leaf(String name, String... names) {
        CommandSpec spec = CommandSpec.create().name(name);
        for (int i = 0; i < names.length; i++) {
            boolean pair = names[i].length() == 2 && i + 1 < names.length && names[i + 1].startsWith("--");
            String[] option = pair ? new String[] {names[i], names[++i]} : new String[] {names[i]};
            spec.addOption(OptionSpec.builder(option).type(String.class).paramLabel("VALUE").description("stand-in").build());
        }
        return new CommandLine(spec);
    }
}
