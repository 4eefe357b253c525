package dev.amlsh.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonPrimitive;
import org.junit.jupiter.api.Test;

class TsvOutputTest {
    private static String tsv(String fixture) {
        return OutputWriter.format(Fixtures.json(fixture), OutputFormat.TSV, false);
    }

    @Test
    void resourceGroupIsOneLineOfValuesInKeyOrder() {
        // managedBy is null (None), properties and tags are objects (empty cells)
        assertEquals("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1\teastus\tNone\trg1"
                + "\t\t\tMicrosoft.Resources/resourceGroups\n", tsv(Fixtures.GROUP));
    }

    @Test
    void listOfThreeIsThreeLinesWithTheSameColumnCount() {
        assertEquals("""
                /subscriptions/s1/resourceGroups/rg1\teastus\trg1\t\tMicrosoft.Resources/resourceGroups
                /subscriptions/s1/resourceGroups/rg2\twestus\trg2\t\tMicrosoft.Resources/resourceGroups
                /subscriptions/s1/resourceGroups/rg3\teastus\trg3\tNone\tMicrosoft.Resources/resourceGroups
                """, tsv(Fixtures.GROUPS));
    }

    @Test
    void nestedListsPrintTheirLengthAndNestedObjectsNothing() {
        assertEquals("1\t\tws1\t0\t\t1\t2\n", tsv(Fixtures.NESTED));
    }

    @Test
    void koreanTextIsKeptAsIs() {
        assertEquals("한국어 설명입니다\tkoreacentral\t작업공간\nEnglish\teastus\tws2\n", tsv(Fixtures.KOREAN));
    }

    @Test
    void scalarsUnquotedWithPythonBooleansAndNone() {
        assertEquals("1e+20\t2024-01-31\t\tFalse\t1.5\t42\tNone\t-7\t123\t1.0\ttext\t1e-05\tTrue\n",
                tsv(Fixtures.SCALARS));
    }

    @Test
    void emptyListPrintsNothingAndAScalarPrintsBare() {
        assertEquals("", tsv(Fixtures.EMPTY));
        assertEquals("abc\n", tsv(Fixtures.STRING));
    }

    @Test
    void aBooleanThatIsAWholeLineIsLowerCase() {
        assertEquals("true\n", OutputWriter.format(new JsonPrimitive(true), OutputFormat.TSV, false));
        assertEquals("true\nFalse\tNone\n", tsv("[true, [false, null]]"));
    }
}
