package dev.amlsh.output;

import static dev.amlsh.output.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonNull;
import org.junit.jupiter.api.Test;

class QueryTest {
    @Test
    void idOfAnObject() {
        assertEquals(json("\"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1\""),
                Query.compile("id").apply(json(Fixtures.GROUP)));
    }

    @Test
    void namesOfAList() {
        assertEquals(json("[\"rg1\", \"rg2\", \"rg3\"]"), Query.compile("[].name").apply(json(Fixtures.GROUPS)));
    }

    @Test
    void filterByLocation() {
        assertEquals(json("[\"rg1\", \"rg3\"]"),
                Query.compile("[?location=='eastus'].name").apply(json(Fixtures.GROUPS)));
    }

    @Test
    void lengthOfTheResultPrintsAsAnInteger() {
        Query length = Query.compile("length(@)");
        assertEquals("3\n", OutputWriter.format(length.apply(json(Fixtures.GROUPS)), OutputFormat.JSON, false));
    }

    @Test
    void sumOfIntegersPrintsAsAnInteger() {
        Query sum = Query.compile("sum([].n)");
        assertEquals("7\n", OutputWriter.format(sum.apply(json("[{\"n\": 3}, {\"n\": 4}]")), OutputFormat.JSON, false));
    }

    @Test
    void namesAreCaseSensitiveSoAMissCountsAsNullAndPrintsNothing() {
        Query query = Query.compile("ID");
        assertEquals(JsonNull.INSTANCE, query.apply(json(Fixtures.GROUP)));
        assertEquals("", OutputWriter.render(json(Fixtures.GROUP), query, OutputFormat.JSON, null, false));
    }

    @Test
    void aQueryOverNullGivesNull() {
        assertEquals(JsonNull.INSTANCE, Query.compile("name").apply(JsonNull.INSTANCE));
        assertEquals(JsonNull.INSTANCE, Query.compile("[].name").apply(null));
    }

    @Test
    void aBadExpressionGetsOneLineNamingTheColumn() {
        QueryException e = assertThrows(QueryException.class, () -> Query.compile("[?location=='eastus'"));
        assertEquals("--query: invalid JMESPath at column 21: missing ']' at '<EOF>'", e.getMessage());
        assertEquals("--query: invalid JMESPath at column 5: extraneous input 'bar' expecting <EOF>",
                assertThrows(QueryException.class, () -> Query.compile("foo bar")).getMessage());
    }

    @Test
    void anUnknownFunctionIsReportedAtCompileTime() {
        assertEquals("--query: invalid JMESPath at column 1: unknown function \"nosuch\"",
                assertThrows(QueryException.class, () -> Query.compile("nosuch(@)")).getMessage());
    }

    @Test
    void anEmptyExpressionIsRefused() {
        assertEquals("--query: the JMESPath expression is empty",
                assertThrows(QueryException.class, () -> Query.compile("  ")).getMessage());
    }

    @Test
    void aTypeErrorWhileEvaluatingIsAQueryExceptionOnOneLine() {
        QueryException e = assertThrows(QueryException.class,
                () -> Query.compile("length(name)").apply(json(Fixtures.GROUPS)));
        assertEquals("--query: cannot evaluate 'length(name)': Invalid argument type calling \"length\": "
                + "expected string, array or object but was null", e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void keepsItsText() {
        assertEquals("[].name", Query.compile("[].name").text());
    }
}
