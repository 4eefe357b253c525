package dev.amlsh.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.amlsh.sandbox.SandboxSeed;
import dev.amlsh.testing.ShellHarness;
import dev.amlsh.testing.ShellHarness.Run;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code role ...} typed into a shell signed in as the default admin, against the sandbox over the real SDK. */
class RoleCommandsTest {
    static final String SUB = SandboxSeed.SUBSCRIPTION_ID;
    static final String RG = "/subscriptions/" + SUB + "/resourceGroups/";
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
    void adminGivesBobReaderOnAGroupAndListsIt() {
        sh.ok("group create -n share-rg -l eastus");
        JsonObject created = json(sh.ok("role assignment create --assignee bob@sandbox.amlsh --role reader -g share-rg"));
        assertEquals(new TreeSet<>(List.of("condition", "conditionVersion", "createdBy", "createdOn",
                "delegatedManagedIdentityResourceId", "description", "id", "name", "principalId", "principalType", "resourceGroup",
                "roleDefinitionId", "scope", "type", "updatedBy", "updatedOn")), new TreeSet<>(created.keySet()));
        assertEquals(SandboxSeed.BOB_OBJECT_ID, created.get("principalId").getAsString());
        assertEquals("User", created.get("principalType").getAsString());
        assertEquals(RG + "share-rg", created.get("scope").getAsString());
        assertEquals("share-rg", created.get("resourceGroup").getAsString());
        assertTrue(created.get("roleDefinitionId").getAsString().endsWith("/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7"));
        assertTrue(created.get("id").getAsString().startsWith(RG + "share-rg/providers/Microsoft.Authorization/roleAssignments/"));

        JsonArray listed = JsonParser.parseString(sh.ok("role assignment list -g share-rg")).getAsJsonArray();
        assertEquals(1, listed.size(), listed.toString());
        JsonObject one = listed.get(0).getAsJsonObject();
        assertEquals("bob@sandbox.amlsh", one.get("principalName").getAsString());
        assertEquals("Reader", one.get("roleDefinitionName").getAsString());
        assertEquals(created.get("id"), one.get("id"));

        assertEquals("bob@sandbox.amlsh\tReader\t" + RG + "share-rg\n",
                sh.ok("role assignment list -g share-rg --query \"[].[principalName, roleDefinitionName, scope]\" -o tsv"));
        String table = sh.ok("role assignment list -g share-rg -o table");
        assertTrue(table.startsWith("Principal") && table.contains("bob@sandbox.amlsh") && table.contains("Reader"), table);

        String again = sh.ok("role assignment create --assignee bob@sandbox.amlsh --role Reader -g share-rg --query id -o tsv");
        assertEquals(created.get("id").getAsString() + "\n", again, "creating the same assignment again gives the existing one");
    }

    @Test
    void inheritedAssignmentsAndAllAndTheServicePrincipal() {
        sh.ok("group create -n inherit-rg -l eastus");
        assertEquals("[]\n", sh.ok("role assignment list -g inherit-rg"));
        String inherited = sh.ok("role assignment list -g inherit-rg --include-inherited --query \"[].[principalName, roleDefinitionName]\" -o tsv");
        assertTrue(inherited.contains("admin@sandbox.amlsh\tOwner"), inherited);
        assertTrue(inherited.contains(SandboxSeed.CI_CLIENT_ID + "\tContributor"), "a service principal shows its app ID: " + inherited);
        sh.ok("role assignment create --assignee " + SandboxSeed.ALICE_OBJECT_ID + " --role \"AzureML Data Scientist\" -g inherit-rg");
        String all = sh.ok("role assignment list --all --assignee alice@sandbox.amlsh --query \"[].roleDefinitionName\" -o tsv");
        assertTrue(all.contains("AzureML Data Scientist"), all);
    }

