package dev.amlsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell's history: secrets masked before they are kept, a private file, and a broken file set aside. */
class HistoryTest {
    @TempDir
    Path home;

    @Test
    void secretValuesAreMasked() {
        assertEquals("login --service-principal -u app -p *** --tenant t", SecretMask.mask("login --service-principal -u app -p s3cr3t --tenant t"));
        assertEquals("x --password=*** --client-secret *** --account-key ***",
                SecretMask.mask("x --password=hunter2 --client-secret 'a b c' --account-key \"k\\\"ey==\""));
        assertEquals("x --secret *** -g rg1", SecretMask.mask("x --secret \"with space\" -g rg1"));
        assertEquals("x -p*** -n n", SecretMask.mask("x -ps3cr3t -n n"));
        assertEquals("x --sas-token *** --connection-string ***", SecretMask.mask("x --sas-token sv=1&sig=abc --connection-string DefaultEndpointsProtocol=https;AccountKey=zz"));
        assertEquals("group create -n rg-p -l eastus --tags owner=p", SecretMask.mask("group create -n rg-p -l eastus --tags owner=p"));
        assertEquals("x --password", SecretMask.mask("x --password"));
    }

    private LineReader reader(MaskingHistory history, Path file, int fileSize) throws Exception {
        Terminal terminal = TerminalBuilder.builder().dumb(true).streams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream())
                .build();
        return LineReaderBuilder.builder().terminal(terminal).history(history).variable(LineReader.HISTORY_FILE, file)
                .variable(LineReader.HISTORY_FILE_SIZE, fileSize).build();
    }

    @Test
    void savedHistoryHoldsNoSecretAndStaysPrivate() throws Exception {
        Path file = home.resolve("history");
        List<String> warnings = new ArrayList<>();
        MaskingHistory history = new MaskingHistory(warnings::add);
        history.attach(reader(history, file, 3));
        for (int i = 0; i < 6; i++) {
            history.add(Instant.now(), "login --service-principal -u app -p secret-" + i + " --tenant t");
        }
        history.save();
        String text = Files.readString(file);
        assertFalse(text.contains("secret-"), text);
        assertTrue(text.contains("-p ***"), text);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(List.of(), warnings);
        assertEquals("login --service-principal -u app -p *** --tenant t", history.get(history.last()), "recall shows the mask too");
    }

    @Test
    void unreadableHistoryIsSetAsideWithOneWarning() throws Exception {
        Path file = home.resolve("history");
        Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, ':', 'x', '\n', (byte) 0xc3});
        List<String> warnings = new ArrayList<>();
        MaskingHistory history = new MaskingHistory(warnings::add);
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        java.io.PrintStream before = System.err;
        System.setErr(new java.io.PrintStream(logged, true, StandardCharsets.UTF_8));
        try {
            history.attach(reader(history, file, 100));
        } finally {
            System.setErr(before);
        }
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("WARNING: cannot read " + file + " (moved to " + file + ".corrupt)"), warnings.get(0));
        assertTrue(Files.exists(home.resolve("history.corrupt")));
        assertEquals("", logged.toString(StandardCharsets.UTF_8), "no stack trace");
        history.add(Instant.now(), "group list");
        history.save();
        assertTrue(Files.readString(file).contains("group list"));
    }
}
