package dev.amlsh.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OutputFormatTest {
    @Test
    void parsesEveryNameIgnoringCase() {
        assertEquals(OutputFormat.JSON, OutputFormat.parse("json"));
        assertEquals(OutputFormat.JSONC, OutputFormat.parse("JSONC"));
        assertEquals(OutputFormat.TABLE, OutputFormat.parse("Table"));
        assertEquals(OutputFormat.TSV, OutputFormat.parse("tsv"));
        assertEquals(OutputFormat.YAML, OutputFormat.parse("yAmL"));
        assertEquals(OutputFormat.NONE, OutputFormat.parse("none"));
    }

    @Test
    void aBadNameListsTheAllowedOnesOnOneLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OutputFormat.parse("xml"));
        assertEquals("--output: invalid choice 'xml' (choose from json, jsonc, table, tsv, yaml, none)",
                e.getMessage());
    }

    @Test
    void nullIsABadName() {
        assertThrows(IllegalArgumentException.class, () -> OutputFormat.parse(null));
    }

    @Test
    void cliNameIsWhatTheUserTypes() {
        assertEquals("jsonc", OutputFormat.JSONC.cliName());
    }
}
