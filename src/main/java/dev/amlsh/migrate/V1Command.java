package dev.amlsh.migrate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One v1 {@code ml workspace <verb> ...} command, its options by their long names (values kept as
 * written), in the order given.
 *
 * <pre>{@code
 * V1Command c = V1Command.parse(List.of("create", "-w", "$ws", "-g", "rg1", "-y"));
 * c.value("--workspace-name"); // "$ws"
 * }</pre>
 */
final class V1Command {
    private static final Map<String, String> SHORT = Map.of("-w", "--workspace-name", "-g", "--resource-group", "-l", "--location",
            "-f", "--friendly-name", "-d", "--description", "-y", "--yes", "-v", "--v1-legacy-mode", "-o", "--output");
    private static final Set<String> FLAGS = Set.of("--hbi-workspace", "--exist-ok", "--yes", "--no-wait", "--all-resources",
            "--permanently-delete", "--pe-auto-approval", "--force", "--only-show-errors", "--verbose", "--debug", "-h", "--help");
    private static final Set<String> MANY = Set.of("--tags");

    final String verb;
    /** Long option name → its values as written (empty for a flag). */
    final Map<String, List<String>> options = new LinkedHashMap<>();
    /** Words that were not options (kept, and reported). */
    final List<String> stray = new ArrayList<>();

    private V1Command(String verb) {
        this.verb = verb;
    }

    static V1Command parse(List<String> words) {
        V1Command c = new V1Command(words.isEmpty() ? "" : words.get(0));
        int i = 1;
        // private-endpoint add|list|delete: the verb has two words
        if (c.verb.equals("private-endpoint") && words.size() > 1 && !words.get(1).startsWith("-")) {
            i = 2;
        }
        for (; i < words.size(); i++) {
            String w = words.get(i);
            if (!w.startsWith("-")) {
                c.stray.add(w);
                continue;
            }
            String name = w;
            String inline = null;
            if (w.startsWith("--") && w.contains("=")) {
                name = w.substring(0, w.indexOf('='));
                inline = w.substring(w.indexOf('=') + 1);
            }
            if (name.equals("-t")) {
                name = c.verb.equals("create") ? "--tags" : "--output-metadata-file";
            }
            name = SHORT.getOrDefault(name, name);
            List<String> values = new ArrayList<>();
            if (inline != null) {
                values.add(inline);
            } else if (MANY.contains(name)) {
                while (i + 1 < words.size() && !words.get(i + 1).startsWith("-")) {
                    values.add(words.get(++i));
                }
            } else if (!FLAGS.contains(name) && i + 1 < words.size()) {
                values.add(words.get(++i));
            }
            c.options.put(name, values);
        }
        return c;
    }

    boolean has(String option) {
        return options.containsKey(option);
    }

    String value(String option) {
        List<String> v = options.get(option);
        return v == null || v.isEmpty() ? null : v.get(0);
    }
}
