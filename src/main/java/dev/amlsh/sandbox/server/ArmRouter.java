package dev.amlsh.sandbox.server;

import com.google.gson.JsonElement;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmRequest;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.arm.Json;
import dev.amlsh.sandbox.arm.Principal;
import dev.amlsh.sandbox.authz.Access;
import dev.amlsh.sandbox.authz.ActionMap;
import dev.amlsh.sandbox.authz.Authorizer;
import dev.amlsh.sandbox.authz.Requirement;
import dev.amlsh.sandbox.identity.Directory;
import dev.amlsh.sandbox.identity.IdentityService;
import dev.amlsh.sandbox.lro.LroEngine;
import dev.amlsh.sandbox.provider.ProviderHandler;
import dev.amlsh.sandbox.provider.ProviderRegistry;
import dev.amlsh.sandbox.provider.resources.ResourcesApi;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Routes a request: identity endpoints under {@code /adfs} without a token; a read-only Microsoft
 * Graph view of the directory under {@code /graph}; everything else is ARM and needs a valid bearer
 * token, an api-version and a role that permits the request's action ({@code AuthorizationFailed}
 * otherwise), then goes to Microsoft.Resources, the LRO status URLs, or a provider handler after
 * ARM's generic checks.
 */
final class ArmRouter {
    private final URI endpoint;
    private final IdentityService identity;
    private final ResourcesApi resources;
    private final ProviderRegistry registry;
    private final LroEngine lro;
    private final Authorizer authorizer;
    private final Directory directory;

    ArmRouter(URI endpoint, IdentityService identity, ResourcesApi resources, ProviderRegistry registry, LroEngine lro) {
        this.endpoint = endpoint;
        this.identity = identity;
        this.resources = resources;
        this.registry = registry;
        this.lro = lro;
        this.authorizer = new Authorizer(registry.context().store());
        this.directory = new Directory(registry.context().store(), registry.context().tenantId());
    }

    URI endpoint() {
        return endpoint;
    }

    ArmResponse route(RawRequest raw) {
        List<String> s = raw.segments();
        if (!s.isEmpty() && (s.get(0).equalsIgnoreCase("adfs") || s.get(0).equalsIgnoreCase("oidc"))) {
            return IdentityRoutes.route(raw, identity, endpoint);
        }
        Principal principal = identity.authenticate(raw.header("authorization"), endpoint);
        if (!s.isEmpty() && s.get(0).equalsIgnoreCase("graph")) {
            return GraphRoutes.route(raw, directory, principal);
        }
        String apiVersion = raw.query().get("api-version");
        if (apiVersion == null || apiVersion.isBlank()) {
            throw ArmErrors.missingApiVersion();
        }
        VersionGate.check(s, apiVersion);
        JsonElement body = raw.body().length == 0 ? null : Json.parse(new String(raw.body(), StandardCharsets.UTF_8));
        Base base = new Base(raw, body, principal, apiVersion);
        if (s.isEmpty()) {
            throw ArmErrors.pathNotFound(raw.path());
        }
        if (s.size() >= 2 && lower(s.get(0)).equals("subscriptions")) {
            // A subscription that does not exist is 404 for everyone, before any role check.
            resources.subscriptions().canonicalId(s.get(1));
        }
        Requirement need = ActionMap.of(raw.method(), s);
        Access access = authorizer.of(principal);
        access.enforce(need);
        if (raw.method().equals("PUT") || raw.method().equals("PATCH")) {
            dev.amlsh.sandbox.arm.TagRules.check(body); // ARM's own tag rules, before any provider sees the request
        }
        return access.filter(need, arm(base));
    }

    private ArmResponse arm(Base base) {
        RawRequest raw = base.raw;
        List<String> s = raw.segments();
        String first = lower(s.get(0));
        if (first.equals("tenants") && s.size() == 1) {
            return only(raw, "GET", resources::tenants);
        }
        if (first.equals("providers") && s.size() >= 2) {
            return provider(base, null, null);
        }
        if (!first.equals("subscriptions")) {
            throw ArmErrors.pathNotFound(raw.path());
        }
        if (s.size() == 1) {
            return only(raw, "GET", resources::listSubscriptions);
        }
        String sub = resources.subscriptions().canonicalId(s.get(1));
        if (s.size() == 2) {
            return only(raw, "GET", () -> resources.getSubscription(sub));
        }
        String second = lower(s.get(2));
        if (second.equals("locations") && s.size() == 3) {
            return only(raw, "GET", () -> resources.locations(sub));
        }
        if (second.equals("resources") && s.size() == 3) {
            return only(raw, "GET", () -> resources.resources().list(base.request(sub, null), sub, null));
        }
        if (second.equals("resourcegroups")) {
            return group(base, sub);
        }
        if (second.equals("providers")) {
            return subscriptionProviders(base, sub);
        }
        throw ArmErrors.pathNotFound(raw.path());
    }

