package dev.amlsh.sandbox.provider.network;

import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmException;

/**
 * The errors of the sandbox's minimal Microsoft.Network, built through {@link ArmErrors}.
 *
 * <pre>{@code
 * throw NetworkErrors.networkNotFound(subnetId);
 * }</pre>
 */
public final class NetworkErrors {
    private NetworkErrors() {
    }

    public static ArmException invalidNetworkResourceName(String name) {
        return ArmErrors.invalidResourceName(name, "The name can be up to 80 characters long. It must begin with a word character, and"
                + " it must end with a word character or with '_'. The name may contain word characters or '.', '-', '_'.");
    }

    public static ArmException invalidResourceReference(String referenced, String by) {
        return ArmErrors.of(400, "InvalidResourceReference", "Resource " + referenced + " referenced by resource " + by
                + " was not found. Please make sure that the referenced resource exists, and that both resources are in the"
                + " same region.");
    }

    public static ArmException networkNotFound(String id) {
        return ArmErrors.of(404, "NotFound", "Resource " + id + " not found.");
    }

    public static ArmException invalidRequestFormat(String message) {
        return ArmErrors.of(400, "InvalidRequestFormat", "Cannot parse the request. " + message);
    }

    public static ArmException inUseSubnetCannotBeDeleted(String subnet, String user) {
        return ArmErrors.of(400, "InUseSubnetCannotBeDeleted", "Subnet " + subnet + " is in use by " + user
                + " and cannot be deleted. In order to delete the subnet, delete all the resources within the subnet."
                + " See aka.ms/deletesubnet.");
    }
}
