package dev.amlsh.sandbox;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines {@code sandbox serve} prints for the Azure CLI: trust the certificate, register the sandbox as a
 * cloud, sign in. Each indented line is a complete shell command to paste, in order.
 *
 * <pre>{@code
 * AzureCliLines.print(sandbox, System.out);
 * }</pre>
 */
final class AzureCliLines {
    /** The name the sandbox is registered under in the Azure CLI. */
    static final String CLOUD = "AmlshSandbox";
    /** What the Azure CLI asks tokens for: Entra's resource ID of ARM (the CLI's scope is this plus "/.default"). */
    static final String ARM_RESOURCE = "https://management.core.windows.net/";

    private AzureCliLines() {
    }

    static void print(Sandbox sandbox, PrintStream out) {
        out.println("Azure CLI: paste these lines (a separate AZURE_CONFIG_DIR keeps your own az sign-in apart):");
        for (String line : signIn(sandbox)) {
            out.println("  " + line);
        }
        out.println("Or as the managed identity: " + managedIdentity(sandbox));
        out.println("Or as a user: az login --use-device-code, then open the page it prints with &username=" + SandboxSeed.ADMIN_USER);
    }

    /** Trust, register (Graph through --cloud-config: the CLI has no option for it), select, sign in as the service principal. */
    static List<String> signIn(Sandbox sandbox) {
        String arm = sandbox.endpoint().toString();
        String graph = arm + "graph/";
        List<String> lines = new ArrayList<>();
        lines.add("export REQUESTS_CA_BUNDLE=" + quote(sandbox.certificatePem().toString()));
        // The suffixes are those the sandbox writes into vaultUri, loginServer and the storage endpoints.
        lines.add("az cloud register -n " + CLOUD + " --endpoint-resource-manager " + arm + " --endpoint-active-directory " + arm + "adfs"
                + " --endpoint-active-directory-resource-id " + ARM_RESOURCE + " --endpoint-active-directory-graph-resource-id " + graph
                + " --suffix-keyvault-dns .vault.azure.net --suffix-acr-login-server-endpoint .azurecr.io"
                + " --suffix-storage-endpoint core.windows.net");
        // Given to 'register', --cloud-config would replace every option above (az 2.45); 'update' adds to them.
        lines.add("az cloud update -n " + CLOUD + " --cloud-config '{\"endpoints\":{\"microsoftGraphResourceId\":\"" + graph + "\"}}'");
        lines.add("az cloud set -n " + CLOUD);
        lines.add("az login --service-principal -u " + SandboxSeed.CI_CLIENT_ID + " -p " + quote(SandboxSeed.CI_CLIENT_SECRET)
                + " --tenant " + sandbox.tenantId());
        return lines;
    }

    /** The Azure CLI 2.45 reads App Service's 2017-09-01 variables (MSI_ENDPOINT, MSI_SECRET, and one that says App Service). */
    static String managedIdentity(Sandbox sandbox) {
        return "export MSI_ENDPOINT=" + sandbox.managedIdentityEndpoint() + " MSI_SECRET=" + sandbox.managedIdentityHeader()
                + " APPSETTING_WEBSITE_SITE_NAME=amlsh-sandbox; az login --identity";
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
