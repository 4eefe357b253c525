package dev.amlsh.complete;

import java.util.Locale;

/**
 * One resource the completion index knows: a top-level resource in a group.
 *
 * <pre>{@code
 * IndexedResource sa = IndexedResource.parse("/subscriptions/0b1f.../resourceGroups/rg1/providers/Microsoft.Storage/storageAccounts/sa1");
 * sa.type(); // Microsoft.Storage/storageAccounts
 * }</pre>
 *
 * @param subscriptionId subscription ID as written
 * @param group          resource group name as written
 * @param type           {@code Namespace/type}
 * @param name           resource name
 */
public record IndexedResource(String subscriptionId, String group, String type, String name) {

    /** Parses a top-level resource ID in a group; null for anything else (groups, child or extension resources). */
    public static IndexedResource parse(String id) {
        if (id == null) {
            return null;
        }
        String[] s = id.strip().replaceAll("^/+|/+$", "").split("/+");
        if (s.length != 8 || !s[0].equalsIgnoreCase("subscriptions") || !s[2].equalsIgnoreCase("resourceGroups")
                || !s[4].equalsIgnoreCase("providers")) {
            return null;
        }
        return new IndexedResource(s[1], s[3], s[5] + "/" + s[6], s[7]);
    }

    /** The ID in ARM's spelling. */
    public String id() {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + group + "/providers/" + type + "/" + name;
    }

    /** The index key: the ID in lower case. */
    String key() {
        return id().toLowerCase(Locale.ROOT);
    }

    /** The key prefix of everything in a group (and of one type there, when {@code type} is not null). */
    static String groupPrefix(String subscriptionId, String group, String type) {
        String p = ("/subscriptions/" + subscriptionId + "/resourcegroups/" + group + "/providers/").toLowerCase(Locale.ROOT);
        return type == null || type.isEmpty() ? p : p + type.toLowerCase(Locale.ROOT) + "/";
    }
}
