package dev.amlsh.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amlsh.command.CommandIo;
import dev.amlsh.testing.ShellHarness;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A tag value from the cloud holding terminal controls (retitle the window, clear the screen, a
 * forged row): shown escaped on a terminal in every format, kept byte-exact when piped.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class HostileBytesTest {
    static final String HOSTILE = "\u001b]0;pwned\u0007\u001b[2J\r\nforged\trow\u009b31m\u202eend";
    static ShellHarness sh;

    @BeforeAll
    static void plant() {
        sh = ShellHarness.signedIn();
        ShellHarness.Run r = sh.run("group create -n rg1 -l eastus --tags \"evil=" + HOSTILE + "\" -o none");
        assertEquals(0, r.exitCode(), r.toString());
    }

    @AfterAll
    static void close() {
        sh.close();
    }

    /** What the line prints on a terminal. */
    static String onTerminal(String line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int code = sh.dispatcher().dispatch(line, CommandIo.plain(o, e).onTerminal(true));
            assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static void assertInert(String text) {
        for (char c : text.toCharArray()) {
            boolean layout = c == '\n' || c == '\t';
            assertFalse(!layout && TerminalText.unsafe(c), () -> "a raw control character U+" + Integer.toHexString(c) + " in:\n" + text);
        }
    }

    @Test
    void tsvOnATerminalShowsTheControlsEscapedOnOneRow() {
        String text = onTerminal("group show -n rg1 --query tags -o tsv");
        assertEquals("\\x1b]0;pwned\\x07\\x1b[2J\\r\\nforged\\trow\\x9b31m\\u202eend\n", text);
    }

    @Test
    void everyFormatOnATerminalIsInert() {
        for (String format : new String[] {"json", "jsonc", "table", "tsv", "yaml"}) {
            String text = onTerminal("group show -n rg1 --query \"{name: name, evil: tags.evil}\" -o " + format);
            assertInert(text);
            assertTrue(text.contains("pwned") && text.contains("forged"), format + ":\n" + text);
            if (!format.equals("yaml")) {
                // one row, one line: no forged row
                assertEquals(format.startsWith("json") ? 4 : format.equals("table") ? 3 : 1, text.lines().count(), format + ":\n" + text);
            }
        }
        assertEquals("{\n  \"evil\": \"\\u001b]0;pwned\\u0007\\u001b[2J\\r\\nforged\\trow\\u009b31m\\u202eend\",\n  \"name\": \"rg1\"\n}\n",
                onTerminal("group show -n rg1 --query \"{name: name, evil: tags.evil}\" -o json"));
    }

    @Test
    void pipedOutputStaysByteExact() {
        assertEquals(HOSTILE + "\n", sh.ok("group show -n rg1 --query tags.evil -o tsv"));
        assertEquals("rg1\t" + HOSTILE + "\n", sh.ok("group list --query \"[].[name, tags.evil]\" -o tsv"));
    }

    @Test
    void aTableOnATerminalIsInert() {
        String table = onTerminal("group show -n rg1 --query tags -o table");
        assertInert(table);
        assertTrue(table.startsWith("Evil\n"), table);
    }
}
