package dev.amlsh.azure.ml;

/**
 * The {@code --pe-*} options of {@code ml workspace create}: a private endpoint for the workspace
 * in an existing virtual network's subnet.
 *
 * <pre>{@code
 * new PrivateEndpointOptions("ws1-pe", true, "net-rg", "vnet1", "default");
 * }</pre>
 *
 * @param group the virtual network's group (the workspace's group when null)
 */
public record PrivateEndpointOptions(String name, boolean autoApproval, String group, String vnet, String subnet) {
}
