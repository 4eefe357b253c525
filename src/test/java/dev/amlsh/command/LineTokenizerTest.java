package dev.amlsh.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amlsh.core.AmlshException;
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

    @Test
    void scriptWordsKeepReferencesWithTheirPositions() {
        List<LineTokenizer.Word> words = LineTokenizer.words("group show -n \"$rg x\" --query ${q:-id} --x $(account show --query \"id\") # note");
        assertEquals(8, words.size());
        LineTokenizer.Word quoted = words.get(3);
        assertEquals(List.of(new LineTokenizer.Part(LineTokenizer.Kind.VARIABLE, "rg", null, true, 15),
                new LineTokenizer.Part(LineTokenizer.Kind.TEXT, " x", null, true, 18)), quoted.parts());
        assertEquals(new LineTokenizer.Part(LineTokenizer.Kind.VARIABLE, "q", "id", false, 30), words.get(5).parts().get(0));
        LineTokenizer.Part capture = words.get(7).parts().get(0);
        assertEquals(LineTokenizer.Kind.CAPTURE, capture.kind());
        assertEquals("account show --query \"id\"", capture.text());
        assertEquals(List.of("a", "$b", "c#d", "$"), LineTokenizer.split("a $b c#d $"));
        assertEquals("$b", LineTokenizer.words("'$b'").get(0).literal());
        assertEquals("$b", LineTokenizer.words("\\$b").get(0).literal());
    }

    @Test
    void badReferencesSayWhere() {
        LineTokenizer.SyntaxError e = assertThrows(LineTokenizer.SyntaxError.class, () -> LineTokenizer.words("a ${b"));
        assertEquals(2, e.index());
        assertEquals("unclosed ${", e.reason());
        assertEquals(3, assertThrows(LineTokenizer.SyntaxError.class, () -> LineTokenizer.words("a \"$(b \"")).index());
    }
}
