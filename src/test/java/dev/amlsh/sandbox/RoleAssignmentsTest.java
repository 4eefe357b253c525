package dev.amlsh.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Microsoft.Authorization over HTTP: built-in role definitions and role assignments at every scope. */
class RoleAssignmentsTest {
    static final String SUB = SandboxSeed.SUBSCRIPTION_ID;
    static final String API = "?api-version=2022-04-01";
    static final String READER = "acdd72a7-3385-48ef-bd42-f606fba81ae7";
    static final String RG = "/subscriptions/" + SUB + "/resourceGroups/authz-rg";
    private static Sandbox sandbox;
    private static SandboxHttp http;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(new SandboxOptions(null, 0, Duration.ZERO));
        http = new SandboxHttp(sandbox);
        assertEquals(201, http.put(RG, "{\"location\":\"eastus\"}").status());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void roleDefinitionsHaveTheBuiltInGuidsAtEveryScope() {
        JsonArray all = http.get("/subscriptions/" + SUB + "/providers/Microsoft.Authorization/roleDefinitions" + API)
                .json().getAsJsonArray("value");
        assertEquals(8, all.size());
        JsonArray reader = http.get(RG + "/providers/Microsoft.Authorization/roleDefinitions" + API
                + "&$filter=" + enc("roleName eq 'reader'")).json().getAsJsonArray("value");
        assertEquals(1, reader.size());
        JsonObject r = reader.get(0).getAsJsonObject();
        assertEquals("/subscriptions/" + SUB + "/providers/Microsoft.Authorization/roleDefinitions/" + READER, r.get("id").getAsString());
        assertEquals("Reader", r.getAsJsonObject("properties").get("roleName").getAsString());
        assertEquals("[\"*/read\"]", r.getAsJsonObject("properties").getAsJsonArray("permissions").get(0).getAsJsonObject()
                .get("actions").toString());
        JsonObject owner = http.get("/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635" + API).json();
        assertEquals("/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635", owner.get("id").getAsString());
        assertEquals("BuiltInRole", owner.getAsJsonObject("properties").get("type").getAsString());
        SandboxHttp.Response missing = http.get("/subscriptions/" + SUB + "/providers/Microsoft.Authorization/roleDefinitions/"
                + UUID.randomUUID() + API);
        assertEquals(404, missing.status());
        assertEquals("RoleDefinitionDoesNotExist", missing.errorCode());
    }

    @Test
    void aConditionIsKeptAsTheClientSetIt() {
        String id = RG + "/providers/Microsoft.Authorization/roleAssignments/" + UUID.randomUUID();
        String condition = "@Resource[Microsoft.Storage/storageAccounts/blobServices/containers:Name] stringEquals 'foo'";
        String body = "{\"properties\":{\"roleDefinitionId\":\"/subscriptions/" + SUB + "/providers/Microsoft.Authorization/roleDefinitions/"
                + READER + "\",\"principalId\":\"" + SandboxSeed.ALICE_OBJECT_ID + "\",\"condition\":\"" + condition + "\"}}";
        JsonObject made = http.put(id + API, body).json().getAsJsonObject("properties");
        assertEquals(condition, made.get("condition").getAsString());
        assertEquals("2.0", made.get("conditionVersion").getAsString(), "the version ARM defaults to");
        JsonObject read = http.get(id + API).json().getAsJsonObject("properties");
        assertEquals(condition, read.get("condition").getAsString());
        assertEquals(200, http.delete(id + API).status());
        JsonObject plain = http.put(id + API, assignment(SandboxSeed.ALICE_OBJECT_ID, "/providers/Microsoft.Authorization/roleDefinitions/" + READER))
                .json().getAsJsonObject("properties");
        assertTrue(plain.get("condition").isJsonNull() && plain.get("conditionVersion").isJsonNull(), "null when not set, as Azure sends them");
        assertEquals(200, http.delete(id + API).status());
        SandboxHttp.Response versionOnly = http.put(id + API, "{\"properties\":{\"roleDefinitionId\":\"/providers/Microsoft.Authorization/"
                + "roleDefinitions/" + READER + "\",\"principalId\":\"" + SandboxSeed.ALICE_OBJECT_ID + "\",\"conditionVersion\":\"2.0\"}}");
        assertEquals(400, versionOnly.status(), versionOnly.body());
    }

