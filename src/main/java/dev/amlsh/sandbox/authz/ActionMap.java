package dev.amlsh.sandbox.authz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps an ARM request to what it needs: {@code {namespace}/{type path}/{read|write|delete}} from
 * the method, or {@code {namespace}/{type path}/{action}/action} for a POST action, performed at
 * the resource (or, for a collection, at the scope that holds it).
 *
 * <pre>{@code
 * ActionMap.of("POST", segments("/subscriptions/s/resourceGroups/g/providers/Microsoft.MachineLearningServices/workspaces/ws1/listKeys"));
 * // ACTION Microsoft.MachineLearningServices/workspaces/listKeys/action at .../workspaces/ws1
 * }</pre>
 */
public final class ActionMap {
    static final String GROUPS = "Microsoft.Resources/subscriptions/resourceGroups";

    private ActionMap() {
    }

    /** The requirement of a request, from its method and its decoded, non-empty path segments. */
    public static Requirement of(String method, List<String> segments) {
        List<String> s = segments;
        int n = s.size();
        if (n == 0 || !lower(s.get(0)).equals("subscriptions")) {
            return n >= 2 && lower(s.get(0)).equals("providers") ? provider(method, s, 0) : Requirement.open();
        }
        if (n == 1) {
            return new Requirement(Requirement.Kind.SUBSCRIPTIONS, null, "/", true);
        }
        String sub = "/subscriptions/" + s.get(1);
        if (n == 2 || lower(s.get(2)).equals("locations")) {
            return Requirement.member(sub);
        }
        String second = lower(s.get(2));
        if (second.equals("resourcegroups")) {
            if (n == 3) {
                return Requirement.action(GROUPS + "/read", sub, true);
            }
            String group = sub + "/resourceGroups/" + s.get(3);
            if (n == 4) {
                return Requirement.action(GROUPS + "/" + verb(method), group, false);
            }
            return n >= 6 && lower(s.get(4)).equals("providers") ? provider(method, s, lastProviders(s)) : Requirement.member(sub);
        }
        if (second.equals("providers")) {
            if (n <= 4) {
                return Requirement.member(sub);
            }
            String fifth = lower(s.get(4));
            if (n == 5 && (fifth.equals("register") || fifth.equals("unregister"))) {
                return Requirement.action(s.get(3) + "/" + fifth + "/action", sub, false);
            }
            if (n == 8 && fifth.equals("locations") && lower(s.get(6)).startsWith("operation")) {
                // Any signed-in caller: the ID is unguessable, and deleting a group removes the role that let the
                // caller delete it, yet ARM still lets them follow the deletion to its end.
                return Requirement.open();
            }
            return provider(method, s, lastProviders(s));
        }
        return Requirement.member(sub);
    }

    /** {@code .../providers/{ns}/{type}/{name}/...[/{action}]} with {@code p} the index of the last "providers". */
    private static Requirement provider(String method, List<String> s, int p) {
        int n = s.size();
        if (p + 1 >= n) {
            return Requirement.open();
        }
        String ns = s.get(p + 1);
        List<String> rest = new ArrayList<>(s.subList(p + 2, n));
        String action = null;
        if (method.equals("POST") && rest.size() % 2 == 1) {
            action = rest.remove(rest.size() - 1);
        }
        List<String> types = new ArrayList<>();
        for (int i = 0; i < rest.size(); i += 2) {
            types.add(rest.get(i));
        }
        if (ns.equalsIgnoreCase("Microsoft.Authorization") && !types.isEmpty() && types.get(0).equalsIgnoreCase("roleDefinitions")
                && (method.equals("GET") || method.equals("HEAD"))) {
            return Requirement.open(); // anyone may read roles; writing a custom role needs roleDefinitions/write at its scope
        }
        String scope = p == 0 ? "/" : path(s.subList(0, p));
        if (p == 0 && types.isEmpty()) {
            return Requirement.open();
        }
        String typePath = ns + (types.isEmpty() ? "" : "/" + String.join("/", types));
        boolean collection = action == null && rest.size() % 2 == 1;
        String target = collection
                ? (rest.size() == 1 ? scope : path(s.subList(0, p + 2 + rest.size() - 1)))
                : (rest.isEmpty() ? scope : path(s.subList(0, p + 2 + rest.size())));
        String verb = action != null ? action + "/action" : verb(method);
        return Requirement.action(typePath + "/" + verb, target, collection && method.equals("GET"));
    }

    private static String verb(String method) {
        switch (method) {
            case "GET":
            case "HEAD":
                return "read";
            case "DELETE":
                return "delete";
            case "POST":
                return "action";
            default:
                return "write";
        }
    }

    private static int lastProviders(List<String> s) {
        int p = -1;
        for (int i = 0; i < s.size() - 1; i++) {
            if (lower(s.get(i)).equals("providers")) {
                p = i;
            }
        }
        return p;
    }

    private static String path(List<String> seg) {
        List<String> p = new ArrayList<>(seg);
        if (!p.isEmpty() && lower(p.get(0)).equals("subscriptions")) {
            p.set(0, "subscriptions");
        }
        if (p.size() >= 3 && lower(p.get(2)).equals("resourcegroups")) {
            p.set(2, "resourceGroups");
        }
        return "/" + String.join("/", p);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
