package dev.amlsh.sandbox;

import static dev.amlsh.sandbox.MlFixture.SUB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Virtual networks and private endpoints to workspaces, and the connections they make on the workspace. */
class PrivateEndpointsTest {
    private static final String NET = "2024-05-01";
    private static MlFixture f;
    private static SandboxHttp http;
    private static MlFixture.Deps deps;

    @BeforeAll
    static void start() throws Exception {
        f = MlFixture.shared();
        http = f.http;
        f.group("pe-rg", "eastus");
        deps = f.deps("pe-rg", "pe");
        SandboxHttp.Response vnet = http.put(net("virtualNetworks/vnet1"), "{\"location\":\"eastus\",\"properties\":{\"addressSpace\":"
                + "{\"addressPrefixes\":[\"10.0.0.0/16\"]},\"subnets\":[{\"name\":\"default\",\"properties\":{\"addressPrefix\":\"10.0.0.0/24\"}}]}}");
        assertEquals(201, vnet.status(), vnet.body());
    }

    @Test
    void virtualNetworksHaveTheirSubnetsInline() {
        JsonObject v = http.get(net("virtualNetworks/VNET1")).json();
        assertEquals("Microsoft.Network/virtualNetworks", v.get("type").getAsString());
        assertEquals("10.0.0.0/16", v.getAsJsonObject("properties").getAsJsonObject("addressSpace").getAsJsonArray("addressPrefixes")
                .get(0).getAsString());
        JsonObject s = http.get(net("virtualNetworks/vnet1/subnets/default")).json();
        assertEquals(MlFixture.rid("pe-rg", "Microsoft.Network/virtualNetworks", "vnet1") + "/subnets/default", s.get("id").getAsString());
        assertEquals("10.0.0.0/24", s.getAsJsonObject("properties").get("addressPrefix").getAsString());
        SandboxHttp.Response missing = http.get(net("virtualNetworks/vnet1/subnets/nope"));
        assertEquals(404, missing.status());
        assertEquals("NotFound", missing.errorCode());
        assertEquals("ResourceNotFound", http.get(net("virtualNetworks/novnet")).errorCode());
        assertEquals(1, http.get(net("virtualNetworks")).json().getAsJsonArray("value").size());
        assertEquals("InvalidResourceName", http.put(net("virtualNetworks/bad!name"), "{\"location\":\"eastus\"}").errorCode());
        assertEquals("InvalidResourceType", http.get(net("publicIPAddresses/ip1")).errorCode());
    }

    @Test
    void anAutomaticEndpointIsApprovedAndCountedOnTheWorkspace() {
        f.create("pe-rg", "pe-ws", deps);
        SandboxHttp.Response pe = http.put(net("privateEndpoints/pe1"), endpoint("pe-ws", "default", "privateLinkServiceConnections", "amlworkspace"));
        assertEquals(201, pe.status(), pe.body());
        JsonObject conn = pe.json().getAsJsonObject("properties").getAsJsonArray("privateLinkServiceConnections").get(0).getAsJsonObject();
        assertEquals("Approved", conn.getAsJsonObject("properties").getAsJsonObject("privateLinkServiceConnectionState").get("status").getAsString());
        JsonObject p = http.get(MlFixture.ws("pe-rg", "pe-ws")).json().getAsJsonObject("properties");
        assertEquals(1, p.get("privateLinkCount").getAsInt());
        JsonObject c = p.getAsJsonArray("privateEndpointConnections").get(0).getAsJsonObject();
        assertEquals(pe.json().get("id").getAsString(), c.getAsJsonObject("properties").getAsJsonObject("privateEndpoint").get("id").getAsString());
        assertEquals("Auto-Approved", c.getAsJsonObject("properties").getAsJsonObject("privateLinkServiceConnectionState")
                .get("description").getAsString());
        String connections = MlFixture.rid("pe-rg", "Microsoft.MachineLearningServices/workspaces", "pe-ws") + "/privateEndpointConnections";
        assertEquals(1, http.get(connections + "?api-version=" + MlFixture.API).json().getAsJsonArray("value").size());
        String name = c.get("name").getAsString();
        assertEquals(c, http.get(connections + "/" + name + "?api-version=" + MlFixture.API).json());

        SandboxHttp.Response inUse = http.delete(net("virtualNetworks/vnet1"));
        assertEquals(400, inUse.status());
        assertEquals("InUseSubnetCannotBeDeleted", inUse.errorCode());

        assertEquals(200, http.delete(net("privateEndpoints/pe1")).status());
        JsonObject after = http.get(MlFixture.ws("pe-rg", "pe-ws")).json().getAsJsonObject("properties");
        assertEquals(0, after.get("privateLinkCount").getAsInt());
        assertFalse(after.has("privateEndpointConnections"), "Azure leaves the member out while there is no connection (recorded)");
        assertEquals(204, http.delete(net("privateEndpoints/pe1")).status());
    }

