package dev.amlsh.command;

import java.lang.reflect.Constructor;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * The picocli tree of one dispatcher, every command handed the shared context. It grows on
 * demand: picocli reads a group's annotations only when the group is added, so a one-shot
 * command pays for its own group (a few dozen classes), not for all of them (about 0.4 s of
 * start-up); the shell adds them all at once for completion and help.
 *
 * <pre>{@code
 * CommandTree tree = new CommandTree(context);
 * CommandLine parser = tree.with("group");   // only 'group' read so far
 * CommandLine all = tree.complete();         // every group
 * }</pre>
 */
final class CommandTree {
    private final CommandLine.IFactory factory;
    private volatile CommandLine root;
    /** Top-level names (and aliases) not added yet, with the class that declares them. */
    private final Map<String, Class<?>> pending = new LinkedHashMap<>();
    private volatile boolean complete;

    CommandTree(CommandContext context) {
        this.factory = factory(context);
        for (Class<?> cls : RootCommand.COMMANDS) {
            CommandLine.Command command = cls.getAnnotation(CommandLine.Command.class);
            pending.put(command.name(), cls);
            for (String alias : command.aliases()) {
                pending.put(alias, cls);
            }
        }
    }

    /** True when {@code word} names a top-level command (read or not yet). */
    synchronized boolean knows(String word) {
        return pending.containsKey(word) || root != null && root.getSubcommands().containsKey(word);
    }

    /** The tree with the top-level command {@code word} in it (all of them when it names none). */
    synchronized CommandLine with(String word) {
        if (root == null) {
            root = configure(new CommandLine(new RootCommand(), factory));   // picocli is loaded when a command is parsed
        }
        if (complete || root.getSubcommands().containsKey(word)) {
            return root;
        }
        Class<?> cls = pending.get(word);
        if (cls == null) {
            return complete();   // an unknown word: its error suggests the nearest names of all
        }
        add(root, cls);
        pending.values().removeIf(cls::equals);
        return root;
    }

    /** The whole tree (the shell's completion, help, and any word not known yet). */
    synchronized CommandLine complete() {
        if (!complete) {
            // A new root in the declared order (help lists the groups so); the few groups read
            // before are read again rather than moved, as picocli gives a command one parent.
            CommandLine whole = configure(new CommandLine(new RootCommand(), factory));
            for (Class<?> cls : RootCommand.COMMANDS) {
                add(whole, cls);
            }
            root = whole;
            pending.clear();
            complete = true;
        }
        return root;
    }

    /** The v2 dialect's {@code ml workspace} tree (see {@link MlDialect}). */
    static CommandLine buildV2(CommandContext context) {
        return configure(new CommandLine(new MlV2Commands(), factory(context)));
    }

    private void add(CommandLine to, Class<?> cls) {
        CommandLine sub = configure(new CommandLine(cls, factory));
        CommandLine.Command command = cls.getAnnotation(CommandLine.Command.class);
        to.addSubcommand(command.name(), sub, command.aliases());
    }

    private static CommandLine.IFactory factory(CommandContext context) {
        return new CommandLine.IFactory() {
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
    }

    private static CommandLine configure(CommandLine tree) {
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
