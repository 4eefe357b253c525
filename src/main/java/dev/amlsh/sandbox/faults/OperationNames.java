package dev.amlsh.sandbox.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The operation name of a request in ARM's RBAC form, so fault rules can match on what a request
 * does rather than on its URL: {@code {namespace}/{types}/read|write|delete}, or
 * {@code {namespace}/{types}/{action}/action} for a POST action.
 *
 * <pre>{@code
 * OperationNames.of("PUT", List.of("subscriptions", "s", "resourceGroups", "rg1"));
 * // Microsoft.Resources/subscriptions/resourceGroups/write
 * }</pre>
 */
final class OperationNames {
    private OperationNames() {
    }

    /** The name, or null for a path that is not an ARM resource path. */
    static String of(String method, List<String> segments) {
        if (segments.isEmpty()) {
            return null;
        }
        int providers = -1;
        for (int i = 0; i < segments.size() - 1; i++) {
            if (segments.get(i).equalsIgnoreCase("providers")) {
                providers = i;
            }
        }
        List<String> types = new ArrayList<>();
        String namespace;
        List<String> rest;
        if (providers < 0) {
            namespace = "Microsoft.Resources";
            rest = segments;
        } else {
            namespace = segments.get(providers + 1);
            rest = segments.subList(providers + 2, segments.size());
        }
        String action = null;
        if (method.equalsIgnoreCase("POST") && rest.size() % 2 == 1) {
            action = rest.get(rest.size() - 1);
            rest = rest.subList(0, rest.size() - 1);
        }
        for (int i = 0; i < rest.size(); i += 2) {
            types.add(rest.get(i));
        }
        StringBuilder name = new StringBuilder(namespace);
        types.forEach(t -> name.append('/').append(t));
        if (action != null) {
            return name.append('/').append(action).append("/action").toString();
        }
        return name.append('/').append(verb(method)).toString();
    }

    private static String verb(String method) {
        switch (method.toUpperCase(Locale.ROOT)) {
            case "PUT":
            case "PATCH":
                return "write";
            case "DELETE":
                return "delete";
            case "POST":
                return "action";
            default:
                return "read";
        }
    }
}
