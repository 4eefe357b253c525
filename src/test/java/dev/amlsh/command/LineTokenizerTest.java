package dev.amlsh.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amlsh.azure.AmlshException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineTokenizerTest {
    @Test
    void quotesAndEscapes() {
        assertEquals(List.of("group", "list", "--query", "[?location=='eastus'].name"),
                LineTokenizer.split("group list --query \"[?location=='eastus'].name\""));
        assertEquals(List.of("a b", "c\"d", "e f", "$x"), LineTokenizer.split("'a b' \"c\\\"d\" e\\ f '$x'"));
        assertEquals(List.of("--tags", ""), LineTokenizer.split("--tags \"\""));
        assertEquals(List.of("워크스페이스"), LineTokenizer.split("  워크스페이스  "));
    }

    @Test
    void unterminatedQuoteSaysWhere() {
        AmlshException e = assertThrows(AmlshException.class, () -> LineTokenizer.split("group show -n \"rg1"));
        assertEquals(AmlshException.Fault.USAGE, e.fault());
        assertTrue(e.oneLine().contains("column 15"), e.oneLine());
    }

    @Test
    void suggestionsPreferTheNearestName() {
        assertEquals(List.of("create"), Suggest.nearest("craete", List.of("create", "delete", "list", "show")));
        assertEquals(List.of(), Suggest.nearest("zzzzzz", List.of("create", "delete")));
    }
}
