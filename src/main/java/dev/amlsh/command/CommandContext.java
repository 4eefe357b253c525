package dev.amlsh.command;

import dev.amlsh.core.AmlshException;
import dev.amlsh.azure.Azure;
import dev.amlsh.azure.HttpDebugPolicy;
import dev.amlsh.session.Session;

/**
 * What a command sees of the world: the session, the cloud facade, and the I/O of the current
 * dispatch. One per dispatcher; the I/O changes with each line.
 *
 * <pre>{@code
 * String group = ctx.group(explicitGroup); // -g, else the session's current group
 * }</pre>
 */
public final class CommandContext {
    private final Session session;
    private final Azure azure;
    private final HttpDebugPolicy debug;
    private volatile CommandIo io;
    private volatile ScriptHost scriptHost;
    private Dispatcher dispatcher;

    CommandContext(Session session, Azure azure, HttpDebugPolicy debug, CommandIo io) {
        this.session = session;
        this.azure = azure;
        this.debug = debug;
        this.io = io;
    }

    public Session session() {
        return session;
    }

    public Azure azure() {
        return azure;
    }

    public CommandIo io() {
        return io;
    }

    void io(CommandIo next) {
        io = next;
    }

    /** Runs scripts for {@code source}, or null where there is none. */
    public ScriptHost scriptHost() {
        return scriptHost;
    }

    void scriptHost(ScriptHost host) {
        scriptHost = host;
    }

    void dispatcher(Dispatcher d) {
        dispatcher = d;
    }

    /** The dispatcher running this context's commands (the tour runs workflow steps through it). */
    Dispatcher dispatcher() {
        return dispatcher;
    }

    HttpDebugPolicy debug() {
        return debug;
    }

    /** The group given on the line, else the session's current group, else a usage error. */
    public String group(String explicit) {
        if (explicit != null && !explicit.isBlank()) {
            dev.amlsh.azure.Names.checkResourceGroup(explicit);
            return explicit;
        }
        return session.state().defaultValue("group").orElseThrow(() -> AmlshException.usage(
                "No resource group given.", "Add -g <group>, or set a current group with 'use <group>'."));
    }

    /**
     * Where a long command reports its steps: standard error at a terminal or with
     * {@code --verbose}, nowhere otherwise (so scripts and -o json stay clean).
     */
    public java.util.function.Consumer<String> progress(GlobalOptions global) {
        CommandIo current = io;
        if (global.onlyShowErrors || !(current.interactive() || global.verbose)) {
            return step -> { };
        }
        return step -> {
            current.err().print((current.interactive() ? "\r\033[K" : "") + step + "\n");
            current.err().flush();
        };
    }

    /** Prints a warning on stderr unless the user asked for errors only. */
    public void warn(GlobalOptions global, String message) {
        if (global == null || !global.onlyShowErrors) {
            io.err().println("WARNING: " + message);
        }
    }
}