    @Test
    void deleteByAssigneeAndRoleThenNothingLeftToDelete() {
        sh.ok("group create -n delete-rg -l eastus");
        sh.ok("role assignment create --assignee bob@sandbox.amlsh --role Contributor -g delete-rg");
        assertEquals("", sh.ok("role assignment delete --assignee bob@sandbox.amlsh --role contributor -g delete-rg"));
        assertEquals("[]\n", sh.ok("role assignment list -g delete-rg"));
        Run none = sh.run("role assignment delete --assignee bob@sandbox.amlsh -g delete-rg");
        assertEquals(3, none.exitCode(), none.toString());
        assertTrue(none.err().startsWith("ERROR: No matched assignments were found to delete."), none.err());
        String id = sh.ok("role assignment create --assignee alice@sandbox.amlsh --role Reader -g delete-rg --query id -o tsv").strip();
        assertEquals("", sh.ok("role assignment delete --ids " + id));
        assertEquals("[]\n", sh.ok("role assignment list -g delete-rg"));
        assertEquals(2, sh.run("role assignment delete").exitCode());
    }

    @Test
    void mistakesAreOneLineWithTheRightExitCode() {
        sh.ok("group create -n mistakes-rg -l eastus");
        Run nobody = sh.run("role assignment create --assignee carol@sandbox.amlsh --role Reader -g mistakes-rg");
        assertEquals(3, nobody.exitCode(), nobody.toString());
        assertEquals(1, nobody.err().lines().count(), nobody.err());
        assertTrue(nobody.err().startsWith("ERROR: Cannot find user or service principal in graph database for 'carol@sandbox.amlsh'."),
                nobody.err());
        Run role = sh.run("role assignment create --assignee bob@sandbox.amlsh --role Superuser -g mistakes-rg");
        assertEquals(3, role.exitCode(), role.toString());
        assertTrue(role.err().startsWith("ERROR: Role 'Superuser' doesn't exist."), role.err());
        Run stranger = sh.run("role assignment create --assignee 11111111-2222-4333-8444-555555555555 --role Reader -g mistakes-rg");
        assertEquals(2, stranger.exitCode(), stranger.toString());
        assertTrue(stranger.err().startsWith("ERROR: (PrincipalNotFound) Principal 11111111222243338444555555555555 does not exist"),
                stranger.err());
        Run both = sh.run("role assignment list -g mistakes-rg --scope " + RG + "mistakes-rg");
        assertEquals(2, both.exitCode());
        Run missingGroup = sh.run("role assignment create --assignee bob@sandbox.amlsh --role Reader -g no-such-rg");
        assertEquals(3, missingGroup.exitCode(), missingGroup.toString());
    }

    @Test
    void definitionsAreTheBuiltInRoles() {
        JsonArray ds = JsonParser.parseString(sh.ok("role definition list --name \"azureml data scientist\"")).getAsJsonArray();
        assertEquals(1, ds.size());
        JsonObject role = ds.get(0).getAsJsonObject();
        assertEquals("AzureML Data Scientist", role.get("roleName").getAsString());
        assertEquals("BuiltInRole", role.get("roleType").getAsString());
        assertEquals("f6c7c914-8db3-469d-8ca1-694a8f32e121", role.get("name").getAsString());
        assertEquals("Microsoft.Authorization/roleDefinitions", role.get("type").getAsString());
        assertEquals("/subscriptions/" + SUB + "/providers/Microsoft.Authorization/roleDefinitions/f6c7c914-8db3-469d-8ca1-694a8f32e121",
                role.get("id").getAsString());
        assertTrue(role.getAsJsonArray("permissions").get(0).getAsJsonObject().getAsJsonArray("notActions").toString()
                .contains("Microsoft.MachineLearningServices/workspaces/listKeys/action"));
        String names = sh.ok("role definition list --query \"[].roleName\" -o tsv");
        for (String n : List.of("Owner", "Contributor", "Reader", "User Access Administrator", "AzureML Compute Operator",
                "AzureML Metrics Writer (preview)", "AzureML Registry User")) {
            assertTrue(names.contains(n + "\n"), names);
        }
    }

    @Test
    void everyRoleCommandHasHelpWithExamples() {
        for (String c : List.of("role assignment create", "role assignment list", "role assignment delete", "role definition list")) {
            String help = sh.ok(c + " -h");
            assertTrue(help.contains("Examples:") && help.contains("  " + c), help);
        }
        Run bare = sh.run("role");
        assertEquals(0, bare.exitCode());
        assertTrue(bare.out().contains("assignment") && bare.out().contains("definition"), bare.out());
    }

    static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }
}
