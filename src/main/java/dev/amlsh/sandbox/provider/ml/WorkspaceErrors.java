package dev.amlsh.sandbox.provider.ml;

import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmException;
import java.util.List;

/**
 * The errors of Microsoft.MachineLearningServices, built through {@link ArmErrors} like every
 * sandbox error. The ML resource provider answers body validation with code BadRequest (e.g.
 * "Cannot use storage with HNS enabled."), naming the offending property in the target.
 *
 * <pre>{@code
 * throw WorkspaceErrors.workspaceSoftDeleted("ws1", "rg1");
 * }</pre>
 */
public final class WorkspaceErrors {
    private WorkspaceErrors() {
    }

    public static ArmException workspaceBadRequest(String target, String message) {
        return ArmErrors.of(400, "BadRequest", message, target, List.of());
    }

    public static ArmException invalidWorkspaceName(String name) {
        return ArmErrors.invalidResourceName(name, "The workspace name must be 3 to 33 characters long, begin with a letter or digit,"
                + " and contain only letters, digits, '_' and '-'.");
    }

    public static ArmException workspaceSoftDeleted(String name, String group) {
        return ArmErrors.conflict("A workspace named '" + name + "' in resource group '" + group + "' is soft-deleted, and its name"
                + " cannot be reused until it is purged or recovered. Purge it with DELETE ...?forceToPurge=true"
                + " (az ml workspace delete --permanently-delete) or recover it, then try again.");
    }

    public static ArmException workspacePropertyImmutable(String property) {
        return workspaceBadRequest("properties." + property, "The workspace property '" + property
                + "' cannot be changed once the workspace has been created.");
    }

    public static ArmException workspacePropertyNotUpdatable(String property) {
        return workspaceBadRequest(property, "The workspace property '" + property + "' cannot be updated with PATCH;"
                + " updatable properties are description, friendlyName, imageBuildCompute, applicationInsights,"
                + " containerRegistry, publicNetworkAccess, v1LegacyMode, primaryUserAssignedIdentity,"
                + " systemDatastoresAuthMode and encryption.keyVaultProperties.keyIdentifier.");
    }

    public static ArmException workspaceDependencyRequired(String property, String label) {
        return workspaceBadRequest("properties." + property, "The workspace property '" + property
                + "' is required: give the ARM ID of an existing " + label + ".");
    }

    public static ArmException workspaceDependencyInvalid(String property, String value, String type) {
        return workspaceBadRequest("properties." + property, "The workspace property '" + property + "' value '" + value
                + "' is not the ARM ID of a " + type + " resource, e.g. /subscriptions/<subscription>/resourceGroups/<group>/providers/"
                + type + "/<name>.");
    }

    public static ArmException workspaceDependencyOtherSubscription(String property, String id) {
        return workspaceBadRequest("properties." + property, "The " + property + " '" + id
                + "' must be in the workspace's subscription.");
    }

    public static ArmException workspaceDependencyNotFound(String property, String label, String id) {
        return workspaceBadRequest("properties." + property, "The " + label + " '" + id
                + "' was not found. Create it first or give the ID of an existing one.");
    }

    public static ArmException storagePremiumNotSupported(String id, String sku) {
        return workspaceBadRequest("properties.storageAccount", "Cannot use storage with premium SKU '" + sku
                + "' as the workspace's default storage: '" + id + "'. Use a Standard storage account.");
    }

    public static ArmException storageBlobKindNotSupported(String id) {
        return workspaceBadRequest("properties.storageAccount", "Cannot use storage of kind 'BlobStorage' as the workspace's"
                + " default storage: '" + id + "'. Use a StorageV2 account, which has both blob and file.");
    }

    public static ArmException storageHnsNotSupported(String id) {
        return workspaceBadRequest("properties.storageAccount", "Cannot use storage with HNS enabled: '" + id
                + "'. The workspace's default storage must not have a hierarchical namespace (ADLS Gen2).");
    }

    public static ArmException registryAdminUserDisabled(String property, String id) {
        return workspaceBadRequest("properties." + property, "Cannot use container registry '" + id
                + "' as admin user is disabled. Enable the admin user (az acr update --admin-enabled true) and try again.");
    }

    public static ArmException registryGroupNotAscii(String property, String id, String group) {
        return workspaceBadRequest("properties." + property, "Cannot use container registry '" + id + "': its resource group '"
                + group + "' has Unicode characters, which the container registry does not support."
                + " Use a registry in a resource group whose name has only ASCII characters.");
    }

    public static ArmException privateLinkNotInGovernment(String workspace, String location) {
        return workspaceBadRequest("privateLinkServiceId", "Private link is not available in Azure Government regions:"
                + " workspace '" + workspace + "' is in '" + location + "'. Use a workspace in a public region.");
    }

    public static ArmException invalidPrivateLinkGroupId(String groupId) {
        return workspaceBadRequest("groupIds", "The group ID '" + groupId + "' is not valid for a workspace;"
                + " the only group ID is 'amlworkspace'.");
    }
}