    @Test
    void createIs201ThenSameIs200AndTheResponseHasTheExampleShape() {
        String name = UUID.randomUUID().toString();
        String id = RG + "/providers/Microsoft.Authorization/roleAssignments/" + name;
        String body = assignment(SandboxSeed.BOB_OBJECT_ID, "/subscriptions/" + SUB + "/providers/Microsoft.Authorization/roleDefinitions/" + READER);
        SandboxHttp.Response created = http.put(id + API, body);
        assertEquals(201, created.status(), created.body());
        JsonObject a = created.json();
        assertEquals(id, a.get("id").getAsString());
        assertEquals(name, a.get("name").getAsString());
        assertEquals("Microsoft.Authorization/roleAssignments", a.get("type").getAsString());
        JsonObject p = a.getAsJsonObject("properties");
        assertEquals("/subscriptions/" + SUB + "/providers/Microsoft.Authorization/roleDefinitions/" + READER,
                p.get("roleDefinitionId").getAsString(), "under the subscription, as Azure answers (recorded)");
        assertEquals(SandboxSeed.BOB_OBJECT_ID, p.get("principalId").getAsString());
        assertEquals("User", p.get("principalType").getAsString());
        assertEquals(RG, p.get("scope").getAsString());
        assertTrue(p.get("createdBy").isJsonNull(), "Azure's PUT answer names no creator (recorded)");
        assertEquals(SandboxSeed.ADMIN_OBJECT_ID, p.get("updatedBy").getAsString());
        assertEquals(201, http.put(id + API, body).status(), "Azure answers a repeated PUT 201 too (recorded)");
        JsonObject read = http.get(id + API).json();
        assertEquals(id, read.get("id").getAsString());
        assertEquals(SandboxSeed.ADMIN_OBJECT_ID, read.getAsJsonObject("properties").get("createdBy").getAsString());

        SandboxHttp.Response twice = http.put(RG + "/providers/Microsoft.Authorization/roleAssignments/" + UUID.randomUUID() + API, body);
        assertEquals(409, twice.status());
        assertEquals("RoleAssignmentExists", twice.errorCode());
        assertEquals("The role assignment already exists.", twice.errorMessage());

        SandboxHttp.Response deleted = http.delete(id + API);
        assertEquals(200, deleted.status());
        assertEquals(id, deleted.json().get("id").getAsString());
        assertEquals(204, http.delete(id + API).status());
        SandboxHttp.Response gone = http.get(id + API);
        assertEquals(404, gone.status());
        assertEquals("RoleAssignmentNotFound", gone.errorCode());
    }

    @Test
    void theServiceRefusesUnknownRolesPrincipalsAndNames() {
        String at = RG + "/providers/Microsoft.Authorization/roleAssignments/";
        String unknownRole = UUID.randomUUID().toString();
        SandboxHttp.Response role = http.put(at + UUID.randomUUID() + API, assignment(SandboxSeed.BOB_OBJECT_ID,
                "/subscriptions/" + SUB + "/providers/Microsoft.Authorization/roleDefinitions/" + unknownRole));
        assertEquals(400, role.status());
        assertEquals("RoleDefinitionDoesNotExist", role.errorCode());
        assertTrue(role.errorMessage().contains(unknownRole), role.errorMessage());
        String stranger = UUID.randomUUID().toString();
        SandboxHttp.Response principal = http.put(at + UUID.randomUUID() + API, assignment(stranger,
                "/providers/Microsoft.Authorization/roleDefinitions/" + READER));
        assertEquals(400, principal.status());
        assertEquals("PrincipalNotFound", principal.errorCode());
        assertTrue(principal.errorMessage().startsWith("Principal " + stranger.replace("-", "") + " does not exist in the directory "
                + SandboxSeed.TENANT_ID), principal.errorMessage());
        assertEquals("InvalidRoleAssignmentId", http.put(at + "not-a-guid" + API, assignment(SandboxSeed.BOB_OBJECT_ID,
                "/providers/Microsoft.Authorization/roleDefinitions/" + READER)).errorCode());
        String typed = "{\"properties\":{\"roleDefinitionId\":\"/providers/Microsoft.Authorization/roleDefinitions/" + READER
                + "\",\"principalId\":\"" + SandboxSeed.BOB_OBJECT_ID + "\",\"principalType\":\"ServicePrincipal\"}}";
        assertEquals("UnmatchedPrincipalType", http.put(at + UUID.randomUUID() + API, typed).errorCode());
    }

