package dev.amlsh.command;

import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options many commands share, each declared once as a picocli mixin with its session default.
 * Completion comes from the option's name ({@link ValueKinds#BY_NAME}: {@code -g} completes groups);
 * secret options are listed in {@link SecretOptions}. A command takes one with {@code @Mixin}.
 *
 * <pre>{@code
 * @Mixin SharedOptions.Group group;          // -g/--resource-group, default: the current group
 * @Mixin SharedOptions.Yes yes;              // -y/--yes
 * ctx.azure().networks(sub).showVnet(group.resolve(ctx), name);
 * }</pre>
 */
final class SharedOptions {
    private SharedOptions() {
    }

    /** {@code -g} for a command acting in one group: the given group, else the current group, else a usage error. */
    static final class Group {
        @Option(names = {"-g", "--resource-group"}, paramLabel = "GROUP", order = 2,
                description = "Resource group. Default: the current group ('use <group>').")
        String value;

        /** The given group (checked), else the session's current group; a usage error when there is neither. */
        String resolve(CommandContext ctx) {
            return ctx.group(value);
        }
    }

    /** {@code -g} for a lookup or a list that may search the whole subscription. */
    static final class GroupOrAll {
        @Option(names = {"-g", "--resource-group"}, paramLabel = "GROUP", order = 2,
                description = "Resource group. Default: the current group, else the whole subscription.")
        String value;

        /** The given group, else the current group, else null (the whole subscription). */
        String orNull(CommandContext ctx) {
            if (value != null && !value.isBlank()) {
                return value;
            }
            return ctx.session().state().defaultValue("group").orElse(null);
        }
    }

    /** {@code -g} narrowing a list; the current group is not used. */
    static final class GroupFilter {
        @Option(names = {"-g", "--resource-group"}, paramLabel = "GROUP", order = 1,
                description = "Only this resource group. Default: the whole subscription.")
        String value;
    }

    /** {@code -l} for a resource that goes where its group is unless told otherwise. */
    static final class Location {
        @Option(names = {"-l", "--location"}, paramLabel = "LOCATION", order = 3,
                description = "Location, e.g. eastus ('account list-locations'). Default: the resource group's location.")
        String value;
    }

    /** {@code -l} that also takes the configured default location ('configure --defaults location=...'). */
    static final class LocationOrConfigured {
        @Option(names = {"-l", "--location"}, paramLabel = "LOCATION", order = 3,
                description = "Location, e.g. eastus ('account list-locations'). Default: the configured location, else the resource group's.")
        String value;

        /** The given location, else the configured one, else null (the group's). */
        String orConfigured(CommandContext ctx) {
            return value != null ? value : ctx.session().state().defaultValue("location").orElse(null);
        }
    }

    /** {@code --tags} on create and update: key[=value] words. */
    static final class TagList {
        @Option(names = "--tags", arity = "0..*", paramLabel = "KEY=VALUE", order = 8,
                description = "Space-separated tags: key[=value] ... On update they replace the old ones; \"\" clears them.")
        List<String> values;

        /** The tags given, parsed; null when --tags was not given. */
        java.util.Map<String, String> parsed() {
            return Tags.parse(values);
        }
    }

    /** {@code -y/--yes}: skip the confirmation a destructive command asks for. */
    static final class Yes {
        @Option(names = {"-y", "--yes"}, order = 20, description = "Do not ask for confirmation.")
        boolean value;
    }
}
