package dev.amlsh.sandbox.authz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * ARM scopes: the root, a subscription, a resource group, a resource and its child resources.
 * An assignment at a scope applies to everything whose ID starts with that scope.
 *
 * <pre>{@code
 * Scopes.ancestors("/subscriptions/s/resourceGroups/g/providers/Microsoft.Storage/storageAccounts/sa");
 * // ["/", "/subscriptions/s", "/subscriptions/s/resourceGroups/g", "/subscriptions/s/resourceGroups/g/providers/Microsoft.Storage/storageAccounts/sa"]
 * }</pre>
 */
public final class Scopes {
    private Scopes() {
    }

    /** Every scope that contains {@code target} (itself included when it is a scope), outermost first. */
    public static List<String> ancestors(String target) {
        List<String> seg = segments(target);
        List<String> out = new ArrayList<>();
        out.add("/");
        int n = seg.size();
        int j = 0;
        if (n >= 2 && seg.get(0).equalsIgnoreCase("subscriptions")) {
            out.add(prefix(seg, 2));
            j = 2;
            if (n >= 4 && seg.get(2).equalsIgnoreCase("resourceGroups")) {
                out.add(prefix(seg, 4));
                j = 4;
            }
        }
        while (j + 1 < n && seg.get(j).equalsIgnoreCase("providers")) {
            j += 2;
            while (j + 1 < n && !seg.get(j).equalsIgnoreCase("providers")) {
                out.add(prefix(seg, j + 2));
                j += 2;
            }
        }
        return out;
    }

    /** True when {@code scope} is {@code target} or contains it (case-insensitive). */
    public static boolean covers(String scope, String target) {
        if (scope.equals("/") || scope.isEmpty()) {
            return true;
        }
        String s = scope.toLowerCase(Locale.ROOT);
        String t = target.toLowerCase(Locale.ROOT);
        return t.equals(s) || t.startsWith(s + "/");
    }

    /** The subscription ID in a path, or null. */
    public static String subscriptionOf(String path) {
        List<String> seg = segments(path);
        return seg.size() >= 2 && seg.get(0).equalsIgnoreCase("subscriptions") ? seg.get(1) : null;
    }

    static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    private static String prefix(List<String> seg, int count) {
        List<String> p = new ArrayList<>(seg.subList(0, count));
        if (p.size() >= 3 && p.get(2).equalsIgnoreCase("resourceGroups")) {
            p.set(2, "resourceGroups");
        }
        if (p.get(0).equalsIgnoreCase("subscriptions")) {
            p.set(0, "subscriptions");
        }
        return "/" + String.join("/", p);
    }
}
