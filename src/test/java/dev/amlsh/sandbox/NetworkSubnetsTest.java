package dev.amlsh.sandbox;

import static dev.amlsh.sandbox.MlFixture.SUB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Subnets keep what a client sets on them (security group, service endpoints, policies), as Microsoft.Network does. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NetworkSubnetsTest {
    private static final String NET = "2023-09-01";
    private static MlFixture f;
    private static SandboxHttp http;

    @BeforeAll
    static void start() throws Exception {
        f = MlFixture.shared();
        http = f.http;
        f.group("subnet-rg", "westus");
        SandboxHttp.Response vnet = http.put(net("vnet1"), "{\"location\":\"westus\",\"properties\":{\"addressSpace\":"
                + "{\"addressPrefixes\":[\"10.0.0.0/16\"]},\"subnets\":[{\"name\":\"default\",\"properties\":{\"addressPrefix\":"
                + "\"10.0.0.0/24\",\"serviceEndpoints\":[{\"service\":\"Microsoft.Storage\"}]}}]}}");
        assertEquals(201, vnet.status(), vnet.body());
    }

    @Test
    void aStorageEndpointDefaultsToTheRegionAndItsPair() {
        JsonObject p = props(http.get(net("vnet1/subnets/default")));
        JsonObject ep = p.getAsJsonArray("serviceEndpoints").get(0).getAsJsonObject();
        assertEquals("Microsoft.Storage", ep.get("service").getAsString());
        assertEquals(JsonParser.parseString("[\"westus\",\"eastus\"]"), ep.get("locations"));
        assertEquals("Succeeded", ep.get("provisioningState").getAsString());
        assertFalse(p.has("networkSecurityGroup"), "left out until set, as Azure does");
    }

    @Test
    void aSubnetKeepsItsSecurityGroupEndpointsAndPoliciesUntilAPutDropsThem() {
        String nsg = "/subscriptions/" + SUB + "/resourceGroups/subnet-rg/providers/Microsoft.Network/networkSecurityGroups/nsg1";
        SandboxHttp.Response put = http.put(net("vnet1/subnets/app"), "{\"properties\":{\"addressPrefix\":\"10.0.1.0/24\","
                + "\"networkSecurityGroup\":{\"id\":\"" + nsg + "\"},\"serviceEndpoints\":[{\"service\":\"Microsoft.KeyVault\"}],"
                + "\"privateEndpointNetworkPolicies\":\"Enabled\",\"delegations\":[{\"name\":\"d1\",\"properties\":"
                + "{\"serviceName\":\"Microsoft.Web/serverFarms\"}}]}}");
        assertEquals(201, put.status(), put.body());
        JsonObject p = props(http.get(net("vnet1/subnets/app")));
        assertEquals(nsg, p.getAsJsonObject("networkSecurityGroup").get("id").getAsString());
        assertEquals(JsonParser.parseString("[\"*\"]"), p.getAsJsonArray("serviceEndpoints").get(0).getAsJsonObject().get("locations"));
        assertEquals("Enabled", p.get("privateEndpointNetworkPolicies").getAsString());
        assertEquals("Enabled", p.get("privateLinkServiceNetworkPolicies").getAsString());
        JsonObject d = p.getAsJsonArray("delegations").get(0).getAsJsonObject();
        assertEquals("Microsoft.Web/serverFarms", d.getAsJsonObject("properties").get("serviceName").getAsString());
        assertEquals(base("vnet1") + "/subnets/app/delegations/d1", d.get("id").getAsString());
        JsonArray inline = http.get(net("vnet1")).json().getAsJsonObject("properties").getAsJsonArray("subnets");
        JsonObject app = inline.asList().stream().map(e -> e.getAsJsonObject())
                .filter(e -> e.get("name").getAsString().equals("app")).findFirst().orElseThrow();
        assertEquals(nsg, app.getAsJsonObject("properties").getAsJsonObject("networkSecurityGroup").get("id").getAsString(),
                "the network's inline subnet is the same document");

        SandboxHttp.Response again = http.put(net("vnet1/subnets/app"), "{\"properties\":{\"addressPrefix\":\"10.0.1.0/24\"}}");
        assertEquals(200, again.status(), again.body());
        JsonObject after = props(http.get(net("vnet1/subnets/app")));
        assertFalse(after.has("networkSecurityGroup"));
        assertFalse(after.has("serviceEndpoints"));
        assertEquals("Disabled", after.get("privateEndpointNetworkPolicies").getAsString());
    }

    @Test
    void malformedSecurityGroupsAndEndpointsAreRefused() {
        SandboxHttp.Response badNsg = http.put(net("vnet1/subnets/bad"), "{\"properties\":{\"addressPrefix\":\"10.0.2.0/24\","
                + "\"networkSecurityGroup\":{\"id\":\"nsg1\"}}}");
        assertEquals(400, badNsg.status(), badNsg.body());
        assertEquals("LinkedInvalidPropertyId", badNsg.errorCode());
        SandboxHttp.Response badEndpoint = http.put(net("vnet1/subnets/bad"), "{\"properties\":{\"addressPrefix\":\"10.0.2.0/24\","
                + "\"serviceEndpoints\":[{\"locations\":[\"westus\"]}]}}");
        assertEquals(400, badEndpoint.status(), badEndpoint.body());
        assertEquals("InvalidRequestFormat", badEndpoint.errorCode());
        SandboxHttp.Response noProps = http.put(net("vnet1/subnets/bad"), "{}");
        assertEquals(400, noProps.status(), noProps.body());
        assertEquals("InvalidRequestFormat", noProps.errorCode());
        assertEquals(404, http.get(net("vnet1/subnets/bad")).status(), "nothing half-written");
    }

    @Test
    void aSubnetMadeWithAddressPrefixesAnswersThatForm() {
        SandboxHttp.Response put = http.put(net("vnet1/subnets/multi"), "{\"properties\":{\"addressPrefixes\":[\"10.0.3.0/24\",\"10.0.4.0/24\"]}}");
        assertEquals(201, put.status(), put.body());
        JsonObject p = props(http.get(net("vnet1/subnets/multi")));
        assertEquals(JsonParser.parseString("[\"10.0.3.0/24\",\"10.0.4.0/24\"]"), p.get("addressPrefixes"));
        assertFalse(p.has("addressPrefix"));
    }

    private static JsonObject props(SandboxHttp.Response r) {
        assertEquals(200, r.status(), r.body());
        return r.json().getAsJsonObject("properties");
    }

    private static String base(String vnet) {
        return "/subscriptions/" + SUB + "/resourceGroups/subnet-rg/providers/Microsoft.Network/virtualNetworks/" + vnet;
    }

    private static String net(String rest) {
        return base(rest) + "?api-version=" + NET;
    }
}
