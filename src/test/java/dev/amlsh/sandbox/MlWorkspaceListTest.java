package dev.amlsh.sandbox;

import static dev.amlsh.sandbox.MlFixture.SUB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Lists by group and by subscription, paged with nextLink and $skip. */
class MlWorkspaceListTest {
    private static final int COUNT = 105;
    private static MlFixture f;
    private static SandboxHttp http;

    @BeforeAll
    static void start() throws Exception {
        f = MlFixture.shared();
        http = f.http;
        f.group("page-rg", "eastus");
        JsonObject model = f.create("page-rg", "page-ws-000", f.deps("page-rg", "pg"));
        // The rest are copies planted in the store: paging is about the list, not about 104 more creates.
        for (int i = 1; i < COUNT; i++) {
            String name = String.format("page-ws-%03d", i);
            JsonObject copy = model.deepCopy();
            copy.addProperty("name", name);
            copy.addProperty("id", model.get("id").getAsString().replace("page-ws-000", name));
            f.sandbox.store().put(copy.get("id").getAsString(), copy);
        }
    }

    @Test
    void groupListPagesOverAHundredWorkspaces() {
        String first = MlFixture.rid("page-rg", "Microsoft.MachineLearningServices", "workspaces").replace("/Microsoft.MachineLearningServices/workspaces", "")
                + "/Microsoft.MachineLearningServices/workspaces?api-version=" + MlFixture.API;
        Set<String> names = new HashSet<>();
        int pages = walk(first, names);
        assertEquals(2, pages);
        assertEquals(COUNT, names.size());
        JsonObject top = http.get(first + "&$top=7").json();
        assertEquals(7, top.getAsJsonArray("value").size());
        String next = top.get("nextLink").getAsString();
        assertTrue(next.contains("$skip=") && next.contains("top=7"), next);
        JsonObject second = http.send("GET", local(next), null).json();
        assertEquals("page-ws-007", second.getAsJsonArray("value").get(0).getAsJsonObject().get("name").getAsString());
        assertEquals(5, http.get(first + "&$skip=100").json().getAsJsonArray("value").size(), "a numeric $skip skips that many");
        JsonObject item = second.getAsJsonArray("value").get(0).getAsJsonObject();
        assertEquals("Microsoft.MachineLearningServices/workspaces", item.get("type").getAsString());
        assertTrue(item.getAsJsonObject("properties").has("storageAccount"));
        assertEquals("InvalidParameter", http.get(first + "&$skip=k%21%21").errorCode());
    }

    @Test
    void subscriptionListHasEveryGroupsWorkspaces() {
        Set<String> ids = new HashSet<>();
        int pages = walk("/subscriptions/" + SUB + "/providers/Microsoft.MachineLearningServices/workspaces?api-version=" + MlFixture.API, ids);
        assertTrue(pages >= 2);
        for (int i = 0; i < COUNT; i++) {
            assertTrue(ids.contains(String.format("page-ws-%03d", i)));
        }
    }

    /** Follows nextLink to the end; returns the number of pages. */
    private static int walk(String path, Set<String> names) {
        int pages = 0;
        SandboxHttp.Response page = http.get(path);
        while (true) {
            pages++;
            assertEquals(200, page.status(), page.body());
            int before = names.size();
            page.json().getAsJsonArray("value").forEach(v -> names.add(v.getAsJsonObject().get("name").getAsString()));
            assertEquals(page.json().getAsJsonArray("value").size(), names.size() - before, "no workspace twice");
            if (!page.json().has("nextLink")) {
                return pages;
            }
            assertFalse(page.json().get("nextLink").getAsString().isEmpty());
            page = http.send("GET", local(page.json().get("nextLink").getAsString()), null);
        }
    }

    private static String local(String url) {
        return url.substring(f.sandbox.endpoint().toString().length() - 1);
    }
}
