package dev.amlsh.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the Azure CLI needs from the sandbox, over HTTPS without the CLI itself (AzureCliScenarioTest runs the
 * real one): Entra's audience rules, the 2017-09-01 managed-identity call, Graph's filters and {@code /me},
 * ARM's {@code $filter}/{@code $expand}/{@code $top} on resource lists, vault recovery, and serve's printout.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AzureCliProtocolTest {
    private static final String SUBS = "/subscriptions/" + SandboxSeed.SUBSCRIPTION_ID;
    private static final String VAULT_API = "?api-version=2023-07-01";
    private static Sandbox sandbox;
    private static SandboxHttp admin;
    private static SandboxHttp ci;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(new SandboxOptions(null, 0, Duration.ZERO));
        admin = new SandboxHttp(sandbox);
        ci = admin.as(SandboxSeed.ci());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void theScopeMinusSlashDefaultIsTheAudienceAsInEntra() {
        assertEquals("https://management.core.windows.net/", audience(Map.of("scope", "https://management.core.windows.net//.default")));
        assertEquals("https://management.azure.com", audience(Map.of("scope", "https://management.azure.com/.default")));
        assertEquals("https://management.core.windows.net/", audience(Map.of("resource", "https://management.core.windows.net/")));
        SandboxHttp.Response cliToken = tokenFor(Map.of("scope", "https://management.core.windows.net//.default offline_access"));
        SandboxHttp.Response subs = admin.raw("GET", "subscriptions?api-version=2022-12-01", null,
                Map.of("Authorization", "Bearer " + cliToken.json().get("access_token").getAsString()));
        assertEquals(200, subs.status(), "ARM accepts what the Azure CLI asks for: " + subs.body());
        SandboxHttp.Response noDefault = tokenFor(Map.of("scope", "https://management.azure.com/user_impersonation"));
        assertEquals(400, noDefault.status());
        assertEquals("invalid_scope", noDefault.json().get("error").getAsString());
    }

    @Test
    void theManagedIdentityAnswersTheAzureCliAppServiceCall() {
        String query = "adfs/msi/token/?resource=https://management.core.windows.net/&api-version=2017-09-01";
        assertEquals(401, admin.raw("GET", query, null, Map.of("secret", "guess")).status());
        SandboxHttp.Response ok = admin.raw("GET", query + "&clientid=" + SandboxSeed.USER_IDENTITY_CLIENT_ID, null,
                Map.of("secret", sandbox.managedIdentityHeader()));
        assertEquals(200, ok.status(), ok.body());
        assertEquals(SandboxSeed.USER_IDENTITY_CLIENT_ID, ok.json().get("client_id").getAsString());
        assertEquals("https://management.core.windows.net/", claims(ok.json().get("access_token").getAsString()).get("aud").getAsString());
    }

    @Test
    void graphFindsTheCallerAsTheAzureCliAsks() {
        assertEquals(SandboxSeed.ADMIN_USER, admin.get("/graph/v1.0/me").json().get("userPrincipalName").getAsString());
        SandboxHttp.Response appMe = ci.get("/graph/v1.0/me");
        assertEquals(400, appMe.status(), "an application has no /me");
        assertEquals(List.of(SandboxSeed.CI_OBJECT_ID), ids(ci.get(graph("servicePrincipals",
                "servicePrincipalNames/any(c:c eq '" + SandboxSeed.CI_CLIENT_ID + "')"))));
        assertEquals(List.of(SandboxSeed.CI_OBJECT_ID), ids(ci.get(graph("servicePrincipals", "appId eq '" + SandboxSeed.CI_CLIENT_ID + "'"))));
        assertEquals(3, ids(ci.get(graph("servicePrincipals", "startswith(displayName,'amlsh')"))).size(), "amlsh-ci and two identities");
        assertEquals(List.of(SandboxSeed.ALICE_OBJECT_ID), ids(ci.get(graph("users", "userPrincipalName eq 'ALICE@sandbox.amlsh'"))));
        assertEquals(List.of(), ids(ci.get(graph("users", "userPrincipalName eq 'alice@sandbox.amlsh' and displayName eq 'bob'"))));
        assertEquals(SandboxSeed.BOB_OBJECT_ID, ci.get("/graph/v1.0/users/" + SandboxSeed.BOB_USER).json().get("id").getAsString());
        SandboxHttp.Response bad = ci.get(graph("users", "jobTitle eq 'x'"));
        assertEquals(400, bad.status());
        assertEquals("Request_UnsupportedQuery", bad.errorCode());
    }

    @Test
    void resourceListsTakeArmsFilterExpandAndTop() {
        String a = vault("flt-a", "kvflta", "{\"team\":\"ml\"}");
        vault("flt-b", "kvfltb", "{\"team\":\"web\"}");
        assertEquals(List.of("kvflta"), names(resources(SUBS, "resourceGroup eq 'FLT-A'")));
        assertEquals(List.of("kvflta"), names(resources(SUBS, "resourceGroup eq 'flt-a' and resourceType eq 'Microsoft.KeyVault/vaults'")));
        assertEquals(List.of("kvfltb"), names(resources(SUBS, "name eq 'kvfltb'")));
        assertEquals(List.of("kvflta"), names(resources(SUBS, "tagname eq 'team' and tagvalue eq 'ml'")));
        assertEquals(List.of("kvflta", "kvfltb"), names(resources(SUBS, "substringof('kvflt', name)")));
        assertEquals(List.of(), names(resources(SUBS + "/resourceGroups/flt-b", "name eq 'kvflta'")));
        JsonObject expanded = admin.get(SUBS + "/resourceGroups/flt-a/resources?api-version=2021-04-01&$expand=createdTime,provisioningState")
                .json().getAsJsonArray("value").get(0).getAsJsonObject();
        assertTrue(expanded.has("createdTime") && expanded.get("provisioningState").getAsString().equals("Succeeded"), expanded.toString());
        JsonObject top = admin.get(SUBS + "/resources?api-version=2021-04-01&$top=1&$filter=" + encode("substringof('kvflt', name)")).json();
        assertEquals(1, top.getAsJsonArray("value").size());
        assertTrue(top.has("nextLink"), top.toString());
        for (String refused : List.of("sku eq 'x'", "tagValue eq 'ml'", "name eq 'a' or name eq 'b'")) {
            SandboxHttp.Response r = admin.get(SUBS + "/resources?api-version=2021-04-01&$filter=" + encode(refused));
            assertEquals(400, r.status(), refused);
            assertEquals("InvalidFilterInQueryString", r.errorCode(), refused);
        }
        assertTrue(a.endsWith("/kvflta"));
    }

    @Test
    void aDeletedVaultIsRecoveredAsItWasWithCreateModeRecover() {
        String id = vault("rec-a", "kvrecover", "{\"keep\":\"me\"}");
        String recover = "{\"location\":\"eastus\",\"properties\":{\"tenantId\":\"" + SandboxSeed.TENANT_ID
                + "\",\"sku\":{\"family\":\"A\",\"name\":\"standard\"},\"createMode\":\"recover\"}}";
        SandboxHttp.Response notDeleted = admin.put(id + VAULT_API, recover);
        assertEquals(404, notDeleted.status(), "nothing to recover: " + notDeleted.body());
        assertEquals(200, admin.delete(id + VAULT_API).status());
        assertTrue(admin.get(SUBS + "/providers/Microsoft.KeyVault/deletedVaults" + VAULT_API).body().contains("kvrecover"));
        assertEquals(0, admin.get(SUBS + "/providers/Microsoft.KeyVault/deletedManagedHSMs" + VAULT_API).json().getAsJsonArray("value").size());
        assertEquals(201, admin.put(SUBS + "/resourceGroups/rec-b", "{\"location\":\"eastus\"}").status());
        assertEquals(400, admin.put(SUBS + "/resourceGroups/rec-b/providers/Microsoft.KeyVault/vaults/kvrecover" + VAULT_API, recover)
                .status(), "only into the group it was deleted from");
        SandboxHttp.Response back = admin.put(id + VAULT_API, recover);
        assertEquals(200, back.status(), back.body());
        assertEquals("me", back.json().getAsJsonObject("tags").get("keep").getAsString());
        assertEquals("Succeeded", back.json().getAsJsonObject("properties").get("provisioningState").getAsString());
        assertEquals(200, admin.get(id + VAULT_API).status());
        assertFalse(admin.get(SUBS + "/providers/Microsoft.KeyVault/deletedVaults" + VAULT_API).body().contains("kvrecover"));
    }

    @Test
    void servePrintsTheServicePrincipalsSecretAndTheAzureCliLines() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Thread serving = new Thread(() -> SandboxServe.serve(new SandboxOptions(null, 0, Duration.ZERO), out));
        serving.start();
        long deadline = System.currentTimeMillis() + 20_000;
        while (!bytes.toString(StandardCharsets.UTF_8).contains("Press Ctrl-C") && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        serving.interrupt();
        serving.join(10_000);
        String text = bytes.toString(StandardCharsets.UTF_8);
        String endpoint = text.lines().filter(l -> l.startsWith("ARM endpoint:")).findFirst().orElseThrow().substring(13).trim();
        assertTrue(text.contains("Service principal: " + SandboxSeed.CI_CLIENT_ID + " (amlsh-ci, Contributor on Sandbox), secret "
                + SandboxSeed.CI_CLIENT_SECRET), text);
        assertTrue(text.contains("  az cloud register -n AmlshSandbox --endpoint-resource-manager " + endpoint
                + " --endpoint-active-directory " + endpoint + "adfs --endpoint-active-directory-resource-id https://management.core.windows.net/"),
                text);
        assertTrue(text.contains("--suffix-keyvault-dns .vault.azure.net --suffix-acr-login-server-endpoint .azurecr.io"
                + " --suffix-storage-endpoint core.windows.net"), text);
        assertTrue(text.contains("  az cloud update -n AmlshSandbox --cloud-config '{\"endpoints\":{\"microsoftGraphResourceId\":\""
                + endpoint + "graph/\"}}'"), text);
        assertTrue(text.contains("  az login --service-principal -u " + SandboxSeed.CI_CLIENT_ID + " -p '" + SandboxSeed.CI_CLIENT_SECRET
                + "' --tenant " + SandboxSeed.TENANT_ID), text);
        assertTrue(text.contains("Or as the managed identity: export MSI_ENDPOINT=" + endpoint + "adfs/msi/token MSI_SECRET="), text);
        assertFalse(text.contains(SandboxSeed.ADMIN_CLIENT_SECRET), "a user's secret is not printed");
    }

    private static String vault(String group, String name, String tags) {
        assertTrue(admin.put(SUBS + "/resourceGroups/" + group, "{\"location\":\"eastus\"}").status() < 300);
        String id = SUBS + "/resourceGroups/" + group + "/providers/Microsoft.KeyVault/vaults/" + name;
        SandboxHttp.Response r = admin.put(id + VAULT_API, "{\"location\":\"eastus\",\"tags\":" + tags + ",\"properties\":{\"tenantId\":\""
                + SandboxSeed.TENANT_ID + "\",\"sku\":{\"family\":\"A\",\"name\":\"standard\"}}}");
        assertTrue(r.status() == 200 || r.status() == 201, r.body());
        return id;
    }

    private static SandboxHttp.Response resources(String scope, String filter) {
        SandboxHttp.Response r = admin.get(scope + "/resources?api-version=2021-04-01&$filter=" + encode(filter));
        assertEquals(200, r.status(), filter + ": " + r.body());
        return r;
    }

    private static List<String> names(SandboxHttp.Response r) {
        return r.json().getAsJsonArray("value").asList().stream().map(e -> e.getAsJsonObject().get("name").getAsString()).sorted().toList();
    }

    private static List<String> ids(SandboxHttp.Response r) {
        assertEquals(200, r.status(), r.body());
        return r.json().getAsJsonArray("value").asList().stream().map(e -> e.getAsJsonObject().get("id").getAsString()).toList();
    }

    private static String graph(String collection, String filter) {
        return "/graph/v1.0/" + collection + "?$filter=" + encode(filter);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static SandboxHttp.Response tokenFor(Map<String, String> asked) {
        Map<String, String> form = new java.util.HashMap<>(asked);
        form.putAll(Map.of("grant_type", "client_credentials", "client_id", SandboxSeed.CI_CLIENT_ID, "client_secret",
                SandboxSeed.CI_CLIENT_SECRET));
        return admin.tokenRequest(form);
    }

    private static String audience(Map<String, String> asked) {
        SandboxHttp.Response r = tokenFor(asked);
        assertEquals(200, r.status(), r.body());
        return claims(r.json().get("access_token").getAsString()).get("aud").getAsString();
    }

    private static JsonObject claims(String jwt) {
        return JsonParser.parseString(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8)).getAsJsonObject();
    }
}
