package dev.amlsh.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmRequest;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.provider.ProviderContext;
import dev.amlsh.sandbox.provider.ProviderHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Role assignments are enforced: a principal gets only what its roles at the scope allow, else 403 AuthorizationFailed. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EnforcementTest {
    static final String SUB = SandboxSeed.SUBSCRIPTION_ID;
    static final String SUBS = "/subscriptions/" + SUB;
    static final String ML = "Microsoft.MachineLearningServices";
    static final String AUTHZ_API = "?api-version=2022-04-01";
    static final String ROLE = "/providers/Microsoft.Authorization/roleDefinitions/";
    private static Sandbox sandbox;
    private static SandboxHttp admin;
    private static SandboxHttp alice;
    private static SandboxHttp bob;
    private static SandboxHttp ci;

    /** Stands in for the workspace handler another engineer writes: answers every request with the ID it addressed. */
    static final class Echo implements ProviderHandler {
        @Override
        public String namespace() {
            return ML;
        }

        @Override
        public ArmResponse handle(ArmRequest request, ProviderContext ctx) {
            JsonObject o = new JsonObject();
            o.addProperty("id", request.resourceId());
            return ArmResponse.ok(o);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(new SandboxOptions(null, 0, Duration.ZERO), List.of(new Echo()));
        admin = new SandboxHttp(sandbox);
        alice = admin.as(SandboxSeed.alice());
        bob = admin.as(SandboxSeed.bob());
        ci = admin.as(SandboxSeed.ci());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void aliceIsRefusedAGroupWriteUntilSheIsContributorOnIt() {
        String rg = group("alice-rg");
        SandboxHttp.Response refused = alice.put(rg, "{\"location\":\"eastus\",\"tags\":{\"by\":\"alice\"}}");
        assertEquals(403, refused.status());
        assertEquals("AuthorizationFailed", refused.errorCode());
        assertEquals("The client '" + SandboxSeed.ALICE_USER + "' with object id '" + SandboxSeed.ALICE_OBJECT_ID
                + "' does not have authorization to perform action 'Microsoft.Resources/subscriptions/resourceGroups/write' over scope '"
                + rg + "' or the scope is invalid. If access was recently granted, please refresh your credentials.", refused.errorMessage());
        grant(rg, SandboxSeed.ALICE_OBJECT_ID, "b24988ac-6180-42a0-ab88-20f7382dd24c");
        assertEquals(200, alice.put(rg, "{\"location\":\"eastus\",\"tags\":{\"by\":\"alice\"}}").status());
        assertEquals(200, alice.get(rg).status());
        String other = group("alice-other");
        assertEquals(403, alice.get(other).status());
        List<String> visible = names(alice.get(SUBS + "/resourcegroups"));
        assertTrue(visible.contains("alice-rg") && !visible.contains("alice-other"), "the list shows only what she may read: " + visible);
        assertTrue(names(admin.get(SUBS + "/resourcegroups")).contains("alice-other"));
        SandboxHttp.Response assign = alice.put(rg + "/providers/Microsoft.Authorization/roleAssignments/" + UUID.randomUUID() + AUTHZ_API,
                RoleAssignmentsTest.assignment(SandboxSeed.BOB_OBJECT_ID, ROLE + "acdd72a7-3385-48ef-bd42-f606fba81ae7"));
        assertEquals(403, assign.status(), "Contributor cannot assign roles");
        assertTrue(assign.errorMessage().contains("'Microsoft.Authorization/roleAssignments/write'"), assign.errorMessage());
    }

    @Test
    void readerCanGetButNotWrite() {
        String rg = group("bob-read");
        grant(rg, SandboxSeed.BOB_OBJECT_ID, "acdd72a7-3385-48ef-bd42-f606fba81ae7");
        assertEquals(200, bob.get(rg).status());
        assertEquals(204, bob.head(rg).status());
        assertEquals(403, bob.put(rg, "{\"location\":\"eastus\"}").status());
        assertEquals(403, bob.patch(rg, "{\"tags\":{}}").status());
        SandboxHttp.Response delete = bob.delete(rg);
        assertEquals(403, delete.status());
        assertTrue(delete.errorMessage().contains("'Microsoft.Resources/subscriptions/resourceGroups/delete'"), delete.errorMessage());
        assertEquals(200, admin.get(rg).status(), "still there");
    }

    @Test
    void dataScientistUsesAWorkspaceButCannotChangeItOrReadItsKeys() {
        String rg = group("ds-rg");
        String ws = rg + "/providers/" + ML + "/workspaces/ws1";
        JsonObject doc = new JsonObject();
        doc.addProperty("id", ws);
        sandbox.store().put(ws, doc);
        grant(ws, SandboxSeed.ALICE_OBJECT_ID, "f6c7c914-8db3-469d-8ca1-694a8f32e121");
        String api = "?api-version=2024-04-01";
        assertEquals(200, alice.get(ws + api).status());
        assertEquals(200, alice.post(ws + "/diagnose" + api, "{}").status());
        assertEquals(200, alice.put(ws + "/jobs/job1" + api, "{}").status());
        assertDenied(alice.put(ws + api, "{}"), ML + "/workspaces/write", ws);
        assertDenied(alice.delete(ws + api), ML + "/workspaces/delete", ws);
        assertDenied(alice.post(ws + "/listKeys" + api, "{}"), ML + "/workspaces/listKeys/action", ws);
        assertDenied(alice.put(ws + "/computes/c1" + api, "{}"), ML + "/workspaces/computes/write", ws + "/computes/c1");
        assertDenied(alice.get(rg + "/providers/" + ML + "/workspaces/ws2" + api), ML + "/workspaces/read",
                rg + "/providers/" + ML + "/workspaces/ws2");
        assertEquals(200, admin.post(ws + "/listKeys" + api, "{}").status(), "the default admin may do everything");
    }

    @Test
    @Order(2)
    void ownerAssignsContributorCannotAndInheritedRolesApply() {
        String rg = group("inherit-rg");
        String assignment = SUBS + "/providers/Microsoft.Authorization/roleAssignments/" + UUID.randomUUID() + AUTHZ_API;
        String reader = RoleAssignmentsTest.assignment(SandboxSeed.BOB_OBJECT_ID, ROLE + "acdd72a7-3385-48ef-bd42-f606fba81ae7");
        SandboxHttp.Response byCi = ci.put(assignment, reader);
        assertEquals(403, byCi.status());
        assertEquals("The client '" + SandboxSeed.CI_CLIENT_ID + "' with object id '" + SandboxSeed.CI_OBJECT_ID
                + "' does not have authorization to perform action 'Microsoft.Authorization/roleAssignments/write' over scope '"
                + assignment.substring(0, assignment.indexOf('?')) + "' or the scope is invalid. If access was recently granted,"
                + " please refresh your credentials.", byCi.errorMessage());
        assertEquals(201, ci.put(SUBS + "/resourceGroups/ci-made", "{\"location\":\"eastus\"}").status(),
                "but it contributes to the subscription");

        String bobOwns = group("bob-owns");
        grant(bobOwns, SandboxSeed.BOB_OBJECT_ID, "8e3af657-a8ff-443c-a75c-2fe8c4bcb635");
        assertEquals(201, bob.put(bobOwns + "/providers/Microsoft.Authorization/roleAssignments/" + UUID.randomUUID() + AUTHZ_API,
                RoleAssignmentsTest.assignment(SandboxSeed.ALICE_OBJECT_ID, ROLE + "acdd72a7-3385-48ef-bd42-f606fba81ae7")).status(),
                "an Owner of a group may share it");
        assertEquals(200, alice.get(bobOwns).status());
        assertEquals(403, alice.get(rg).status());
        grant(SUBS, SandboxSeed.BOB_OBJECT_ID, "acdd72a7-3385-48ef-bd42-f606fba81ae7");
        assertEquals(200, bob.get(rg).status(), "Reader on the subscription reads every group in it");
        assertEquals(403, bob.put(rg, "{\"location\":\"eastus\"}").status());
    }

    @Test
    @Order(1)
    void subscriptionsListOnlyWhereTheCallerHasARole() {
        assertEquals(List.of(SUB), subscriptionIds(ci.get("/subscriptions")));
        assertEquals(2, subscriptionIds(admin.get("/subscriptions")).size());
        assertEquals(List.of(), subscriptionIds(bob.get("/subscriptions")), "bob has no role anywhere yet");
        assertEquals(403, bob.get(SUBS).status());
        grant(group("bob-first"), SandboxSeed.BOB_OBJECT_ID, "acdd72a7-3385-48ef-bd42-f606fba81ae7");
        assertEquals(List.of(SUB), subscriptionIds(bob.get("/subscriptions")), "a role on one group shows its subscription");
        assertEquals(200, bob.get(SUBS).status());
        assertEquals(200, ci.get("/tenants").status());
        assertEquals(200, ci.get(SUBS + "/providers/Microsoft.Authorization/roleDefinitions" + AUTHZ_API).status());
        SandboxHttp.Response other = ci.get("/subscriptions/" + SandboxSeed.UNREGISTERED_SUBSCRIPTION_ID);
        assertEquals(403, other.status());
        assertEquals("AuthorizationFailed", other.errorCode());
        assertEquals(404, ci.get("/subscriptions/" + UUID.randomUUID()).status(), "unknown subscriptions are 404 for everyone");
    }

    @Test
    void deletingAGroupTakesItsAssignmentsWithIt() {
        String rg = group("short-lived");
        grant(rg, SandboxSeed.ALICE_OBJECT_ID, "b24988ac-6180-42a0-ab88-20f7382dd24c");
        assertEquals(200, alice.get(rg).status());
        assertEquals(202, admin.delete(rg).status());
        assertEquals(201, admin.put(rg, "{\"location\":\"eastus\"}").status());
        assertEquals(403, alice.get(rg).status(), "a new group of the same name does not inherit the old assignments");
    }

    private static void assertDenied(SandboxHttp.Response r, String action, String scope) {
        assertEquals(403, r.status(), r.body());
        assertTrue(r.errorMessage().contains("perform action '" + action + "' over scope '" + scope + "'"), r.errorMessage());
    }

    private static String group(String name) {
        String rg = SUBS + "/resourceGroups/" + name;
        SandboxHttp.Response r = admin.put(rg, "{\"location\":\"eastus\"}");
        assertTrue(r.status() == 200 || r.status() == 201, r.body());
        return rg;
    }

    private static void grant(String scope, String principalId, String roleGuid) {
        SandboxHttp.Response r = admin.put(scope + "/providers/Microsoft.Authorization/roleAssignments/" + UUID.randomUUID() + AUTHZ_API,
                RoleAssignmentsTest.assignment(principalId, "/subscriptions/" + SUB + ROLE + roleGuid));
        assertEquals(201, r.status(), r.body());
    }

    private static List<String> names(SandboxHttp.Response r) {
        assertEquals(200, r.status(), r.body());
        List<String> out = new ArrayList<>();
        for (JsonElement e : r.json().getAsJsonArray("value")) {
            out.add(e.getAsJsonObject().get("name").getAsString());
        }
        return out;
    }

    private static List<String> subscriptionIds(SandboxHttp.Response r) {
        assertEquals(200, r.status(), r.body());
        List<String> out = new ArrayList<>();
        for (JsonElement e : r.json().getAsJsonArray("value")) {
            out.add(e.getAsJsonObject().get("subscriptionId").getAsString());
        }
        assertEquals(out.size(), r.json().getAsJsonObject("count").get("value").getAsInt());
        return out;
    }
}
