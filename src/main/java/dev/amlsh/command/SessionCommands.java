package dev.amlsh.command;

import com.google.gson.JsonObject;
import dev.amlsh.azure.AmlshException;
import dev.amlsh.output.TableColumn;
import dev.amlsh.session.Cloud;
import dev.amlsh.session.SessionState;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The commands that change the session itself: {@code login}, {@code logout},
 * {@code configure} and {@code use}.
 *
 * <pre>{@code
 * login --sandbox
 * use rg1
 * }</pre>
 */
public final class SessionCommands {
    private static final Set<String> DEFAULT_KEYS = Set.of("group", "location", "workspace");

    @Command(name = "login", description = "Sign in. In this build: to the sandbox cloud.",
            footerHeading = "%nExamples:%n", footer = {"  login --sandbox", "  login"})
    static final class Login extends AmlCommand {
        @Option(names = "--sandbox", order = 1, description = "Sign in to the local sandbox cloud as its default user.")
        boolean sandbox;

        @Override
        protected CommandResult execute() {
            if (!sandbox && !ctx.session().cloud().isSandbox()) {
                throw AmlshException.usage("Signing in to " + ctx.session().cloud().name() + " is not available in this build.",
                        "Use the sandbox cloud: 'login --sandbox'.");
            }
            return new CommandResult(ctx.azure().account().signInToSandbox(), AccountCommands.TABLE);
        }
    }

    @Command(name = "logout", description = "Sign out; the defaults (group, location) are kept.",
            footerHeading = "%nExamples:%n", footer = {"  logout"})
    static final class Logout extends AmlCommand {
        @Override
        protected CommandResult execute() {
            ctx.azure().account().signOut();
            return null;
        }
    }

    @Command(name = "configure", description = "Set or show the defaults that commands fall back to.",
            footerHeading = "%nExamples:%n",
            footer = {"  configure --defaults group=rg1 location=eastus", "  configure --defaults group=",
                    "  configure --list-defaults -o table"})
    static final class Configure extends AmlCommand {
        @Option(names = {"-d", "--defaults"}, arity = "1..*", paramLabel = "KEY=VALUE", order = 1,
                description = "Defaults to set: group, location, workspace (an empty value removes one).")
        List<String> defaults;

        @Option(names = {"-l", "--list-defaults"}, order = 2, description = "Show the defaults.")
        boolean list;

        @Override
        protected CommandResult execute() {
            SessionState next = ctx.session().state();
            for (String pair : defaults == null ? List.<String>of() : defaults) {
                int eq = pair.indexOf('=');
                String key = (eq < 0 ? pair : pair.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
                if (eq < 0 || !DEFAULT_KEYS.contains(key)) {
                    throw AmlshException.usage("'" + pair + "' is not a default amlsh knows.",
                            "Write key=value with key one of group, location, workspace, e.g. --defaults group=rg1.");
                }
                next = next.withDefault(key, pair.substring(eq + 1).trim());
            }
            if (defaults != null) {
                ctx.session().update(next);
            }
            if (list || defaults == null) {
                com.google.gson.JsonArray out = new com.google.gson.JsonArray();
                for (Map.Entry<String, String> e : ctx.session().state().defaults().entrySet()) {
                    JsonObject item = new JsonObject();
                    item.addProperty("name", e.getKey());
                    item.addProperty("source", ctx.session().home().config().toString());
                    item.addProperty("value", e.getValue());
                    out.add(item);
                }
                return new CommandResult(out, List.of(new TableColumn("Name", "name"), new TableColumn("Value", "value")));
            }
            return null;
        }
    }

    @Command(name = "use", description = "Make a resource group the current one (shown in the prompt, used when -g is left out).",
            footerHeading = "%nExamples:%n", footer = {"  use rg1", "  use --none"})
    static final class Use extends AmlCommand {
        @Parameters(arity = "0..1", paramLabel = "GROUP", description = "The resource group.")
        String group;

        @Option(names = "--none", order = 1, description = "Clear the current group.")
        boolean none;

        @Override
        protected CommandResult execute() {
            if (none) {
                ctx.session().update(ctx.session().state().withDefault("group", null));
                return null;
            }
            if (group == null) {
                throw AmlshException.usage("Which group?", "Give one, e.g. 'use rg1' (see 'group list'), or 'use --none'.");
            }
            if (!ctx.azure().groups(global.subscription()).exists(group)) {
                throw AmlshException.notFound("Resource group '" + group + "' could not be found.",
                        "Create it with 'group create -n " + group + " -l <location>', or see 'group list'.");
            }
            ctx.session().update(ctx.session().state().withDefault("group", group));
            return null;
        }
    }

    @Command(name = "cloud", description = "Show the clouds amlsh knows.",
        footerHeading = "%nExamples:%n", footer = {"  cloud list -o table"}, subcommands = {CloudList.class, CloudShow.class})
    static final class CloudCommands {
    }

    @Command(name = "list", description = "List the clouds amlsh knows.", footerHeading = "%nExamples:%n", footer = {"  cloud list -o table"})
    static final class CloudList extends AmlCommand {
        @Override
        protected CommandResult execute() {
            com.google.gson.JsonArray out = new com.google.gson.JsonArray();
            for (Cloud c : Cloud.KNOWN) {
                out.add(shape(c));
            }
            return new CommandResult(out, List.of(new TableColumn("IsActive", "isActive"), new TableColumn("Name", "name")));
        }

        JsonObject shape(Cloud c) {
            JsonObject o = new JsonObject();
            o.addProperty("isActive", c.name().equals(ctx.session().state().cloud()));
            o.addProperty("name", c.name());
            JsonObject endpoints = new JsonObject();
            String arm = c.isSandbox() ? ctx.session().endpoint().map(Object::toString).orElse("(started on first use)")
                    : c.resourceManager();
            endpoints.addProperty("resourceManager", arm);
            o.add("endpoints", endpoints);
            return o;
        }
    }

    @Command(name = "show", description = "Show the active cloud.", footerHeading = "%nExamples:%n", footer = {"  cloud show"})
    static final class CloudShow extends AmlCommand {
        @Override
        protected CommandResult execute() {
            CloudList list = new CloudList();
            list.bind(ctx);
            return CommandResult.of(list.shape(ctx.session().cloud()));
        }
    }

    private SessionCommands() {
    }
}
