package dev.amlsh.complete;

import java.util.List;

/**
 * Built-in Azure role names offered for {@code --role} until role definitions can be listed
 * (the sandbox serves these GUIDs; the names are Azure's own).
 *
 * <pre>{@code
 * Roles.BUILT_IN.contains("AzureML Data Scientist"); // true
 * }</pre>
 */
public final class Roles {
    public static final List<String> BUILT_IN = List.of("AcrPull", "AcrPush", "AzureML Compute Operator",
            "AzureML Data Scientist", "Contributor", "Key Vault Administrator", "Key Vault Secrets User", "Owner", "Reader",
            "Storage Blob Data Contributor", "Storage Blob Data Reader", "User Access Administrator");

    private Roles() {
    }
}