    @Test
    void aManualEndpointWaitsForApprovalAndTheWorkspaceCanDropIt() {
        f.create("pe-rg", "manual-ws", deps);
        SandboxHttp.Response pe = http.put(net("privateEndpoints/pe2"), endpoint("manual-ws", "default", "manualPrivateLinkServiceConnections", "amlworkspace"));
        assertEquals(201, pe.status(), pe.body());
        assertEquals("Pending", state(pe.json(), "manualPrivateLinkServiceConnections"));
        String connections = MlFixture.rid("pe-rg", "Microsoft.MachineLearningServices/workspaces", "manual-ws") + "/privateEndpointConnections";
        String name = http.get(connections + "?api-version=" + MlFixture.API).json().getAsJsonArray("value").get(0).getAsJsonObject()
                .get("name").getAsString();
        SandboxHttp.Response approve = http.put(connections + "/" + name + "?api-version=" + MlFixture.API,
                "{\"properties\":{\"privateLinkServiceConnectionState\":{\"status\":\"Approved\",\"description\":\"ok\"}}}");
        assertEquals(200, approve.status(), approve.body());
        assertEquals("Approved", state(http.get(net("privateEndpoints/pe2")).json(), "manualPrivateLinkServiceConnections"));
        assertEquals(200, http.delete(connections + "/" + name + "?api-version=" + MlFixture.API).status());
        assertEquals("Disconnected", state(http.get(net("privateEndpoints/pe2")).json(), "manualPrivateLinkServiceConnections"));
        assertEquals(0, http.get(MlFixture.ws("pe-rg", "manual-ws")).json().getAsJsonObject("properties").get("privateLinkCount").getAsInt());
        assertEquals(204, http.delete(connections + "/" + name + "?api-version=" + MlFixture.API).status());
        assertEquals("ResourceNotFound", http.get(connections + "/" + name + "?api-version=" + MlFixture.API).errorCode());
    }

    @Test
    void theSubnetAndTheWorkspaceMustExistAndNotBeInAGovernmentRegion() {
        f.create("pe-rg", "target-ws", deps);
        SandboxHttp.Response noSubnet = http.put(net("privateEndpoints/pe3"), endpoint("target-ws", "nosuch", "privateLinkServiceConnections", "amlworkspace"));
        assertEquals(400, noSubnet.status());
        assertEquals("InvalidResourceReference", noSubnet.errorCode());
        assertTrue(noSubnet.errorMessage().contains("/subnets/nosuch referenced by resource"), noSubnet.errorMessage());
        SandboxHttp.Response noWs = http.put(net("privateEndpoints/pe3"), endpoint("ghost-ws", "default", "privateLinkServiceConnections", "amlworkspace"));
        assertEquals("InvalidResourceReference", noWs.errorCode());
        assertTrue(noWs.errorMessage().contains("workspaces/ghost-ws"));
        SandboxHttp.Response badGroup = http.put(net("privateEndpoints/pe3"), endpoint("target-ws", "default", "privateLinkServiceConnections", "blob"));
        assertTrue(badGroup.errorMessage().contains("'amlworkspace'"), badGroup.errorMessage());
        assertEquals(202, http.put(MlFixture.ws("pe-rg", "gov-ws"), deps.body("usgovvirginia")).status());
        SandboxHttp.Response gov = http.put(net("privateEndpoints/pe3"), endpoint("gov-ws", "default", "privateLinkServiceConnections", "amlworkspace"));
        assertEquals(400, gov.status());
        assertTrue(gov.errorMessage().startsWith("Private link is not available in Azure Government regions"), gov.errorMessage());
        assertEquals(404, http.get(net("privateEndpoints/pe3")).status(), "a refused endpoint is not created");
    }

    private static String state(JsonObject pe, String list) {
        return pe.getAsJsonObject("properties").getAsJsonArray(list).get(0).getAsJsonObject().getAsJsonObject("properties")
                .getAsJsonObject("privateLinkServiceConnectionState").get("status").getAsString();
    }

    private static String net(String rest) {
        return "/subscriptions/" + SUB + "/resourceGroups/pe-rg/providers/Microsoft.Network/" + rest + "?api-version=" + NET;
    }

    /** The body the client sends for {@code --pe-*}: location, subnet, one connection to the workspace. */
    private static String endpoint(String workspace, String subnet, String list, String groupId) {
        String wsId = MlFixture.rid("pe-rg", "Microsoft.MachineLearningServices/workspaces", workspace);
        String subnetId = MlFixture.rid("pe-rg", "Microsoft.Network/virtualNetworks", "vnet1") + "/subnets/" + subnet;
        return "{\"location\":\"eastus\",\"properties\":{\"subnet\":{\"id\":\"" + subnetId + "\"},\"" + list + "\":[{\"name\":\"conn1\","
                + "\"properties\":{\"privateLinkServiceId\":\"" + wsId + "\",\"groupIds\":[\"" + groupId + "\"]}}]}}";
    }
}
