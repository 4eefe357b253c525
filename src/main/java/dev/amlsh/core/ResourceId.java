package dev.amlsh.core;

import java.util.Locale;

/**
 * A parsed ARM resource ID of a resource in a group:
 * {@code /subscriptions/{sub}/resourceGroups/{group}/providers/{namespace}/{type}/{name}}.
 * IDs are parsed once, at the edge, and passed around as this record.
 *
 * <pre>{@code
 * ResourceId sa = ResourceId.parse("/subscriptions/0b1f.../resourceGroups/rg1/providers/Microsoft.Storage/storageAccounts/sa1",
 *         "--storage-account");
 * sa.isType("Microsoft.Storage/storageAccounts"); // true
 * }</pre>
 */
public record ResourceId(String subscriptionId, String resourceGroup, String namespace, String type, String name) {

    /**
     * Parses an ID given for {@code option}; a bad one gets a one-line usage error with an example.
     */
    public static ResourceId parse(String id, String option) {
        String[] p = id == null ? new String[0] : id.strip().replaceAll("/+", "/").replaceAll("^/|/$", "").split("/");
        if (p.length != 8 || !p[0].equalsIgnoreCase("subscriptions") || !p[2].equalsIgnoreCase("resourceGroups")
                || !p[4].equalsIgnoreCase("providers") || p[1].isBlank() || p[3].isBlank() || p[7].isBlank()) {
            throw AmlshException.usage(option + ": '" + id + "' is not a resource ID.",
                    "Give the full ID, e.g. /subscriptions/<subscription-id>/resourceGroups/rg1/providers/"
                            + "Microsoft.Storage/storageAccounts/mysa (get it with '... show -n <name> --query id -o tsv').");
        }
        return new ResourceId(p[1], p[3], p[5], p[6], p[7]);
    }

    public static ResourceId of(String subscriptionId, String group, String fullType, String name) {
        int slash = fullType.indexOf('/');
        return new ResourceId(subscriptionId, group, fullType.substring(0, slash), fullType.substring(slash + 1), name);
    }

    /** {@code Namespace/type}, e.g. {@code Microsoft.Storage/storageAccounts}. */
    public String fullType() {
        return namespace + "/" + type;
    }

    public boolean isType(String fullType) {
        return fullType().equalsIgnoreCase(fullType);
    }

    /** The ID as ARM writes it. */
    public String id() {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup + "/providers/"
                + namespace + "/" + type + "/" + name;
    }

    /** True when both name the same resource (ARM IDs compare case-insensitively). */
    public boolean sameAs(ResourceId other) {
        return id().toLowerCase(Locale.ROOT).equals(other.id().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return id();
    }
}
