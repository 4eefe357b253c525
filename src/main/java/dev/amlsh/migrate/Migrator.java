package dev.amlsh.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves a v1 script to the v2 {@code ml workspace} dialect, line by line: comments, variables and
 * every line that is not a v1 ML command are kept as they are; each v1 command becomes its v2
 * form, with {@code # migrate:} comments where the meaning changes. Works on {@code .amlsh}
 * scripts and on shell scripts that call {@code az ml workspace}.
 *
 * <pre>{@code
 * Migrator.Result r = Migrator.migrate(Files.readAllLines(path), false);
 * r.lines().forEach(System.out::println);
 * }</pre>
 */
public final class Migrator {
    private static final Pattern ML = Pattern.compile("(?:\\baz\\s+)?\\bml\\s+workspace\\b");
    /** Options only v2 has: a line with one of them is already v2. */
    private static final java.util.Set<String> V2_ONLY = java.util.Set.of("-n", "--name", "--file", "--display-name", "--key-vault",
            "-m", "--managed-network", "-u", "--update-dependent-resources", "--set", "-s", "-k", "-a", "-c", "-i", "-e",
            "--include-spark", "--enable-data-isolation", "provision-network", "outbound-rule");

    /** The v2 script, and the 1-based numbers of the lines that were v1. */
    public record Result(List<String> lines, List<Integer> v1Lines) {
    }

    private Migrator() {
    }

    /** @param shell true for a shell script (commands are {@code az ...}), false for {@code .amlsh} */
    public static Result migrate(List<String> input, boolean shell) {
        List<String> out = new ArrayList<>();
        List<Integer> v1 = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            int first = i;
            StringBuilder logical = new StringBuilder(input.get(i));
            while (logical.toString().stripTrailing().endsWith("\\") && i + 1 < input.size()) {
                String s = logical.toString().stripTrailing();
                logical.setLength(0);
                logical.append(s, 0, s.length() - 1).append(input.get(++i).strip().isEmpty() ? "" : " " + input.get(i).strip());
            }
            String line = logical.toString();
            List<String> translated = line.strip().startsWith("#") ? null : line(line, shell);
            if (translated == null) {
                for (int k = first; k <= i; k++) {
                    out.add(input.get(k));
                }
            } else {
                v1.add(first + 1);
                out.addAll(translated);
            }
        }
        return new Result(out, v1);
    }

    /** The lines a logical line becomes, or null when it has no v1 command. */
    private static List<String> line(String line, boolean shell) {
        Matcher m = ML.matcher(line);
        List<String> notes = new ArrayList<>();
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        String guard = null;
        StringBuilder text = new StringBuilder();
        int pos = 0;
        boolean changed = false;
        String indent = line.substring(0, line.length() - line.stripLeading().length());
        while (m.find(pos)) {
            int start = m.start();
            String lead = line.substring(0, start);
            boolean embedded = lead.stripTrailing().endsWith("$(");
            boolean az = m.group().startsWith("az");
            if (shell && !az) {
                text.append(line, pos, m.end());
                pos = m.end();
                continue;
            }
            int end = embedded ? Words.closing(line, start) : line.length();
            if (end < 0) {
                end = line.length();
            }
            List<String> words = Words.split(line.substring(m.end(), end));
            if (words.stream().anyMatch(w -> V2_ONLY.contains(w.contains("=") ? w.substring(0, w.indexOf('=')) : w))) {
                text.append(line, pos, end);
                pos = end;
                continue;
            }
            V1Command cmd = V1Command.parse(words);
            Translator.Translated t = Translator.translate(cmd, shell);
            String prefix = az ? "az " : "";
            String v2 = t.main() == null ? null : prefix + t.main();
            String original = line.substring(start, end).strip();
            if (v2 != null && sameWords(v2, original) && t.before().isEmpty() && t.after().isEmpty() && t.guard() == null) {
                text.append(line, pos, end);
                pos = end;
                continue;
            }
            changed = true;
            notes.addAll(t.notes());
            boolean wholeLine = !embedded && lead.strip().isEmpty();
            if (wholeLine) {
                t.before().forEach(b -> before.add(b.startsWith("#") ? b : prefix + b));
                after.addAll(t.after().stream().map(a -> a.startsWith("#") ? a : prefix + a).toList());
                guard = t.guard() == null ? null : prefix + t.guard();
            } else {
                t.before().forEach(b -> notes.add("run first: " + prefix + b.replaceFirst("^# ", "")));
                t.after().forEach(a -> notes.add("run after: " + a.replaceFirst("^# ", "")));
                if (t.guard() != null) {
                    notes.add("v2 create updates a workspace that exists; check with '" + prefix + t.guard() + "' first.");
                }
            }
            text.append(line, pos, start).append(v2 == null ? original : v2);
            pos = end;
        }
        if (!changed) {
            return null;
        }
        text.append(line.substring(pos));
        List<String> out = new ArrayList<>();
        notes.stream().distinct().forEach(n -> out.add(indent + "# migrate: " + n));
        before.forEach(b -> out.add(indent + b));
        String main = text.toString();
        if (guard != null) {
            if (shell) {
                out.add(indent + guard + " 2>/dev/null || " + main.strip());
            } else {
                out.add(indent + "if ! " + guard);
                out.add(indent + "  " + main.strip());
                out.add(indent + "end");
            }
        } else {
            out.add(main);
        }
        after.forEach(a -> out.add(indent + a));
        return out;
    }

    private static boolean sameWords(String a, String b) {
        return Words.split(a).equals(Words.split(b.startsWith("az ") || !a.startsWith("az ") ? b : "az " + b));
    }
}
