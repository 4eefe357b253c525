package dev.amlsh.sandbox.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amlsh.sandbox.SandboxHttp;
import dev.amlsh.sandbox.SandboxSeed;
import dev.amlsh.testing.ShellHarness;
import dev.amlsh.testing.ShellHarness.Run;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Tags are refused as ARM refuses them, for groups and every resource type, so a script that passes here passes on Azure. */
@Timeout(180)
class TagRulesTest {
    private static ShellHarness sh;

    @BeforeAll
    static void start() {
        sh = ShellHarness.signedIn();
        sh.ok("group create -n tagged -l eastus -o none");
    }

    @AfterAll
    static void stop() {
        sh.close();
        Homes.delete(sh.home());
    }

    private static String tags(int count) {
        return IntStream.range(0, count).mapToObj(i -> "t" + i + "=v").collect(Collectors.joining(" "));
    }

    private static void refused(String line, String code, String message) {
        Run r = sh.run(line);
        assertEquals(2, r.exitCode(), r.toString());
        assertEquals("", r.out());
        assertTrue(r.err().contains("(" + code + ") " + message), r.err());
    }

    @Test
    void fiftyOneTagsAreRefusedAndFiftyAreKept() {
        refused("group create -n many -l eastus --tags " + tags(51), "InvalidTagCount", "The number of tags '51' exceeds");
        assertEquals("false\n", sh.ok("group exists -n many"));
        assertEquals("50\n", sh.ok("group create -n many -l eastus --tags " + tags(50) + " --query \"length(keys(tags))\" -o tsv"));
    }

    @Test
    void longNamesAndValuesFromAnyClientAreRefusedAtTheLimitPlusOne() {
        // amlsh checks lengths before sending; other clients (az, SDKs, curl) do not, so they are sent as they come
        SandboxHttp http = new SandboxHttp(sh.sandbox());
        String group = "/subscriptions/" + SandboxSeed.SUBSCRIPTION_ID + "/resourceGroups/tagged";
        String value300 = "v".repeat(300);
        SandboxHttp.Response r = http.patch(group, "{\"tags\":{\"k\":\"" + value300 + "\"}}");
        assertEquals(400, r.status(), r.body());
        assertEquals("InvalidTagValueLength", r.errorCode());
        assertTrue(r.errorMessage().startsWith("Tag value too large. Following tag value 'vvv"), r.errorMessage());
        assertTrue(r.errorMessage().endsWith("' exceeded the maximum length. Maximum allowed length for tag value - '256' characters."));
        r = http.put("/subscriptions/" + SandboxSeed.SUBSCRIPTION_ID + "/resourceGroups/named",
                "{\"location\":\"eastus\",\"tags\":{\"" + "n".repeat(600) + "\":\"v\"}}");
        assertEquals(400, r.status(), r.body());
        assertEquals("InvalidTagName", r.errorCode());
        assertEquals("false\n", sh.ok("group exists -n named"));
        String huge = "x".repeat(3_900_000);
        r = http.patch(group, "{\"tags\":{\"k\":\"" + huge + "\"}}");
        assertEquals(400, r.status());
        assertEquals("InvalidTagValueLength", r.errorCode());
        assertTrue(r.body().length() < 2_000, "the error does not echo 3.9 MB: " + r.body().length());
        assertTrue(sh.ok("group show -n tagged").length() < 2_000, "nothing was stored");
        assertEquals(200, http.patch(group, "{\"tags\":{\"" + "n".repeat(512) + "\":\"" + "v".repeat(256) + "\"}}").status());
        sh.ok("storage account create -n tagrulesst2 -g tagged -l eastus -o none");
        r = http.patch("/subscriptions/" + SandboxSeed.SUBSCRIPTION_ID + "/resourceGroups/tagged/providers/Microsoft.Storage"
                + "/storageAccounts/tagrulesst2?api-version=2023-05-01", "{\"tags\":{\"k\":\"" + value300 + "\"}}");
        assertEquals(400, r.status(), r.body());
        assertEquals("InvalidTagValueLength", r.errorCode());
    }

    @Test
    void reservedCharactersInNamesAreRefused() {
        for (String bad : new String[] {"a<b", "a>b", "a%b", "a&b", "a\\\\b", "a?b", "a/b"}) {
            Run r = sh.run("group create -n chars -l eastus --tags \"" + bad + "=1\"");
            assertEquals(2, r.exitCode(), bad + ": " + r);
            assertTrue(r.err().contains("(InvalidTagNameCharacters) The tag names '"), r.err());
            assertTrue(r.err().contains("' have reserved characters '<,>,%,&,\\,?,/' or control characters."), r.err());
        }
        assertEquals("false\n", sh.ok("group exists -n chars"));
        // the characters are allowed in values
        assertEquals("a<b&c?d/e\n", sh.ok("group create -n chars -l eastus --tags \"k=a<b&c?d/e\" --query tags.k -o tsv"));
    }

    @Test
    void everyResourceTypeIsChecked() {
        refused("storage account create -n tagrulesst1 -g tagged -l eastus --tags " + tags(51), "InvalidTagCount", "");
        assertEquals(3, sh.run("storage account show -n tagrulesst1 -g tagged").exitCode());
        refused("keyvault create -n tagrules-kv1 -g tagged -l eastus --tags \"x/y=1\"", "InvalidTagNameCharacters", "");
        refused("acr create -n tagrulesacr1 -g tagged -l eastus --sku Basic --tags " + tags(51), "InvalidTagCount", "");
        refused("ml workspace create -w tagws -g tagged --tags \"a?b=1\"", "InvalidTagNameCharacters", "");
        assertEquals(3, sh.run("ml workspace show -w tagws -g tagged").exitCode());
    }
}
