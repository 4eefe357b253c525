package dev.amlsh.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amlsh.testing.ShellHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's examples run as written, so they never rot (STYLE principle 14). */
class ReadmeExamplesTest {
    static final Path README = Path.of("README.md");

    /** The text of the first fenced block after a heading. */
    static List<String> block(String heading) throws Exception {
        List<String> lines = Files.readAllLines(README);
        int at = lines.indexOf(heading);
        assertTrue(at >= 0, "README has '" + heading + "'");
        int open = at + 1;
        while (!lines.get(open).startsWith("```")) {
            open++;
        }
        int close = open + 1;
        while (!lines.get(close).startsWith("```")) {
            close++;
        }
        return lines.subList(open + 1, close);
    }

    @Test
    void theFirstSessionPrintsWhatTheReadmeShows() throws Exception {
        try (ShellHarness sh = ShellHarness.signedIn()) {
            String command = null;
            StringBuilder expected = new StringBuilder();
            List<String[]> steps = new ArrayList<>();
            for (String line : block("## A first session")) {
                int prompt = line.indexOf("> ");
                if (line.startsWith("amlsh ") && prompt > 0) {
                    if (command != null) {
                        steps.add(new String[] {command, expected.toString()});
                    }
                    command = line.substring(prompt + 2);
                    expected.setLength(0);
                } else if (command != null) {
                    expected.append(line).append('\n');
                }
            }
            assertFalse(steps.isEmpty());
            for (String[] step : steps) {
                if (step[0].equals("exit")) {
                    continue;
                }
                assertEquals(step[1], sh.ok(step[0]), "README: " + step[0]);
            }
        }
    }

    @Test
    void theWorkflowCommandsWithoutPlaceholdersRun() throws Exception {
        try (ShellHarness sh = ShellHarness.signedIn()) {
            int ran = 0;
            String pending = "";
            for (String raw : block("## The workspace workflow")) {
                String line = raw.replaceAll("\\s+#.*$", "").strip();
                if (line.endsWith("\\")) {
                    pending += line.substring(0, line.length() - 1) + " ";
                    continue;
                }
                line = pending + line;
                pending = "";
                if (line.isEmpty() || line.contains("<")) {
                    continue;
                }
                sh.ok(line + " -o none");
                ran++;
            }
            assertTrue(ran >= 8, "ran " + ran + " README commands");
        }
    }
}
