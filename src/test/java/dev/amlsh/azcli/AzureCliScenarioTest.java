package dev.amlsh.azcli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.SandboxSeed;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unmodified Azure CLI against {@code amlsh sandbox serve}: sign in with the lines serve prints, then the
 * commands of the workspace workflow's dependencies, role assignments and a 2024-04-01 workspace through
 * {@code az rest}, as a user types them. Skipped when {@code az} is missing, except in CI (env CI set).
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class AzureCliScenarioTest {
    private static final String SUB = "/subscriptions/" + SandboxSeed.SUBSCRIPTION_ID;
    private static final String READER = SUB + "/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7";
    private static final Pattern DEVICE_PAGE = Pattern.compile("https://\\S+/adfs/devicelogin\\?user_code=\\w+");

    @TempDir
    Path tmp;

    private AzureCli az;
    private final String suffix = UUID.randomUUID().toString().substring(0, 6);
    private final String rg = "rg-az-" + suffix;

    private static void needTheAzureCli() {
        if (AzureCli.find().isEmpty()) {
            String why = "the Azure CLI (az) is not on the PATH; install it (apt-get install azure-cli) to run this test";
            if (System.getenv("CI") != null) {
                fail("CI must run the Azure CLI scenario: " + why);
            }
            System.err.println("AzureCliScenarioTest skipped: " + why);
            Assumptions.abort("Skipped: " + why);
        }
    }

    @Test
    void theAzureCliWorksAgainstSandboxServeWithThePrintedLines() throws Exception {
        needTheAzureCli();
        long started = System.nanoTime();
        try (ServedSandbox serve = ServedSandbox.start(tmp.resolve("home"))) {
            az = new AzureCli(tmp.resolve("az"));
            signInWithThePrintedLines(serve);
            accountsAndGroups();
            String storage = storageAccount();
            String vault = keyVault();
            String registry = containerRegistry();
            resources(storage);
            providers();
            workspaceThroughRest(storage, vault, registry);
            roleAssignmentsThroughRest(serve);
            softDeletedVault(vault);
            deleteDependencies(storage, registry);
            managedIdentity(serve);
            ok("group", "delete", "-n", rg, "--yes");
            assertEquals("false", ok("group", "exists", "-n", rg).stdout().trim());
        }
        assertTrue(az.commands() >= 30, "ran " + az.commands() + " az commands");
        System.out.printf("Azure CLI scenario: %d az commands in %.1f s%n", az.commands(), (System.nanoTime() - started) / 1e9);
    }

    private void signInWithThePrintedLines(ServedSandbox serve) throws Exception {
        String text = serve.printed();
        assertTrue(text.contains("Service principal: " + SandboxSeed.CI_CLIENT_ID) && text.contains(SandboxSeed.CI_CLIENT_SECRET), text);
        assertTrue(text.contains("Graph endpoint:  " + serve.value("ARM endpoint:") + "graph/"), text);
        List<String> lines = serve.azureCliLines();
        assertTrue(lines.size() >= 5 && lines.get(0).startsWith("export REQUESTS_CA_BUNDLE=")
                && lines.stream().anyMatch(l -> l.startsWith("az cloud register ") && l.contains("--suffix-keyvault-dns")
                && l.contains("--suffix-acr-login-server-endpoint") && l.contains("--suffix-storage-endpoint"))
                && lines.stream().anyMatch(l -> l.contains("--cloud-config")), text);
        String bundle = az.bash(lines.get(0) + " && printf %s \"$REQUESTS_CA_BUNDLE\"").stdout();
        assertEquals(serve.value("Certificate:"), bundle);
        az.set("REQUESTS_CA_BUNDLE", bundle);
        for (String line : lines.subList(1, lines.size())) {
            AzureCli.Result r = az.bash(line);
            assertEquals(0, r.exitCode(), r.toString());
        }
        JsonObject cloud = ok("cloud", "show").json().getAsJsonObject();
        assertEquals(serve.value("ARM endpoint:") + "graph/",
                cloud.getAsJsonObject("endpoints").get("microsoftGraphResourceId").getAsString());
    }

    private void accountsAndGroups() throws Exception {
        JsonArray accounts = ok("account", "list").json().getAsJsonArray();
        assertEquals(SandboxSeed.SUBSCRIPTION_ID, accounts.get(0).getAsJsonObject().get("id").getAsString());
        JsonObject me = ok("account", "show").json().getAsJsonObject();
        assertEquals(SandboxSeed.TENANT_ID, me.get("tenantId").getAsString());
        assertEquals(SandboxSeed.CI_CLIENT_ID, me.getAsJsonObject("user").get("name").getAsString());
        assertEquals("servicePrincipal", me.getAsJsonObject("user").get("type").getAsString());
        JsonObject group = ok("group", "create", "-n", rg, "-l", "eastus", "--tags", "team=ml").json().getAsJsonObject();
        assertEquals(SUB + "/resourceGroups/" + rg, group.get("id").getAsString());
        assertTrue(ok("group", "list", "--query", "[].name").stdout().contains("\"" + rg + "\""));
        assertEquals("\"eastus\"", ok("group", "show", "-n", rg, "--query", "location").stdout().trim());
        assertEquals("true", ok("group", "exists", "-n", rg).stdout().trim());
        AzureCli.Result missing = az.run("group", "show", "-n", "no-such-group-" + suffix);
        assertEquals(3, missing.exitCode(), missing.toString());
        assertTrue(missing.stderr().contains("ResourceGroupNotFound"), missing.toString());
    }

    private String storageAccount() throws Exception {
        String name = "staz" + suffix;
        JsonObject sa = ok("storage", "account", "create", "-n", name, "-g", rg, "-l", "eastus", "--sku", "Standard_LRS").json().getAsJsonObject();
        assertEquals("Succeeded", sa.get("provisioningState").getAsString());
        assertEquals("\"Standard_LRS\"", ok("storage", "account", "show", "-n", name, "-g", rg, "--query", "sku.name").stdout().trim());
        JsonArray keys = ok("storage", "account", "keys", "list", "-n", name, "-g", rg).json().getAsJsonArray();
        assertEquals(2, keys.size());
        assertEquals("key1", keys.get(0).getAsJsonObject().get("keyName").getAsString());
        return sa.get("id").getAsString();
    }

    private String keyVault() throws Exception {
        String name = "kvaz" + suffix;
        JsonObject kv = ok("keyvault", "create", "-n", name, "-g", rg, "-l", "eastus").json().getAsJsonObject();
        // The CLI looked the signed-in service principal up in Graph to give it an access policy.
        assertEquals(SandboxSeed.CI_OBJECT_ID,
                kv.getAsJsonObject("properties").getAsJsonArray("accessPolicies").get(0).getAsJsonObject().get("objectId").getAsString());
        assertEquals("\"https://" + name + ".vault.azure.net/\"", ok("keyvault", "show", "-n", name, "--query", "properties.vaultUri")
                .stdout().trim());
        return kv.get("id").getAsString();
    }

    private String containerRegistry() throws Exception {
        String name = "acraz" + suffix;
        JsonObject acr = ok("acr", "create", "-n", name, "-g", rg, "--sku", "Basic").json().getAsJsonObject();
        assertEquals(name + ".azurecr.io", acr.get("loginServer").getAsString());
        assertFalse(acr.get("adminUserEnabled").getAsBoolean());
        assertEquals("true", ok("acr", "update", "-n", name, "--admin-enabled", "true", "--query", "adminUserEnabled").stdout().trim());
        assertEquals("true", ok("acr", "show", "-n", name, "--query", "adminUserEnabled").stdout().trim());
        return acr.get("id").getAsString();
    }

    private void resources(String storage) throws Exception {
        List<String> names = names(ok("resource", "list", "-g", rg).json());
        assertEquals(3, names.size(), names.toString());
        assertTrue(names.contains("staz" + suffix) && names.contains("kvaz" + suffix) && names.contains("acraz" + suffix), names.toString());
        assertEquals(List.of("kvaz" + suffix), names(ok("resource", "list", "-g", rg, "--resource-type", "Microsoft.KeyVault/vaults").json()));
        JsonObject shown = ok("resource", "show", "--ids", storage).json().getAsJsonObject();
        assertEquals("Microsoft.Storage/storageAccounts", shown.get("type").getAsString());
        assertEquals(storage, shown.get("id").getAsString());
    }

    private void providers() throws Exception {
        assertEquals("\"Registered\"", ok("provider", "show", "-n", "Microsoft.KeyVault", "--query", "registrationState").stdout().trim());
        ok("provider", "register", "-n", "Microsoft.MachineLearningServices");
        assertEquals("\"Registered\"", ok("provider", "show", "-n", "Microsoft.MachineLearningServices", "--query", "registrationState")
                .stdout().trim());
    }

    private void workspaceThroughRest(String storage, String vault, String registry) throws Exception {
        String insights = SUB + "/resourceGroups/" + rg + "/providers/Microsoft.Insights/components/aiaz" + suffix;
        ok("rest", "--method", "put", "--url", insights + "?api-version=2020-02-02",
                "--body", "{\"location\":\"eastus\",\"kind\":\"web\",\"properties\":{\"Application_Type\":\"web\"}}");
        String ws = SUB + "/resourceGroups/" + rg + "/providers/Microsoft.MachineLearningServices/workspaces/wsaz" + suffix;
        String api = "?api-version=2024-04-01";
        ok("rest", "--method", "put", "--url", ws + api, "--body", "{\"location\":\"eastus\",\"identity\":{\"type\":\"SystemAssigned\"},"
                + "\"properties\":{\"friendlyName\":\"az\",\"storageAccount\":\"" + storage + "\",\"keyVault\":\"" + vault
                + "\",\"applicationInsights\":\"" + insights + "\",\"containerRegistry\":\"" + registry + "\"}}");
        JsonObject got = ok("rest", "--method", "get", "--url", ws + api).json().getAsJsonObject();
        assertEquals("Succeeded", got.getAsJsonObject("properties").get("provisioningState").getAsString());
        assertTrue(storage.equalsIgnoreCase(got.getAsJsonObject("properties").get("storageAccount").getAsString()), got.toString());
        JsonObject keys = ok("rest", "--method", "post", "--url", ws + "/listKeys" + api).json().getAsJsonObject();
        assertEquals("acraz" + suffix, keys.getAsJsonObject("containerRegistryCredentials").get("username").getAsString());
        assertTrue(keys.has("userStorageKey"), keys.toString());
        ok("rest", "--method", "delete", "--url", ws + api);
        AzureCli.Result gone = az.run("rest", "--method", "get", "--url", ws + api);
        assertNotEquals(0, gone.exitCode(), gone.toString());
        assertTrue(gone.stderr().contains("ResourceNotFound"), gone.toString());
    }

    private void roleAssignmentsThroughRest(ServedSandbox serve) throws Exception {
        String scope = SUB + "/resourceGroups/" + rg;
        String api = "?api-version=2022-04-01";
        String list = SUB + "/providers/Microsoft.Authorization/roleAssignments" + api + "&$filter=atScope()";
        assertTrue(ok("rest", "--method", "get", "--url", list).stdout().contains(SandboxSeed.CI_OBJECT_ID), "its own assignment");
        String assignment = scope + "/providers/Microsoft.Authorization/roleAssignments/" + UUID.randomUUID() + api;
        String body = "{\"properties\":{\"roleDefinitionId\":\"" + READER + "\",\"principalId\":\"" + SandboxSeed.BOB_OBJECT_ID
                + "\",\"principalType\":\"User\"}}";
        AzureCli.Result refused = az.run("rest", "--method", "put", "--url", assignment, "--body", body);
        assertNotEquals(0, refused.exitCode(), refused.toString());
        assertTrue(refused.stderr().contains("AuthorizationFailed"), "a Contributor cannot assign roles: " + refused);
        signInAsTheAdminUser(serve);
        JsonObject made = ok("rest", "--method", "put", "--url", assignment, "--body", body).json().getAsJsonObject();
        assertEquals(SandboxSeed.BOB_OBJECT_ID, made.getAsJsonObject("properties").get("principalId").getAsString());
        String onGroup = ok("rest", "--method", "get", "--url", scope + "/providers/Microsoft.Authorization/roleAssignments" + api).stdout();
        assertTrue(onGroup.contains(SandboxSeed.BOB_OBJECT_ID), onGroup);
        ok("rest", "--method", "delete", "--url", assignment);
        assertFalse(ok("rest", "--method", "get", "--url", scope + "/providers/Microsoft.Authorization/roleAssignments" + api).stdout()
                .contains(SandboxSeed.BOB_OBJECT_ID));
    }

    /** The printed user sign-in: az login --use-device-code, then the page it names is opened for admin. */
    private void signInAsTheAdminUser(ServedSandbox serve) throws Exception {
        Process login = az.start("login", "--use-device-code");
        login.getOutputStream().close();
        var stdout = AzureCli.drain(login.getInputStream());
        BufferedReader err = new BufferedReader(new InputStreamReader(login.getErrorStream(), StandardCharsets.UTF_8));
        StringBuilder said = new StringBuilder();
        String page = null;
        for (String line; page == null && (line = err.readLine()) != null; ) {
            said.append(line).append('\n');
            Matcher m = DEVICE_PAGE.matcher(line);
            page = m.find() ? m.group() : null;
        }
        assertTrue(page != null, "az printed no device login page: " + said);
        AzureCli.drain(login.getErrorStream());
        assertEquals(200, ServedSandbox.open(URI.create(page + "&username=" + SandboxSeed.ADMIN_USER), Path.of(serve.value("Certificate:"))));
        assertTrue(login.waitFor(60, TimeUnit.SECONDS), "az login --use-device-code did not finish");
        assertEquals(0, login.exitValue(), said + stdout.join());
        JsonObject user = ok("account", "show").json().getAsJsonObject().getAsJsonObject("user");
        assertEquals(SandboxSeed.ADMIN_USER, user.get("name").getAsString());
        assertEquals("user", user.get("type").getAsString());
    }

    private void softDeletedVault(String vaultId) throws Exception {
        String name = "kvaz" + suffix;
        ok("keyvault", "delete", "-n", name);
        assertTrue(names(ok("keyvault", "list-deleted").json()).contains(name));
        assertEquals("\"Succeeded\"", ok("keyvault", "recover", "-n", name, "--query", "properties.provisioningState").stdout().trim());
        assertEquals("\"" + vaultId + "\"", ok("keyvault", "show", "-n", name, "--query", "id").stdout().trim());
        ok("keyvault", "delete", "-n", name);
        ok("keyvault", "purge", "-n", name);
        assertFalse(names(ok("keyvault", "list-deleted").json()).contains(name));
    }

    private void deleteDependencies(String storage, String registry) throws Exception {
        ok("acr", "delete", "-n", "acraz" + suffix, "--yes");
        ok("storage", "account", "delete", "--ids", storage, "--yes");
        assertEquals(List.of("aiaz" + suffix), names(ok("resource", "list", "-g", rg).json()));
        assertFalse(registry.isEmpty());
    }

    /** The printed managed-identity line signs the CLI in as the sandbox machine's identity (Reader on Sandbox). */
    private void managedIdentity(ServedSandbox serve) throws Exception {
        String line = serve.value("Or as the managed identity:");
        AzureCli.Result r = az.bash(line + " -o none && az account show --query user -o json && az group show -n " + rg + " --query name");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.stdout().contains("\"systemAssignedIdentity\"") && r.stdout().contains("\"" + rg + "\""), r.toString());
        ok("login", "--service-principal", "-u", SandboxSeed.CI_CLIENT_ID, "-p", SandboxSeed.CI_CLIENT_SECRET, "--tenant",
                SandboxSeed.TENANT_ID, "-o", "none");
    }

    private AzureCli.Result ok(String... args) throws Exception {
        AzureCli.Result r = az.run(args);
        assertEquals(0, r.exitCode(), r.toString());
        return r;
    }

    private static List<String> names(JsonElement list) {
        return list.getAsJsonArray().asList().stream().map(e -> e.getAsJsonObject().get("name").getAsString()).toList();
    }
}
