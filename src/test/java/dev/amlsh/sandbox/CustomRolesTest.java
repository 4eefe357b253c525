package dev.amlsh.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Custom role definitions over HTTPS, by Azure's rules (recorded in the Azure CLI's role definition
 * scenario): create and update answer 201, names are unique in the tenant, a role in use cannot be
 * deleted, and the sandbox's role check grants what a custom role permits, where it is assignable.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class CustomRolesTest {
    static final String SUB = SandboxSeed.SUBSCRIPTION_ID;
    static final String SUBS = "/subscriptions/" + SUB;
    static final String API = "?api-version=2022-04-01";
    static final String DEFS = "/providers/Microsoft.Authorization/roleDefinitions";
    private static Sandbox sandbox;
    private static SandboxHttp admin;
    private static SandboxHttp bob;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(new SandboxOptions(null, 0, Duration.ZERO));
        admin = new SandboxHttp(sandbox);
        bob = admin.as(SandboxSeed.bob());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void aCustomRoleIsCreatedReadListedUpdatedAndDeletedAsInAzure() {
        String guid = UUID.randomUUID().toString();
        String id = SUBS + DEFS + "/" + guid;
        SandboxHttp.Response created = admin.put(id + API, role("Group Reader " + guid, SUBS, "Microsoft.Resources/subscriptions/resourceGroups/read"));
        assertEquals(201, created.status(), created.body());
        JsonObject p = created.json().getAsJsonObject("properties");
        assertEquals(id, created.json().get("id").getAsString());
        assertEquals("CustomRole", p.get("type").getAsString());
        assertEquals(SUBS, p.getAsJsonArray("assignableScopes").get(0).getAsString());
        assertEquals("Microsoft.Resources/subscriptions/resourceGroups/read",
                p.getAsJsonArray("permissions").get(0).getAsJsonObject().getAsJsonArray("actions").get(0).getAsString());
        assertTrue(p.get("createdBy").isJsonNull(), "Azure's PUT answer names no creator (recorded)");
        assertEquals(SandboxSeed.ADMIN_OBJECT_ID, p.get("updatedBy").getAsString());

        JsonObject read = admin.get(id + API).json().getAsJsonObject("properties");
        assertEquals(SandboxSeed.ADMIN_OBJECT_ID, read.get("createdBy").getAsString());
        String rg = group("custom-list-rg");
        assertTrue(names(admin.get(rg + DEFS + API)).contains(guid), "assignable in the subscription, so listed in its groups");
        assertEquals(List.of(guid), names(admin.get(SUBS + DEFS + API + "&$filter=roleName%20eq%20%27group%20reader%20" + guid + "%27")));
        assertFalse(names(admin.get(SUBS + DEFS + API + "&$filter=type%20eq%20%27BuiltInRole%27")).contains(guid));
        assertTrue(names(admin.get(SUBS + DEFS + API + "&$filter=type%20eq%20%27CustomRole%27")).contains(guid));

        SandboxHttp.Response updated = admin.put(id + API, role("Group Reader " + guid, SUBS, "*/read"));
        assertEquals(201, updated.status(), "Azure answers an update 201 too (recorded)");
        assertEquals(read.get("createdOn").getAsString(), admin.get(id + API).json().getAsJsonObject("properties").get("createdOn").getAsString());

        SandboxHttp.Response deleted = admin.delete(id + API);
        assertEquals(200, deleted.status(), deleted.body());
        assertEquals("Group Reader " + guid, deleted.json().getAsJsonObject("properties").get("roleName").getAsString());
        assertEquals(204, admin.delete(id + API).status());
        SandboxHttp.Response gone = admin.get(id + API);
        assertEquals(404, gone.status());
        assertEquals("RoleDefinitionDoesNotExist", gone.errorCode());
    }

    @Test
    void badDefinitionsAreRefusedWithAzuresCodes() {
        String taken = "Taken " + UUID.randomUUID();
        assertEquals(201, admin.put(SUBS + DEFS + "/" + UUID.randomUUID() + API, role(taken, SUBS, "*/read")).status());
        assertRefused(409, "RoleDefinitionWithSameNameExists", role(taken.toUpperCase(), SUBS, "*/read"));
        assertRefused(409, "RoleDefinitionWithSameNameExists", role("Reader", SUBS, "*/read"));
        assertRefused(400, "RoleDefinitionNameNullOrEmpty", role("", SUBS, "*/read"));
        assertRefused(400, "MissingAssignableScopes", "{\"properties\":{\"roleName\":\"No scopes\",\"assignableScopes\":[]}}");
        assertRefused(400, "LinkedInvalidPropertyId", role("Bad scope", "Invalid_Scope", "*/read"));
        assertRefused(400, "InvalidRoleDefinitionType",
                "{\"properties\":{\"roleName\":\"Typed\",\"type\":\"BuiltInRole\",\"assignableScopes\":[\"" + SUBS + "\"]}}");
        SandboxHttp.Response builtIn = admin.put(SUBS + DEFS + "/acdd72a7-3385-48ef-bd42-f606fba81ae7" + API, role("My Reader", SUBS, "*/read"));
        assertEquals(409, builtIn.status(), builtIn.body());
        assertEquals("RoleDefinitionExists", builtIn.errorCode());
        SandboxHttp.Response notGuid = admin.put(SUBS + DEFS + "/not-a-guid" + API, role("Not a GUID", SUBS, "*/read"));
        assertEquals(400, notGuid.status(), notGuid.body());
        assertEquals("InvalidRoleDefinitionId", notGuid.errorCode());
        SandboxHttp.Response byBob = bob.put(SUBS + DEFS + "/" + UUID.randomUUID() + API, role("Bob's role", SUBS, "*"));
        assertEquals(403, byBob.status(), byBob.body());
        assertEquals("AuthorizationFailed", byBob.errorCode());
    }

    @Test
    void theRoleCheckGrantsWhatACustomRolePermitsAndARoleInUseCannotBeDeleted() {
        String rg = group("custom-grant-rg");
        String other = group("custom-other-rg");
        String guid = UUID.randomUUID().toString();
        String id = SUBS + DEFS + "/" + guid;
        assertEquals(201, admin.put(id + API, role("Group Viewer " + guid, rg, "Microsoft.Resources/subscriptions/resourceGroups/read")).status());
        assertEquals(403, bob.get(rg).status(), "no role yet");

        SandboxHttp.Response outside = assign(other, guid);
        assertEquals(400, outside.status(), outside.body());
        assertEquals("ScopeDoesNotMatchRoleDefinition", outside.errorCode());
        SandboxHttp.Response granted = assign(rg, guid);
        assertEquals(201, granted.status(), granted.body());

        assertEquals(200, bob.get(rg).status(), "the custom role's action is granted");
        SandboxHttp.Response write = bob.put(rg, "{\"location\":\"eastus\",\"tags\":{\"by\":\"bob\"}}");
        assertEquals(403, write.status(), "what the role does not list is refused");
        assertEquals("AuthorizationFailed", write.errorCode());
        assertEquals(403, bob.get(other).status(), "only where it is assigned");

        SandboxHttp.Response inUse = admin.delete(id + API);
        assertEquals(409, inUse.status(), inUse.body());
        assertEquals("RoleDefinitionHasAssignments", inUse.errorCode());
        assertEquals(200, admin.delete(granted.json().get("id").getAsString() + API).status());
        assertEquals(200, admin.delete(id + API).status());
        assertEquals(403, bob.get(rg).status(), "the role is gone");
    }

    private static void assertRefused(int status, String code, String body) {
        SandboxHttp.Response r = admin.put(SUBS + DEFS + "/" + UUID.randomUUID() + API, body);
        assertEquals(status, r.status(), r.body());
        assertEquals(code, r.errorCode(), r.body());
    }

    private static SandboxHttp.Response assign(String scope, String roleGuid) {
        return admin.put(scope + "/providers/Microsoft.Authorization/roleAssignments/" + UUID.randomUUID() + API,
                RoleAssignmentsTest.assignment(SandboxSeed.BOB_OBJECT_ID, SUBS + DEFS + "/" + roleGuid));
    }

    static String role(String name, String scope, String action) {
        JsonObject permission = new JsonObject();
        com.google.gson.JsonArray actions = new com.google.gson.JsonArray();
        actions.add(action);
        permission.add("actions", actions);
        permission.add("notActions", new com.google.gson.JsonArray());
        com.google.gson.JsonArray permissions = new com.google.gson.JsonArray();
        permissions.add(permission);
        com.google.gson.JsonArray scopes = new com.google.gson.JsonArray();
        scopes.add(scope);
        JsonObject p = new JsonObject();
        p.addProperty("roleName", name);
        p.addProperty("description", "made by a test");
        p.add("permissions", permissions);
        p.add("assignableScopes", scopes);
        JsonObject body = new JsonObject();
        body.add("properties", p);
        return body.toString();
    }

    private static String group(String name) {
        String rg = SUBS + "/resourceGroups/" + name;
        SandboxHttp.Response r = admin.put(rg, "{\"location\":\"eastus\"}");
        assertTrue(r.status() == 200 || r.status() == 201, r.body());
        return rg;
    }

    private static List<String> names(SandboxHttp.Response r) {
        assertEquals(200, r.status(), r.body());
        List<String> out = new ArrayList<>();
        for (JsonElement e : r.json().getAsJsonArray("value")) {
            out.add(e.getAsJsonObject().get("name").getAsString());
        }
        return out;
    }
}
