package dev.amlsh.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class JsoncOutputTest {
    private static final String GREY = "\u001b[37m";
    private static final String KEY = "\u001b[94m";
    private static final String STRING = "\u001b[33m";
    private static final String LITERAL = "\u001b[34m";
    private static final String RESET = "\u001b[39;49;00m";

    @Test
    void withoutColourJsoncIsPlainJson() {
        String plain = OutputWriter.format(Fixtures.json(Fixtures.GROUP), OutputFormat.JSON, false);
        String jsonc = OutputWriter.format(Fixtures.json(Fixtures.GROUP), OutputFormat.JSONC, false);
        assertEquals(plain, jsonc);
        assertFalse(jsonc.contains("\u001b"));
    }

    @Test
    void coloursKeysStringsAndLiteralsAsTheCliDoes() {
        String in = "{\"name\": \"rg1\", \"n\": 3, \"ok\": true, \"x\": null, \"list\": []}";
        String ws = GREY + RESET;
        String expected = "{" + ws + "\n"
                + GREY + "  " + RESET + KEY + "\"list\"" + RESET + ":" + GREY + " " + RESET + "[]," + ws + "\n"
                + GREY + "  " + RESET + KEY + "\"n\"" + RESET + ":" + GREY + " " + RESET
                + LITERAL + "3" + RESET + "," + ws + "\n"
                + GREY + "  " + RESET + KEY + "\"name\"" + RESET + ":" + GREY + " " + RESET
                + STRING + "\"rg1\"" + RESET + "," + ws + "\n"
                + GREY + "  " + RESET + KEY + "\"ok\"" + RESET + ":" + GREY + " " + RESET
                + LITERAL + "true" + RESET + "," + ws + "\n"
                + GREY + "  " + RESET + KEY + "\"x\"" + RESET + ":" + GREY + " " + RESET
                + LITERAL + "null" + RESET + ws + "\n"
                + "}" + ws + "\n";
        assertEquals(expected, OutputWriter.format(Fixtures.json(in), OutputFormat.JSONC, true));
    }

    @Test
    void colourIsIgnoredByTheOtherFormats() {
        for (OutputFormat format : new OutputFormat[] {OutputFormat.JSON, OutputFormat.TABLE, OutputFormat.TSV,
                OutputFormat.YAML}) {
            assertFalse(OutputWriter.format(Fixtures.json(Fixtures.GROUPS), format, true).contains("\u001b"),
                    format.name());
        }
    }
}
