package dev.amlsh.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.amlsh.testing.ShellHarness;
import dev.amlsh.testing.ShellHarness.Run;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The sandbox's managed network at api-version 2024-04-01, driven through the v2 commands:
 * isolation modes, outbound rules as the child resource, provisioning, and the service's rules.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ManagedNetworkTest {

    @Test
    void outboundRulesFollowTheIsolationMode() {
        try (ShellHarness sh = ShellHarness.signedIn()) {
            sh.ok("group create -n mn-rg -l eastus -o none");
            sh.ok("ml workspace create -n mn-open -g mn-rg -o none");
            Run none = sh.run("ml workspace outbound-rule set -w mn-open -g mn-rg --rule pypi --type fqdn --destination pypi.org");
            assertEquals(2, none.exitCode());
            assertEquals("ERROR: (BadRequest) Outbound rules need a managed network: the workspace's isolation mode is Disabled.\n", none.err());

            sh.ok("ml workspace update -n mn-open -g mn-rg --managed-network allow_internet_outbound -o none");
            Run fqdn = sh.run("ml workspace outbound-rule set -w mn-open -g mn-rg --rule pypi --type fqdn --destination pypi.org");
            assertEquals(2, fqdn.exitCode());
            assertEquals("ERROR: (BadRequest) FQDN outbound rules are only allowed when the isolation mode is AllowOnlyApprovedOutbound"
                    + " (this workspace is AllowInternetOutbound).\n", fqdn.err());
            Run back = sh.run("ml workspace update -n mn-open -g mn-rg -m disabled");
            assertEquals(2, back.exitCode());
            assertTrue(back.err().contains("cannot be disabled once it has been enabled"), back.err());
            Run badMode = sh.run("ml workspace update -n mn-open -g mn-rg -m AllowInternetOutbound");
            assertEquals(2, badMode.exitCode());
            assertTrue(badMode.err().contains("allowed values for managed-network are disabled, allow_internet_outbound,"
                    + " allow_only_approved_outbound"), badMode.err());

            sh.ok("ml workspace create -n mn-strict -g mn-rg -m allow_only_approved_outbound -o none");
            JsonObject rule = JsonParser.parseString(sh.ok("ml workspace outbound-rule set -w mn-strict -g mn-rg --rule pypi"
                    + " --type fqdn --destination pypi.org")).getAsJsonObject();
            assertEquals("{\"category\":\"UserDefined\",\"destination\":\"pypi.org\",\"name\":\"pypi\",\"status\":\"Inactive\","
                    + "\"type\":\"FQDN\"}", rule.toString());
            sh.ok("ml workspace outbound-rule set -w mn-strict -g mn-rg --rule adf --type service_tag --service-tag DataFactory"
                    + " --protocol TCP --port-ranges 443 -o none");
            Run foreign = sh.run("ml workspace outbound-rule set -w mn-strict -g mn-rg --rule x01 --type fqdn --destination a.org --protocol TCP");
            assertEquals(2, foreign.exitCode());
            assertEquals("ERROR: --protocol does not apply to --type fqdn. Leave out what belongs to another rule type.\n", foreign.err());
            Run url = sh.run("ml workspace outbound-rule set -w mn-strict -g mn-rg --rule web --type fqdn --destination https://pypi.org/simple");
            assertEquals(2, url.exitCode());

            String table = sh.ok("ml workspace outbound-rule list -w mn-strict -g mn-rg -o table");
            assertEquals("Name                      Type             Category     Status\n"
                    + "------------------------  ---------------  -----------  --------\n"
                    + "__SYS_PE_mn-strict_blob   PrivateEndpoint  Required     Inactive\n"
                    + "__SYS_PE_mn-strict_file   PrivateEndpoint  Required     Inactive\n"
                    + "__SYS_PE_mn-strict_vault  PrivateEndpoint  Required     Inactive\n"
                    + "pypi                      FQDN             UserDefined  Inactive\n"
                    + "adf                       ServiceTag       UserDefined  Inactive\n", table);

            assertEquals("{\n  \"sparkReady\": false,\n  \"status\": \"Active\"\n}\n", sh.ok("ml workspace provision-network -n mn-strict -g mn-rg"));
            assertEquals("Active\n", sh.ok("ml workspace outbound-rule show -w mn-strict -g mn-rg --rule pypi --query status -o tsv"));
            JsonObject shown = JsonParser.parseString(sh.ok("ml workspace show -n mn-strict -g mn-rg --query managed_network")).getAsJsonObject();
            assertEquals("{\"spark_ready\":false,\"status\":\"Active\"}", shown.get("status").toString());
            assertEquals("allow_only_approved_outbound", shown.get("isolation_mode").getAsString());

            Run required = sh.run("ml workspace outbound-rule remove -w mn-strict -g mn-rg --rule __SYS_PE_mn-strict_blob --yes");
            assertEquals(2, required.exitCode(), required.toString());
            assertEquals("", sh.ok("ml workspace outbound-rule remove -w mn-strict -g mn-rg --rule pypi --yes"));
            assertEquals(3, sh.run("ml workspace outbound-rule show -w mn-strict -g mn-rg --rule pypi").exitCode());
            JsonArray left = JsonParser.parseString(sh.ok("ml workspace outbound-rule list -w mn-strict -g mn-rg --query \"[?category=='UserDefined'].name\""))
                    .getAsJsonArray();
            assertEquals("[\"adf\"]", left.toString());
            Run off = sh.run("ml workspace provision-network -n mn-open -g mn-rg");
            assertEquals(0, off.exitCode(), "an enabled network can be provisioned: " + off);
        }
    }
}