    @Test
    void listingShowsInheritedAssignmentsAndFiltersByPrincipal() {
        String group = "/subscriptions/" + SUB + "/resourceGroups/authz-list";
        http.put(group, "{\"location\":\"eastus\"}");
        String mine = group + "/providers/Microsoft.Authorization/roleAssignments/" + UUID.randomUUID();
        http.put(mine + API, assignment(SandboxSeed.ALICE_OBJECT_ID, "/providers/Microsoft.Authorization/roleDefinitions/" + READER));
        List<String> atGroup = scopes(http.get(group + "/providers/Microsoft.Authorization/roleAssignments" + API
                + "&$filter=atScope()"));
        assertTrue(atGroup.contains(group), atGroup.toString());
        assertTrue(atGroup.contains("/subscriptions/" + SUB), "inherited from the subscription: " + atGroup);
        List<String> atSub = scopes(http.get("/subscriptions/" + SUB + "/providers/Microsoft.Authorization/roleAssignments" + API
                + "&$filter=atScope()"));
        assertFalse(atSub.contains(group), "atScope() leaves out what is below: " + atSub);
        List<String> alice = scopes(http.get("/subscriptions/" + SUB + "/providers/Microsoft.Authorization/roleAssignments" + API
                + "&$filter=" + enc("principalId eq '" + SandboxSeed.ALICE_OBJECT_ID + "'")));
        assertEquals(List.of(group), alice);
        assertEquals(400, http.get(group + "/providers/Microsoft.Authorization/roleAssignments" + API + "&$filter=" + enc("foo eq 1")).status());
    }

    @Test
    void assignmentsOnAResourceNeedTheResourceAndGoWithTheirGroup() {
        String group = "/subscriptions/" + SUB + "/resourceGroups/authz-doomed";
        http.put(group, "{\"location\":\"eastus\"}");
        String sa = group + "/providers/Microsoft.Storage/storageAccounts/authzsa";
        String onMissing = sa + "/providers/Microsoft.Authorization/roleAssignments/" + UUID.randomUUID();
        String body = assignment(SandboxSeed.BOB_OBJECT_ID, "/providers/Microsoft.Authorization/roleDefinitions/" + READER);
        SandboxHttp.Response missing = http.put(onMissing + API, body);
        assertEquals(404, missing.status());
        assertEquals("ResourceNotFound", missing.errorCode());
        JsonObject doc = new JsonObject();
        doc.addProperty("id", sa);
        sandbox.store().put(sa, doc);
        assertEquals(201, http.put(onMissing + API, body).status());
        String onGroup = group + "/providers/Microsoft.Authorization/roleAssignments/" + UUID.randomUUID();
        assertEquals(201, http.put(onGroup + API, body).status());
        assertEquals(List.of(group, sa), scopes(http.get(sa + "/providers/Microsoft.Authorization/roleAssignments" + API
                + "&$filter=" + enc("principalId eq '" + SandboxSeed.BOB_OBJECT_ID + "' and atScope()"))));

        assertEquals(202, http.delete(group).status());
        assertEquals(404, http.get(group).status());
        List<String> left = scopes(http.get("/subscriptions/" + SUB + "/providers/Microsoft.Authorization/roleAssignments" + API
                + "&$filter=" + enc("principalId eq '" + SandboxSeed.BOB_OBJECT_ID + "'")));
        assertFalse(left.stream().anyMatch(s -> s.startsWith(group)), "deleting the group removed its assignments: " + left);
    }

    static String assignment(String principalId, String roleDefinitionId) {
        return "{\"properties\":{\"roleDefinitionId\":\"" + roleDefinitionId + "\",\"principalId\":\"" + principalId + "\"}}";
    }

    static List<String> scopes(SandboxHttp.Response r) {
        assertEquals(200, r.status(), r.body());
        List<String> out = new ArrayList<>();
        for (JsonElement e : r.json().getAsJsonArray("value")) {
            out.add(e.getAsJsonObject().getAsJsonObject("properties").get("scope").getAsString());
        }
        return out;
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
