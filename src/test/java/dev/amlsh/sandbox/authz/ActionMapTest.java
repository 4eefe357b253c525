package dev.amlsh.sandbox.authz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which ARM action a request performs, and where. */
class ActionMapTest {
    static final String SUB = "/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333";
    static final String RG = SUB + "/resourceGroups/rg1";
    static final String WS = RG + "/providers/Microsoft.MachineLearningServices/workspaces/ws1";

    @Test
    void resourceGroupVerbsFollowTheMethod() {
        assertAction("Microsoft.Resources/subscriptions/resourceGroups/write", RG, "PUT", SUB + "/resourcegroups/rg1");
        assertAction("Microsoft.Resources/subscriptions/resourceGroups/write", RG, "PATCH", SUB + "/resourcegroups/rg1");
        assertAction("Microsoft.Resources/subscriptions/resourceGroups/read", RG, "HEAD", SUB + "/resourceGroups/rg1");
        assertAction("Microsoft.Resources/subscriptions/resourceGroups/delete", RG, "DELETE", SUB + "/resourceGroups/rg1");
        Requirement list = of("GET", SUB + "/resourcegroups");
        assertEquals("Microsoft.Resources/subscriptions/resourceGroups/read", list.action());
        assertEquals(SUB, list.scope());
        assertTrue(list.collection());
    }

    @Test
    void providerResourcesActionsAndCollections() {
        assertAction("Microsoft.MachineLearningServices/workspaces/write", WS, "PUT", WS);
        assertAction("Microsoft.MachineLearningServices/workspaces/read", WS, "GET", WS);
        assertAction("Microsoft.MachineLearningServices/workspaces/delete", WS, "DELETE", WS);
        assertAction("Microsoft.MachineLearningServices/workspaces/listKeys/action", WS, "POST", WS + "/listKeys");
        assertAction("Microsoft.MachineLearningServices/workspaces/computes/write", WS + "/computes/c1", "PUT", WS + "/computes/c1");
        assertAction("Microsoft.Storage/storageAccounts/listKeys/action", RG + "/providers/Microsoft.Storage/storageAccounts/sa1",
                "POST", RG + "/providers/Microsoft.Storage/storageAccounts/sa1/listKeys");
        assertAction("Microsoft.Storage/checkNameAvailability/action", SUB, "POST", SUB + "/providers/Microsoft.Storage/checkNameAvailability");
        Requirement children = of("GET", WS + "/computes");
        assertEquals("Microsoft.MachineLearningServices/workspaces/computes/read", children.action());
        assertEquals(WS, children.scope());
        assertTrue(children.collection());
        Requirement bySub = of("GET", SUB + "/providers/Microsoft.MachineLearningServices/workspaces");
        assertEquals(SUB, bySub.scope());
        assertTrue(bySub.collection());
    }

    @Test
    void roleAssignmentsAreAuthorizationActionsAtTheirScope() {
        String id = WS + "/providers/Microsoft.Authorization/roleAssignments/0a6b2d6e-7b36-4f0c-8f4e-1a2b3c4d5e6f";
        assertAction("Microsoft.Authorization/roleAssignments/write", id, "PUT", id);
        assertAction("Microsoft.Authorization/roleAssignments/delete", id, "DELETE", id);
        Requirement list = of("GET", RG + "/providers/Microsoft.Authorization/roleAssignments");
        assertEquals(RG, list.scope());
        assertEquals(Requirement.Kind.PUBLIC, of("GET", SUB + "/providers/Microsoft.Authorization/roleDefinitions").kind());
        assertEquals(Requirement.Kind.PUBLIC, of("GET", "/providers/Microsoft.Authorization/roleDefinitions/x").kind());
        String custom = SUB + "/providers/Microsoft.Authorization/roleDefinitions/0a6b2d6e-7b36-4f0c-8f4e-1a2b3c4d5e6f";
        assertAction("Microsoft.Authorization/roleDefinitions/write", custom, "PUT", custom);
        assertAction("Microsoft.Authorization/roleDefinitions/delete", custom, "DELETE", custom);
    }

    @Test
    void signInReadsAndProviderRegistration() {
        assertEquals(Requirement.Kind.SUBSCRIPTIONS, of("GET", "/subscriptions").kind());
        assertEquals(Requirement.Kind.PUBLIC, of("GET", "/tenants").kind());
        assertEquals(Requirement.Kind.MEMBER, of("GET", SUB).kind());
        assertEquals(Requirement.Kind.MEMBER, of("GET", SUB + "/locations").kind());
        assertEquals(Requirement.Kind.MEMBER, of("GET", SUB + "/providers").kind());
        // Whoever deleted a group may follow the deletion even though it removed their only role.
        assertEquals(Requirement.Kind.PUBLIC, of("GET", SUB + "/providers/Microsoft.Resources/locations/eastus/operationStatuses/op1").kind());
        assertAction("Microsoft.MachineLearningServices/register/action", SUB, "POST", SUB + "/providers/Microsoft.MachineLearningServices/register");
    }

    @Test
    void wildcardsAndNotActions() {
        RoleDefinition ds = BuiltInRoles.byName("azureml data scientist").orElseThrow();
        String ml = "Microsoft.MachineLearningServices/workspaces/";
        assertTrue(ds.allows(ml + "read"));
        assertTrue(ds.allows(ml + "diagnose/action"));
        assertTrue(ds.allows(ml + "jobs/write"));
        assertFalse(ds.allows(ml + "write"));
        assertFalse(ds.allows(ml + "delete"));
        assertFalse(ds.allows(ml + "listKeys/action"));
        assertFalse(ds.allows(ml + "computes/write"));
        assertFalse(ds.allows("Microsoft.Storage/storageAccounts/read"));
        RoleDefinition contributor = BuiltInRoles.byId(BuiltInRoles.CONTRIBUTOR).orElseThrow();
        assertTrue(contributor.allows("Microsoft.Storage/storageAccounts/write"));
        assertFalse(contributor.allows("microsoft.authorization/roleassignments/write"));
        RoleDefinition reader = BuiltInRoles.byName("Reader").orElseThrow();
        assertTrue(reader.allows("Microsoft.Resources/subscriptions/resourceGroups/read"));
        assertFalse(reader.allows("Microsoft.Resources/subscriptions/resourceGroups/write"));
        assertTrue(BuiltInRoles.byName("User Access Administrator").orElseThrow().allows("Microsoft.Authorization/roleAssignments/write"));
        assertEquals(8, BuiltInRoles.all().size());
    }

    @Test
    void ancestorsOfAResourceAndItsChildren() {
        assertEquals(List.of("/", SUB, RG, WS, WS + "/computes/c1"), Scopes.ancestors(WS + "/computes/c1"));
        assertEquals(List.of("/", SUB, RG), Scopes.ancestors(RG + "/providers/Microsoft.Storage/storageAccounts"));
        assertTrue(Scopes.covers(RG, RG.toUpperCase()));
        assertFalse(Scopes.covers(RG, RG + "2"));
    }

    private static void assertAction(String action, String scope, String method, String path) {
        Requirement r = of(method, path);
        assertEquals(Requirement.Kind.ACTION, r.kind(), path);
        assertEquals(action, r.action(), path);
        assertEquals(scope, r.scope(), path);
    }

    private static Requirement of(String method, String path) {
        return ActionMap.of(method, Scopes.segments(path));
    }
}
