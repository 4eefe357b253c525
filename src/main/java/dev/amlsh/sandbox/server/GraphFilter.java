package dev.amlsh.sandbox.server;

import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OData {@code $filter} clauses Microsoft Graph answers on users and service principals, as the Azure CLI
 * sends them: {@code prop eq 'v'} (id, appId, userPrincipalName, displayName, mail),
 * {@code servicePrincipalNames/any(c:c eq 'v')}, {@code startswith(prop,'v')}, joined with {@code and}.
 * Strings compare case-insensitively, as Graph does for these properties. Anything else is refused as Graph does.
 *
 * <pre>{@code
 * Predicate<Principal> p = GraphFilter.parse("servicePrincipalNames/any(c:c eq 'a0000000-...')");
 * }</pre>
 */
final class GraphFilter {
    private static final String VALUE = "'((?:[^']|'')*)'";
    private static final Pattern EQ = Pattern.compile("^(\\w+)\\s+eq\\s+" + VALUE + "$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ANY = Pattern.compile("^servicePrincipalNames/any\\(\\s*(\\w+)\\s*:\\s*(\\w+)\\s+eq\\s+" + VALUE + "\\s*\\)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern STARTS = Pattern.compile("^startswith\\(\\s*(\\w+)\\s*,\\s*" + VALUE + "\\s*\\)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern AND = Pattern.compile("\\s+and\\s+(?=(?:[^']*'[^']*')*[^']*$)", Pattern.CASE_INSENSITIVE);

    private GraphFilter() {
    }

    /** A predicate for the filter (everything when null or blank), or a 400 as Graph answers an unsupported one. */
    static Predicate<Principal> parse(String filter) {
        Predicate<Principal> all = p -> true;
        if (filter == null || filter.isBlank()) {
            return all;
        }
        for (String clause : AND.split(filter.trim())) {
            all = all.and(clause(clause.trim(), filter));
        }
        return all;
    }

    private static Predicate<Principal> clause(String c, String filter) {
        Matcher any = ANY.matcher(c);
        if (any.matches() && any.group(1).equals(any.group(2))) {
            String v = unquote(any.group(3));
            return p -> servicePrincipalNames(p).stream().anyMatch(n -> n.equalsIgnoreCase(v));
        }
        Matcher eq = EQ.matcher(c);
        if (eq.matches()) {
            String prop = eq.group(1);
            property(prop, filter);
            String v = unquote(eq.group(2));
            return p -> v.equalsIgnoreCase(value(p, prop));
        }
        Matcher starts = STARTS.matcher(c);
        if (starts.matches()) {
            String prop = starts.group(1);
            property(prop, filter);
            String v = unquote(starts.group(2)).toLowerCase(Locale.ROOT);
            return p -> value(p, prop) != null && value(p, prop).toLowerCase(Locale.ROOT).startsWith(v);
        }
        throw ArmErrors.of(400, "Request_UnsupportedQuery", "Unsupported or invalid query filter clause specified: '" + c
                + "' in '" + filter + "'.");
    }

    /** The names a service principal is known by: its application ID (users have none). */
    static List<String> servicePrincipalNames(Principal p) {
        List<String> names = new ArrayList<>();
        if (p.userPrincipalName() == null && p.appId() != null) {
            names.add(p.appId());
        }
        return names;
    }

    private static void property(String prop, String filter) {
        if (!List.of("id", "appid", "userprincipalname", "displayname", "mail").contains(prop.toLowerCase(Locale.ROOT))) {
            throw ArmErrors.of(400, "Request_UnsupportedQuery", "Unsupported or invalid query filter clause specified for property '"
                    + prop + "' of resource 'directoryObject' in '" + filter + "'.");
        }
    }

    private static String value(Principal p, String prop) {
        switch (prop.toLowerCase(Locale.ROOT)) {
            case "id": return p.objectId();
            case "appid": return p.userPrincipalName() == null ? p.appId() : null;
            case "userprincipalname":
            case "mail": return p.userPrincipalName();
            default: return p.displayName();
        }
    }

    private static String unquote(String v) {
        return v.replace("''", "'");
    }
}
