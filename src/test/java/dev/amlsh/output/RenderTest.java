package dev.amlsh.output;

import static dev.amlsh.output.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A query and a format together, as the shell runs them; expected texts are the CLI's. */
class RenderTest {
    private static String render(String fixture, String query, OutputFormat format) {
        return OutputWriter.render(json(fixture), Query.compile(query), format, null, false);
    }

    @Test
    void namesAsTsvAreOnePerLine() {
        assertEquals("rg1\nrg2\nrg3\n", render(Fixtures.GROUPS, "[].name", OutputFormat.TSV));
    }

    @Test
    void filteredNamesAsJson() {
        assertEquals("[\n  \"rg1\",\n  \"rg3\"\n]\n", render(Fixtures.GROUPS, "[?location=='eastus'].name",
                OutputFormat.JSON));
    }

    @Test
    void aStringResultIsQuotedInJsonAndBareInTsv() {
        assertEquals("\"rg1\"\n", render(Fixtures.GROUP, "name", OutputFormat.JSON));
        assertEquals("rg1\n", render(Fixtures.GROUP, "name", OutputFormat.TSV));
    }

    @Test
    void aFilterThatMatchesNothingIsAnEmptyList() {
        assertEquals("[]\n", render(Fixtures.GROUPS, "[?location=='nowhere']", OutputFormat.JSON));
        assertEquals("", render(Fixtures.GROUPS, "[?location=='nowhere']", OutputFormat.TSV));
    }

    @Test
    void aMultiselectHashKeepsItsOrderInTableAndTsvButJsonSortsKeys() {
        String query = "[].{Z:name, A:location}";
        assertEquals("""
                Z    A
                ---  ------
                rg1  eastus
                rg2  westus
                rg3  eastus
                """, render(Fixtures.GROUPS, query, OutputFormat.TABLE));
        assertEquals("rg1\teastus\nrg2\twestus\nrg3\teastus\n", render(Fixtures.GROUPS, query, OutputFormat.TSV));
        assertEquals("""
                [
                  {
                    "A": "eastus",
                    "Z": "rg1"
                  },
                  {
                    "A": "westus",
                    "Z": "rg2"
                  },
                  {
                    "A": "eastus",
                    "Z": "rg3"
                  }
                ]
                """, render(Fixtures.GROUPS, query, OutputFormat.JSON));
    }

    @Test
    void objectsTakenWholeStillHaveSortedKeysInTsv() {
        String unsorted = "[{\"name\": \"ws1\", \"location\": \"eastus\"}]";
        assertEquals("eastus\tws1\n", render(unsorted, "[0]", OutputFormat.TSV));
        assertEquals("eastus\tws1\n", render(unsorted, "[?name=='ws1'] | [0]", OutputFormat.TSV));
    }

    @Test
    void anAutomaticTableAfterAQueryKeepsTheResultsOrder() {
        assertEquals("""
                Name    Location
                ------  ----------
                ws1     eastus
                """, render("[{\"name\": \"ws1\", \"location\": \"eastus\"}]", "[0]", OutputFormat.TABLE));
    }

    @Test
    void aQueryReplacesTheCommandsTableColumns() {
        List<TableColumn> columns = List.of(new TableColumn("Group", "name"));
        assertEquals("""
                Location
                ----------
                eastus
                """, OutputWriter.render(json(Fixtures.GROUP), Query.compile("{location: location}"),
                OutputFormat.TABLE, columns, false));
        assertEquals("Group\n-------\nrg1\n",
                OutputWriter.render(json(Fixtures.GROUP), null, OutputFormat.TABLE, columns, false));
    }

    @Test
    void listsOfListsBecomeNumberedColumns() {
        assertEquals("""
                Column1    Column2
                ---------  ---------
                rg1        eastus
                rg2        westus
                rg3        eastus
                """, render(Fixtures.GROUPS, "[].[name, location]", OutputFormat.TABLE));
    }

    @Test
    void lengthAsEveryFormat() {
        assertEquals("3\n", render(Fixtures.GROUPS, "length(@)", OutputFormat.JSON));
        assertEquals("3\n", render(Fixtures.GROUPS, "length(@)", OutputFormat.TSV));
        assertEquals("3\n...\n", render(Fixtures.GROUPS, "length(@)", OutputFormat.YAML));
        assertEquals("Result\n--------\n3\n", render(Fixtures.GROUPS, "length(@)", OutputFormat.TABLE));
    }

    @Test
    void aQueryThatFailsWhileEvaluatingThrows() {
        assertThrows(QueryException.class, () -> render(Fixtures.GROUPS, "length(name)", OutputFormat.JSON));
    }
}
