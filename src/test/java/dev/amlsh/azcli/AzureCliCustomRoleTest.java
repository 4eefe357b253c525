package dev.amlsh.azcli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import dev.amlsh.sandbox.SandboxSeed;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unmodified Azure CLI's custom role commands against {@code amlsh sandbox serve}: a
 * Contributor is refused, the admin creates and updates a role (a second with the same name is refused), lists and assigns it, the role in use
 * cannot be deleted, then it can. Skipped when {@code az} is missing, except in CI (env CI set).
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class AzureCliCustomRoleTest {
    private static final String SUB = "/subscriptions/" + SandboxSeed.SUBSCRIPTION_ID;
    private static final String CUSTOM = SUB + "/providers/Microsoft.Authorization/roleDefinitions?api-version=2022-05-01-preview"
            + "&$filter=type%20eq%20%27CustomRole%27";

    @TempDir
    Path tmp;

    private AzureCli az;

    @Test
    void theAzureCliCreatesAssignsAndDeletesACustomRole() throws Exception {
        if (AzureCli.find().isEmpty()) {
            String why = "the Azure CLI (az) is not on the PATH; install it (apt-get install azure-cli) to run this test";
            if (System.getenv("CI") != null) {
                fail("CI must run the Azure CLI custom role scenario: " + why);
            }
            Assumptions.abort("Skipped: " + why);
        }
        String name = "Group Reader " + UUID.randomUUID().toString().substring(0, 6);
        String rg = "rg-role-" + UUID.randomUUID().toString().substring(0, 6);
        String definition = "{\"Name\":\"" + name + "\",\"Description\":\"Reads resource groups\","
                + "\"Actions\":[\"Microsoft.Resources/subscriptions/resourceGroups/read\"],\"NotActions\":[],"
                + "\"AssignableScopes\":[\"" + SUB + "\"]}";
        try (ServedSandbox serve = ServedSandbox.start(tmp.resolve("home"))) {
            az = new AzureCli(tmp.resolve("az"));
            AzureCliSignIn.withThePrintedLines(az, serve);
            ok("group", "create", "-n", rg, "-l", "eastus", "-o", "none");
            AzureCli.Result refused = az.run("role", "definition", "create", "--role-definition", definition);
            assertNotEquals(0, refused.exitCode(), refused.toString());
            assertTrue(refused.stderr().contains("AuthorizationFailed"), "a Contributor cannot write roles: " + refused);

            AzureCliSignIn.asTheAdminUser(az, serve);
            JsonObject role = ok("role", "definition", "create", "--role-definition", definition).json().getAsJsonObject();
            assertEquals("CustomRole", role.get("roleType").getAsString(), role.toString());
            assertEquals(name, role.get("roleName").getAsString());
            // this az build's 'role definition list' and 'delete' fail in the client before any request
            // ('RoleDefinitionsOperations' object has no attribute 'config'): their requests go through az rest
            assertEquals("[\n  \"" + name + "\"\n]", ok("rest", "--method", "get", "--url", CUSTOM, "--query", "value[].properties.roleName")
                    .stdout().trim());
            AzureCli.Result again = az.run("role", "definition", "create", "--role-definition", definition);
            assertNotEquals(0, again.exitCode(), again.toString());
            assertTrue(again.stderr().contains("RoleDefinitionWithSameNameExists"), again.toString());

            String updated = definition.replace("Reads resource groups", "Reads groups, updated")
                    .replace("{\"Name\"", "{\"id\":\"" + role.get("id").getAsString() + "\",\"roleName\":\"" + name + "\",\"Name\"");
            assertEquals("\"Reads groups, updated\"", ok("role", "definition", "update", "--role-definition", updated, "--query", "description")
                    .stdout().trim());

            String assignment = ok("rest", "--method", "put", "--url", SUB + "/resourceGroups/" + rg
                    + "/providers/Microsoft.Authorization/roleAssignments/" + UUID.randomUUID() + "?api-version=2022-04-01", "--body",
                    "{\"properties\":{\"roleDefinitionId\":\"" + role.get("id").getAsString() + "\",\"principalId\":\""
                            + SandboxSeed.BOB_OBJECT_ID + "\",\"principalType\":\"User\"}}", "--query", "id", "-o", "tsv").stdout().trim();
            String roleUrl = role.get("id").getAsString() + "?api-version=2022-05-01-preview";
            AzureCli.Result inUse = az.run("rest", "--method", "delete", "--url", roleUrl);
            assertNotEquals(0, inUse.exitCode(), inUse.toString());
            assertTrue(inUse.stderr().contains("RoleDefinitionHasAssignments"), inUse.toString());
            ok("rest", "--method", "delete", "--url", assignment + "?api-version=2022-04-01");
            ok("rest", "--method", "delete", "--url", roleUrl);
            assertEquals("[]", ok("rest", "--method", "get", "--url", CUSTOM, "--query", "value").stdout().trim());
        }
    }

    private AzureCli.Result ok(String... args) throws Exception {
        AzureCli.Result r = az.run(args);
        assertEquals(0, r.exitCode(), r.toString());
        return r;
    }
}