    private ArmResponse group(Base b, String sub) {
        List<String> s = b.raw.segments();
        if (s.size() == 3) {
            return only(b.raw, "GET", () -> resources.groups().list(b.request(sub, null), sub));
        }
        String group = s.get(3);
        if (s.size() == 4) {
            ArmRequest req = b.request(sub, group);
            switch (b.raw.method()) {
                case "PUT": return resources.groups().put(req, sub, group);
                case "GET": return resources.groups().get(sub, group);
                case "HEAD": return resources.groups().head(sub, group);
                case "PATCH": return resources.groups().patch(req, sub, group);
                case "DELETE": return resources.groups().delete(req, sub, group);
                default: throw ArmErrors.methodNotAllowed(b.raw.method());
            }
        }
        if (s.size() == 5 && lower(s.get(4)).equals("resources")) {
            ArmRequest req = b.request(sub, group);
            resources.groups().find(sub, group).orElseThrow(() -> ArmErrors.resourceGroupNotFound(group));
            return only(b.raw, "GET", () -> resources.resources().list(req, sub, group));
        }
        if (lower(s.get(4)).equals("providers") && s.size() >= 6) {
            return provider(b, sub, group);
        }
        throw ArmErrors.pathNotFound(b.raw.path());
    }

    private ArmResponse subscriptionProviders(Base b, String sub) {
        List<String> s = b.raw.segments();
        if (s.size() == 3) {
            return only(b.raw, "GET", () -> resources.providers().list(sub));
        }
        String ns = s.get(3);
        if (s.size() == 4) {
            return only(b.raw, "GET", () -> resources.providers().get(sub, ns));
        }
        String verb = lower(s.get(4));
        if (s.size() == 5 && (verb.equals("register") || verb.equals("unregister"))) {
            return only(b.raw, "POST", () -> verb.equals("register")
                    ? resources.providers().register(sub, ns) : resources.providers().unregister(sub, ns));
        }
        if (s.size() == 8 && lower(s.get(4)).equals("locations")) {
            String kind = lower(s.get(6));
            if (kind.equals("operationstatuses")) {
                // ACR repeats the status URL in Azure-AsyncOperation on every poll
                boolean acr = lower(ns).equals("microsoft.containerregistry");
                String self = endpoint.toString().replaceAll("/$", "") + b.raw.path() + "?api-version=" + b.apiVersion;
                return only(b.raw, "GET", () -> acr ? lro.status(sub, s.get(7)).withHeader("Azure-AsyncOperation", self)
                        : lro.status(sub, s.get(7)));
            }
            if (kind.equals("operationresults")) {
                return only(b.raw, "GET", () -> lro.result(sub, s.get(7), endpoint, b.apiVersion));
            }
        }
        return provider(b, sub, null);
    }

    /** {@code [/subscriptions/s[/resourceGroups/g]]/providers/{ns}/...}: ARM's checks, then the namespace's handler. */
    private ArmResponse provider(Base b, String sub, String group) {
        ArmRequest req = b.request(sub, group);
        Optional<ProviderHandler> handler = registry.find(req.namespace());
        resources.checkProviderRequest(req, handler.isPresent());
        return dev.amlsh.sandbox.provider.VersionShapes.apply(req.apiVersion(), Preconditions.dispatch(req, registry, handler.orElseThrow()));
    }

    private static ArmResponse only(RawRequest raw, String method, java.util.function.Supplier<ArmResponse> action) {
        if (!raw.method().equals(method)) {
            throw ArmErrors.methodNotAllowed(raw.method());
        }
        return action.get();
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** What every ARM request shares; {@link #request} splits the path after the last {@code providers}. */
    private final class Base {
        final RawRequest raw;
        final JsonElement body;
        final Principal principal;
        final String apiVersion;

        Base(RawRequest raw, JsonElement body, Principal principal, String apiVersion) {
            this.raw = raw;
            this.body = body;
            this.principal = principal;
            this.apiVersion = apiVersion;
        }

        ArmRequest request(String sub, String group) {
            List<String> s = canonical(sub);
            int p = -1;
            for (int i = 0; i < s.size() - 1; i++) {
                if (s.get(i).equalsIgnoreCase("providers")) {
                    p = i;
                }
            }
            String scope = p < 0 ? raw.path() : p == 0 ? "" : "/" + String.join("/", s.subList(0, p));
            String ns = p < 0 ? null : s.get(p + 1);
            List<String> rest = p < 0 ? List.of() : s.subList(p + 2, s.size());
            String action = null;
            if (raw.method().equals("POST") && rest.size() % 2 == 1) {
                action = rest.get(rest.size() - 1);
                rest = rest.subList(0, rest.size() - 1);
            }
            List<String> types = new java.util.ArrayList<>();
            List<String> names = new java.util.ArrayList<>();
            for (int i = 0; i < rest.size(); i++) {
                (i % 2 == 0 ? types : names).add(rest.get(i));
            }
            return new ArmRequest(raw.method(), "/" + String.join("/", s), raw.query(), raw.headers(), body, principal, endpoint, apiVersion,
                    sub, group, scope, ns, types, names, action);
        }

        /** The segments with the subscription in its canonical casing (IDs in responses use it). */
        private List<String> canonical(String sub) {
            List<String> s = new java.util.ArrayList<>(raw.segments());
            if (sub != null && s.size() >= 2 && s.get(0).equalsIgnoreCase("subscriptions")) {
                s.set(0, "subscriptions");
                s.set(1, sub);
            }
            if (s.size() >= 4 && s.get(2).equalsIgnoreCase("resourcegroups")) {
                s.set(2, "resourceGroups");
            }
            return s;
        }
    }
}
