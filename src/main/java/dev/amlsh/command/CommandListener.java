package dev.amlsh.command;

import com.google.gson.JsonElement;
import java.util.List;
import java.util.Map;

/**
 * Told after every command that succeeded, with what it was given and what it returned; the
 * completion index uses it to add what a command created and drop what it deleted.
 *
 * <pre>{@code
 * dispatcher.addListener(event -> {
 *     if (event.path().equals(List.of("group", "delete"))) forget(event.option("-n"));
 * });
 * }</pre>
 */
@FunctionalInterface
public interface CommandListener {
    void succeeded(Event event);

    /**
     * One successful command.
     *
     * @param path           the command words, e.g. {@code [ml, workspace, create]}
     * @param options        the values given, under every name of each option ({@code -g} and {@code --resource-group})
     * @param result         what it returned (JSON null for nothing)
     * @param subscriptionId the subscription it ran in (from {@code --subscription}, else the current one), or null
     * @param currentGroup   the session's current group after the command, or null
     */
    record Event(List<String> path, Map<String, List<String>> options, JsonElement result, String subscriptionId,
                 String currentGroup) {
        /** The first value of the option with any of these names, or null. */
        public String option(String... names) {
            for (String n : names) {
                List<String> v = options.get(n);
                if (v != null && !v.isEmpty()) {
                    return v.get(0);
                }
            }
            return null;
        }
    }
}
