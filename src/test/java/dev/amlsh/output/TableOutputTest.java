package dev.amlsh.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableOutputTest {
    private static String table(String fixture) {
        return OutputWriter.format(Fixtures.json(fixture), OutputFormat.TABLE, false);
    }

    @Test
    void resourceGroupShowsScalarFieldsButNotIdTypeNullsOrNested() {
        assertEquals("""
                Location    Name
                ----------  ------
                eastus      rg1
                """, table(Fixtures.GROUP));
    }

    @Test
    void listOfThreeGetsOneRowEach() {
        assertEquals("""
                Location    Name
                ----------  ------
                eastus      rg1
                westus      rg2
                eastus      rg3
                """, table(Fixtures.GROUPS));
    }

    @Test
    void nestedValuesAreDroppedAndColumnsAreTwoWiderThanTheirHeader() {
        assertEquals("""
                Name    Z
                ------  ---
                ws1     1
                """, table(Fixtures.NESTED));
    }

    @Test
    void scalarsAsPythonStrPrintsThemLeftAligned() {
        assertEquals("""
                Big    Date        Empty    F      Float    Int    Neg    Num    OnePoint    S     Small    T
                -----  ----------  -------  -----  -------  -----  -----  -----  ----------  ----  -------  ----
                1e+20  2024-01-31           False  1.5      42     -7     123    1.0         text  1e-05    True
                """, table(Fixtures.SCALARS));
    }

    /** Not the CLI's bytes: without wcwidth it counts a Korean syllable as one column and misaligns. */
    @Test
    void koreanTextCountsTwoColumnsPerCharacterSoColumnsLineUp() {
        assertEquals("""
                Description        Location      Name
                -----------------  ------------  --------
                한국어 설명입니다  koreacentral  작업공간
                English            eastus        ws2
                """, table(Fixtures.KOREAN));
    }

    @Test
    void emptyListPrintsAnEmptyLineAsTheCliDoes() {
        assertEquals("\n", table(Fixtures.EMPTY));
    }

    @Test
    void scalarIsShownUnderAResultHeader() {
        assertEquals("""
                Result
                --------
                abc
                """, table(Fixtures.STRING));
    }

    @Test
    void rowsMissingAFieldLeaveTheCellEmpty() {
        assertEquals("""
                Count    Name
                -------  ------
                3        a
                         b
                """, table("[{\"name\": \"a\", \"count\": 3}, {\"name\": \"b\", \"count\": null}]"));
    }

    @Test
    void multiLineCellsSpanSeveralLines() {
        assertEquals("""
                Name    Note
                ------  ------
                a       one
                        two
                b       three
                """, table("[{\"name\": \"a\", \"note\": \"one\\ntwo\"}, {\"name\": \"b\", \"note\": \"three\"}]"));
    }

    @Test
    void commandColumnsKeepTheirOrderAndEvaluateJmesPath() {
        List<TableColumn> columns = List.of(
                new TableColumn("Name", "name"),
                new TableColumn("ResourceGroup", "resourceGroup"),
                new TableColumn("State", "properties.provisioningState"));
        String rows = """
                [{"name": "ws1", "resourceGroup": "rg1", "properties": {"provisioningState": "Succeeded"}},
                 {"name": "ws2", "resourceGroup": "rg2", "properties": {"provisioningState": "Creating"}}]
                """;
        assertEquals("""
                Name    ResourceGroup    State
                ------  ---------------  ---------
                ws1     rg1              Succeeded
                ws2     rg2              Creating
                """, OutputWriter.table(Fixtures.json(rows), columns));
    }

    @Test
    void aColumnThatIsNotJmesPathIsReadAsAKey() {
        JsonObject row = new JsonObject();
        row.addProperty("odd-key", "v");
        assertEquals("Odd\n-----\nv\n", OutputWriter.table(row, List.of(new TableColumn("odd", "odd-key"))));
    }

    @Test
    void nullColumnsMeanTheAutomaticTable() {
        assertEquals(table(Fixtures.GROUPS), OutputWriter.table(Fixtures.json(Fixtures.GROUPS), null));
    }

    @Test
    void rowsWithoutAnyScalarFieldPrintAnEmptyLine() {
        assertEquals("\n", table("[{\"a\": {\"x\": 1}}, {\"b\": [1]}]"));
    }
}
