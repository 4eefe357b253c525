package dev.amlsh.sandbox.provider.keyvault;

import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmException;
import dev.amlsh.sandbox.provider.resources.Locations;
import java.util.Locale;

/**
 * The errors Microsoft.KeyVault answers with, codes and messages as the real service sends them
 * (Key Vault's "common error codes" page; {@code reference/research/arm-api.md} §2.3). Built on
 * {@link ArmErrors#of}, the one factory.
 *
 * <pre>{@code
 * throw VaultErrors.alreadyExists("kv1");
 * }</pre>
 */
final class VaultErrors {
    private VaultErrors() {
    }

    static String invalidNameMessage(String name) {
        return "The vault name '" + name + "' is invalid. A vault's name must be between 3-24 alphanumeric characters. The name must"
                + " begin with a letter, end with a letter or digit, and not contain consecutive hyphens. Follow this link for more"
                + " information: https://go.microsoft.com/fwlink/?linkid=2147742";
    }

    static ArmException nameNotValid(String name) {
        return ArmErrors.of(400, "VaultNameNotValid", invalidNameMessage(name));
    }

    static String inUseMessage(String name) {
        return "The vault name '" + name + "' is already in use. Vault names are globally unique so it is possible that the name"
                + " is already taken. If you are sure that the vault name was not taken then it is possible that a vault with the"
                + " same name was recently deleted but not purged after being placed in a recoverable state. If the vault is in a"
                + " recoverable state then the vault will need to be purged before reusing the name. For more information on"
                + " VaultAlreadyExists, soft delete and purging a vault follow this link https://go.microsoft.com/fwlink/?linkid=2147740.";
    }

    static ArmException alreadyExists(String name) {
        return ArmErrors.of(409, "VaultAlreadyExists", inUseMessage(name));
    }

    /** The name is held by a soft-deleted vault of the same subscription. */
    static ArmException deletedVaultExists(String name) {
        return ArmErrors.of(409, "ConflictError", "A vault with the same name already exists in deleted state. You need to either"
                + " recover or purge existing deleted vault. Vault name: '" + name + "'.");
    }

    static ArmException badRequest(String message) {
        return ArmErrors.of(400, "BadRequest", message);
    }

    static ArmException locationNotAvailable(String location) {
        String all = String.join(",", Locations.all().stream().map(Locations.Region::name).toList());
        return ArmErrors.of(400, "LocationNotAvailableForResourceType", "The provided location '" + location
                + "' is not available for resource type '" + KeyVaultHandler.TYPE + "'. List of available regions for the resource type is '"
                + all + "'.");
    }

    static ArmException invalidResourceLocation(String name, String existing, String group, String requested) {
        return ArmErrors.of(409, "InvalidResourceLocation", "The resource '" + name + "' already exists in location '" + existing
                + "' in resource group '" + group + "'. A resource with the same name cannot be created in location '" + requested
                + "'. Please select a new resource name.");
    }

    static ArmException notFound(String name, String group) {
        return ArmErrors.resourceNotFound(KeyVaultHandler.TYPE, name, group);
    }

    /** A deleted vault that is not there; ARM names no group for it. */
    static ArmException deletedNotFound(String location, String name) {
        return ArmErrors.resourceNotFound("Microsoft.KeyVault/locations/" + location.toLowerCase(Locale.ROOT) + "/deletedVaults", name,
                "<null>");
    }

    static ArmException purgeProtected(String name, String scheduledPurgeDate) {
        return ArmErrors.of(409, "Conflict", "The vault '" + name + "' has purge protection enabled: it cannot be purged before its"
                + " scheduled purge date " + scheduledPurgeDate + ".");
    }
}
