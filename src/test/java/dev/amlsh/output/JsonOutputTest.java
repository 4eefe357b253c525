package dev.amlsh.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.junit.jupiter.api.Test;

class JsonOutputTest {
    private static String json(String fixture) {
        return OutputWriter.format(Fixtures.json(fixture), OutputFormat.JSON, false);
    }

    @Test
    void resourceGroupHasSortedKeysTwoSpaceIndentAndKeepsNulls() {
        assertEquals("""
                {
                  "id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1",
                  "location": "eastus",
                  "managedBy": null,
                  "name": "rg1",
                  "properties": {
                    "provisioningState": "Succeeded"
                  },
                  "tags": {
                    "env": "dev"
                  },
                  "type": "Microsoft.Resources/resourceGroups"
                }
                """, json(Fixtures.GROUP));
    }

    @Test
    void listOfThreeObjects() {
        assertEquals("""
                [
                  {
                    "id": "/subscriptions/s1/resourceGroups/rg1",
                    "location": "eastus",
                    "name": "rg1",
                    "tags": {
                      "env": "dev"
                    },
                    "type": "Microsoft.Resources/resourceGroups"
                  },
                  {
                    "id": "/subscriptions/s1/resourceGroups/rg2",
                    "location": "westus",
                    "name": "rg2",
                    "tags": {},
                    "type": "Microsoft.Resources/resourceGroups"
                  },
                  {
                    "id": "/subscriptions/s1/resourceGroups/rg3",
                    "location": "eastus",
                    "name": "rg3",
                    "tags": null,
                    "type": "Microsoft.Resources/resourceGroups"
                  }
                ]
                """, json(Fixtures.GROUPS));
    }

    @Test
    void nestedObjectsAndArraysIndentPerLevelAndEmptyOnesStayOnOneLine() {
        assertEquals("""
                {
                  "deep": [
                    {
                      "a": [
                        1,
                        [
                          2,
                          3
                        ]
                      ],
                      "b": {
                        "c": null
                      }
                    }
                  ],
                  "empty": {},
                  "name": "ws1",
                  "none": [],
                  "sku": {
                    "name": "Basic",
                    "tier": "Basic"
                  },
                  "z": 1,
                  "zones": [
                    "1",
                    "2"
                  ]
                }
                """, json(Fixtures.NESTED));
    }

    @Test
    void koreanTextIsKeptAsIs() {
        assertEquals("""
                [
                  {
                    "description": "한국어 설명입니다",
                    "location": "koreacentral",
                    "name": "작업공간"
                  },
                  {
                    "description": "English",
                    "location": "eastus",
                    "name": "ws2"
                  }
                ]
                """, json(Fixtures.KOREAN));
    }

    @Test
    void numbersBooleansAndNullsAsPythonPrintsThem() {
        assertEquals("""
                {
                  "big": 1e+20,
                  "date": "2024-01-31",
                  "empty": "",
                  "f": false,
                  "float": 1.5,
                  "int": 42,
                  "n": null,
                  "neg": -7,
                  "num": "123",
                  "onePoint": 1.0,
                  "s": "text",
                  "small": 1e-05,
                  "t": true
                }
                """, json(Fixtures.SCALARS));
    }

    @Test
    void integersBuiltInJavaPrintWithoutFraction() {
        JsonObject o = new JsonObject();
        o.addProperty("fromDouble", 3.0);
        o.addProperty("fromLong", 12345678901L);
        o.addProperty("half", 0.5);
        assertEquals("{\n  \"fromDouble\": 3,\n  \"fromLong\": 12345678901,\n  \"half\": 0.5\n}\n",
                OutputWriter.format(o, OutputFormat.JSON, false));
    }

    @Test
    void emptyListAndScalarString() {
        assertEquals("[]\n", json(Fixtures.EMPTY));
        assertEquals("\"abc\"\n", json(Fixtures.STRING));
    }

    @Test
    void onlyQuotesBackslashesAndControlCharactersAreEscaped() {
        JsonArray a = new JsonArray();
        a.add("<a&b> 'q' \"dq\" back\\slash tab\tnl\n\u0001 é");
        assertEquals("[\n  \"<a&b> 'q' \\\"dq\\\" back\\\\slash tab\\tnl\\n\\u0001 é\"\n]\n",
                OutputWriter.format(a, OutputFormat.JSON, false));
    }

    @Test
    void nullResultPrintsNothingInEveryFormat() {
        for (OutputFormat format : OutputFormat.values()) {
            assertEquals("", OutputWriter.format(JsonNull.INSTANCE, format, true), format.name());
            assertEquals("", OutputWriter.format(null, format, true), format.name());
        }
    }

    @Test
    void noneFormatPrintsNothing() {
        assertEquals("", OutputWriter.format(Fixtures.json(Fixtures.GROUP), OutputFormat.NONE, false));
    }

    @Test
    void scalarNumberAndBoolean() {
        assertEquals("7\n", OutputWriter.format(new JsonPrimitive(7), OutputFormat.JSON, false));
        assertEquals("true\n", OutputWriter.format(new JsonPrimitive(true), OutputFormat.JSON, false));
    }
}
