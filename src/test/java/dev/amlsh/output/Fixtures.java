package dev.amlsh.output;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

/**
 * Command results the golden tests format. Unless a test says otherwise, each expected text is what
 * knack's own formatters (the CLI's output path: knack 0.10 with tabulate, PyYAML and Pygments)
 * print for the same JSON.
 */
final class Fixtures {
    static final String GROUP = """
            {"id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1",
             "location": "eastus", "managedBy": null, "name": "rg1",
             "properties": {"provisioningState": "Succeeded"}, "tags": {"env": "dev"},
             "type": "Microsoft.Resources/resourceGroups"}
            """;

    static final String GROUPS = """
            [{"id": "/subscriptions/s1/resourceGroups/rg1", "location": "eastus", "name": "rg1",
              "tags": {"env": "dev"}, "type": "Microsoft.Resources/resourceGroups"},
             {"id": "/subscriptions/s1/resourceGroups/rg2", "location": "westus", "name": "rg2",
              "tags": {}, "type": "Microsoft.Resources/resourceGroups"},
             {"id": "/subscriptions/s1/resourceGroups/rg3", "location": "eastus", "name": "rg3",
              "tags": null, "type": "Microsoft.Resources/resourceGroups"}]
            """;

    static final String NESTED = """
            {"name": "ws1", "sku": {"name": "Basic", "tier": "Basic"}, "zones": ["1", "2"],
             "empty": {}, "none": [], "deep": [{"a": [1, [2, 3]], "b": {"c": null}}], "z": 1}
            """;

    static final String KOREAN = """
            [{"name": "작업공간", "description": "한국어 설명입니다", "location": "koreacentral"},
             {"name": "ws2", "description": "English", "location": "eastus"}]
            """;

    static final String SCALARS = """
            {"int": 42, "neg": -7, "float": 1.5, "small": 0.00001, "big": 1e20, "onePoint": 1.0,
             "t": true, "f": false, "n": null, "s": "text", "empty": "", "num": "123", "date": "2024-01-31"}
            """;

    static final String EMPTY = "[]";

    static final String STRING = "\"abc\"";

    private Fixtures() {
    }

    static JsonElement json(String text) {
        return JsonParser.parseString(text);
    }
}
