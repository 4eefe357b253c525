package dev.amlsh.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.amlsh.testing.ShellHarness;
import dev.amlsh.testing.ShellHarness.Run;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code account}, {@code provider} and sign-in, typed into the shell against the sandbox. */
class AccountCommandsTest {
    static ShellHarness sh;

    @BeforeAll
    static void start() {
        sh = ShellHarness.signedIn();
    }

    @AfterAll
    static void stop() {
        sh.close();
    }

    @Test
    void listsBothSandboxSubscriptionsWithTheFirstAsDefault() {
        JsonArray subs = JsonParser.parseString(sh.ok("account list")).getAsJsonArray();
        assertEquals(2, subs.size());
        JsonObject first = subs.get(0).getAsJsonObject();
        assertEquals(Set.of("environmentName", "homeTenantId", "id", "isDefault", "managedByTenants", "name", "state",
                "tenantId", "user"), new TreeSet<>(first.keySet()));
        assertEquals("admin@sandbox.amlsh", first.getAsJsonObject("user").get("name").getAsString());
        assertEquals(1, subs.asList().stream().filter(s -> s.getAsJsonObject().get("isDefault").getAsBoolean()).count());
    }

    @Test
    void setChangesTheCurrentSubscriptionByNameOrId() {
        String before = sh.ok("account show --query id -o tsv").strip();
        sh.ok("account set -s \"Sandbox Unregistered\"");
        assertEquals("6c2e7a45-9d3b-4f1a-8b2c-444455556666\n", sh.ok("account show --query id -o tsv"));
        sh.ok("account set --subscription " + before);
        assertEquals(before + "\n", sh.ok("account show --query id -o tsv"));
        Run unknown = sh.run("account set -s nosuch");
        assertEquals(3, unknown.exitCode());
        assertTrue(unknown.err().contains("account list"), unknown.err());
    }

    @Test
    void locationsIncludePublicAndGovernmentRegions() {
        String names = sh.ok("account list-locations --query \"[].name\" -o tsv");
        assertTrue(names.lines().anyMatch("eastus"::equals), names);
        assertTrue(names.lines().anyMatch("usgovvirginia"::equals), names);
    }

    @Test
    void providerRegistrationInTheUnregisteredSubscription() {
        String sub = "--subscription \"Sandbox Unregistered\"";
        assertEquals("NotRegistered\n",
                sh.ok("provider show -n Microsoft.MachineLearningServices --query registrationState -o tsv " + sub));
        Run register = sh.run("provider register -n Microsoft.MachineLearningServices " + sub);
        assertEquals(0, register.exitCode(), register.toString());
        assertEquals("Registered\n",
                sh.ok("provider show -n Microsoft.MachineLearningServices --query registrationState -o tsv " + sub));
        sh.ok("provider unregister -n Microsoft.MachineLearningServices " + sub);
        assertEquals("NotRegistered\n",
                sh.ok("provider show -n Microsoft.MachineLearningServices --query registrationState -o tsv " + sub));
        assertTrue(sh.ok("provider list --query \"[].namespace\" -o tsv").contains("Microsoft.Storage"));
    }

    @Test
    void signedOutCommandsSayHowToSignIn() {
        try (ShellHarness fresh = ShellHarness.on(ShellHarness.newHome())) {
            Run r = fresh.run("group list");
            assertEquals(2, r.exitCode());
            assertTrue(r.err().contains("login"), r.err());
            fresh.ok("login --sandbox -o none");
            assertEquals("[]\n", fresh.ok("group list"));
            fresh.ok("logout");
            assertEquals(2, fresh.run("account show").exitCode());
        }
    }
}
