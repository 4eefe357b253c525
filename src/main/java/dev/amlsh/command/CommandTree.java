package dev.amlsh.command;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * Builds the picocli tree once per dispatcher, handing every command the shared context.
 *
 * <pre>{@code
 * CommandLine tree = CommandTree.build(context);
 * }</pre>
 */
final class CommandTree {
    private CommandTree() {
    }

    static CommandLine build(CommandContext context) {
        return build(context, new RootCommand());
    }

    /** The v2 dialect's {@code ml workspace} tree (see {@link MlDialect}). */
    static CommandLine buildV2(CommandContext context) {
        return build(context, new MlV2Commands());
    }

    private static CommandLine build(CommandContext context, Object root) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls.isInterface()) {
                    return CommandLine.defaultFactory().create(cls);
                }
                Constructor<K> constructor = cls.getDeclaredConstructor();
                constructor.setAccessible(true);
                K instance = constructor.newInstance();
                if (instance instanceof AmlCommand command) {
                    command.bind(context);
                }
                return instance;
            }
        };
        CommandLine tree = new CommandLine(root, factory);
        tree.setCaseInsensitiveEnumValuesAllowed(true);
        tree.setAbbreviatedOptionsAllowed(false);
        tree.setOverwrittenOptionsAllowed(true);
        tree.setUsageHelpWidth(100);
        showDefaults(tree);
        return tree;
    }

    /** Help lists each option's default (picocli's "Default: ..."), at every level of the tree. */
    private static void showDefaults(CommandLine command) {
        command.getCommandSpec().usageMessage().showDefaultValues(true);
        command.getSubcommands().values().forEach(CommandTree::showDefaults);
    }
}
