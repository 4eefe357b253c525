package dev.amlsh.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class YamlOutputTest {
    private static String yaml(String fixture) {
        return OutputWriter.format(Fixtures.json(fixture), OutputFormat.YAML, false);
    }

    @Test
    void resourceGroupInBlockStyleWithSortedKeys() {
        assertEquals("""
                id: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1
                location: eastus
                managedBy: null
                name: rg1
                properties:
                  provisioningState: Succeeded
                tags:
                  env: dev
                type: Microsoft.Resources/resourceGroups
                """, yaml(Fixtures.GROUP));
    }

    @Test
    void listOfThreeAndEmptyCollectionsInFlowStyle() {
        assertEquals("""
                - id: /subscriptions/s1/resourceGroups/rg1
                  location: eastus
                  name: rg1
                  tags:
                    env: dev
                  type: Microsoft.Resources/resourceGroups
                - id: /subscriptions/s1/resourceGroups/rg2
                  location: westus
                  name: rg2
                  tags: {}
                  type: Microsoft.Resources/resourceGroups
                - id: /subscriptions/s1/resourceGroups/rg3
                  location: eastus
                  name: rg3
                  tags: null
                  type: Microsoft.Resources/resourceGroups
                """, yaml(Fixtures.GROUPS));
    }

    @Test
    void nestedSequencesSitUnderTheirKeyWithoutIndent() {
        assertEquals("""
                deep:
                - a:
                  - 1
                  - - 2
                    - 3
                  b:
                    c: null
                empty: {}
                name: ws1
                none: []
                sku:
                  name: Basic
                  tier: Basic
                z: 1
                zones:
                - '1'
                - '2'
                """, yaml(Fixtures.NESTED));
    }

    @Test
    void koreanTextIsKeptAsIs() {
        assertEquals("""
                - description: 한국어 설명입니다
                  location: koreacentral
                  name: 작업공간
                - description: English
                  location: eastus
                  name: ws2
                """, yaml(Fixtures.KOREAN));
    }

    @Test
    void stringsThatWouldReadBackAsOtherTypesAreQuoted() {
        assertEquals("""
                big: 1.0e+20
                date: '2024-01-31'
                empty: ''
                f: false
                float: 1.5
                int: 42
                n: null
                neg: -7
                num: '123'
                onePoint: 1.0
                s: text
                small: 1.0e-05
                t: true
                """, yaml(Fixtures.SCALARS));
        assertEquals("- 'yes'\n- 'off'\n- '~'\n- 'null'\n- '0x1F'\n", yaml("[\"yes\", \"off\", \"~\", \"null\", \"0x1F\"]"));
    }

    @Test
    void multiLineTextIsSingleQuotedAsPyYamlDoes() {
        assertEquals("note: 'one\n\n  two'\n", yaml("{\"note\": \"one\\ntwo\"}"));
    }

    @Test
    void emptyListAndAPlainScalarWhichEndsTheDocument() {
        assertEquals("[]\n", yaml(Fixtures.EMPTY));
        assertEquals("abc\n...\n", yaml(Fixtures.STRING));
        assertEquals("'yes'\n", yaml("\"yes\""));
    }
}
