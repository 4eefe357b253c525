package dev.amlsh.shell;

import picocli.CommandLine;

/**
 * Adds the stand-in {@code ml workspace} commands to a tree that lacks them, through the complete
 * package's helper (kept package-private there, reached by reflection so main code stays closed).
 */
final class TestTrees {
    private TestTrees() {
    }

    static void withWorkspaceCommands(CommandLine tree) {
        try {
            var m = Class.forName("dev.amlsh.complete.StandInCommands").getDeclaredMethod("addIfMissing", CommandLine.class);
            m.setAccessible(true);
            m.invoke(null, tree);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
