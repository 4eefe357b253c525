package dev.amlsh.sandbox.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The listing columns the store derives from an ARM ID. */
record ResourceIdParts(String key, String subscriptionId, String resourceGroup, String type, String name) {

    static ResourceIdParts of(String id) {
        String trimmed = id.endsWith("/") ? id.substring(0, id.length() - 1) : id;
        if (!trimmed.startsWith("/") || trimmed.length() < 2) {
            throw new IllegalArgumentException("not an ARM resource ID: " + id);
        }
        String[] seg = trimmed.substring(1).split("/", -1);
        String sub = null;
        String group = null;
        int i = 0;
        if (seg.length >= 2 && seg[0].equalsIgnoreCase("subscriptions")) {
            sub = seg[1];
            i = 2;
            if (seg.length >= 4 && seg[2].equalsIgnoreCase("resourceGroups")) {
                group = seg[3];
                i = 4;
            }
        }
        int lastProviders = -1;
        for (int j = i; j < seg.length - 1; j++) {
            if (seg[j].equalsIgnoreCase("providers")) {
                lastProviders = j;
            }
        }
        String type;
        String name = seg[seg.length - 1];
        if (lastProviders >= 0) {
            List<String> parts = new ArrayList<>();
            parts.add(seg[lastProviders + 1]);
            for (int j = lastProviders + 2; j < seg.length; j += 2) {
                parts.add(seg[j]);
            }
            type = String.join("/", parts);
        } else if (group != null && seg.length == 4) {
            type = "Microsoft.Resources/resourceGroups";
            group = null;
        } else if (sub != null && seg.length == 2) {
            type = "Microsoft.Resources/subscriptions";
        } else {
            type = seg.length >= 2 ? seg[seg.length - 2] : "";
        }
        return new ResourceIdParts(key(trimmed), lower(sub), lower(group), lower(type), name);
    }

    static String key(String id) {
        String trimmed = id.endsWith("/") ? id.substring(0, id.length() - 1) : id;
        return trimmed.toLowerCase(Locale.ROOT);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
