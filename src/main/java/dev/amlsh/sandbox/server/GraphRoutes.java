package dev.amlsh.sandbox.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmException;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.arm.Json;
import dev.amlsh.sandbox.arm.Principal;
import dev.amlsh.sandbox.identity.Directory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A read-only slice of Microsoft Graph v1.0 under {@code /graph}, what the Azure CLI asks when it turns a
 * name into an object ID and back ({@code keyvault create}, {@code role assignment}, {@code ad ... show}):
 * {@code GET me}, {@code GET users[?$filter]}, {@code GET users/{id|upn}}, {@code GET servicePrincipals[?$filter]}
 * ({@link GraphFilter}: {@code appId eq}, {@code servicePrincipalNames/any(...)}, {@code startswith(displayName,...)}),
 * {@code GET servicePrincipals/{id}}, {@code GET servicePrincipals(appId='...')} and {@code POST directoryObjects/getByIds}.
 * It needs a valid token; no api-version.
 */
final class GraphRoutes {
    private static final Pattern BY_APP_ID = Pattern.compile("(?i)^servicePrincipals\\(appId='([^']*)'\\)$");

    private GraphRoutes() {
    }

    static ArmResponse route(RawRequest raw, Directory directory, Principal caller) {
        List<String> s = raw.segments();
        if (s.size() < 3 || !s.get(1).equalsIgnoreCase("v1.0")) {
            throw ArmErrors.pathNotFound(raw.path());
        }
        String collection = s.get(2);
        if (s.size() == 3 && collection.equalsIgnoreCase("me")) {
            requireGet(raw);
            if (caller.userPrincipalName() == null) {
                throw ArmErrors.of(400, "BadRequest", "/me request is only valid with delegated authentication flow.");
            }
            return ArmResponse.ok(user(caller));
        }
        if (s.size() == 3 && (collection.equalsIgnoreCase("users") || collection.equalsIgnoreCase("servicePrincipals"))) {
            requireGet(raw);
            boolean users = collection.equalsIgnoreCase("users");
            java.util.function.Predicate<Principal> filter = GraphFilter.parse(raw.query().get("$filter"));
            JsonArray value = new JsonArray();
            directory.all().stream().filter(p -> (p.userPrincipalName() != null) == users).filter(filter)
                    .forEach(p -> value.add(users ? user(p) : sp(p)));
            JsonObject out = new JsonObject();
            out.add("value", value);
            return ArmResponse.ok(out);
        }
        Matcher byAppId = BY_APP_ID.matcher(collection);
        if (s.size() == 3 && byAppId.matches()) {
            requireGet(raw);
            String appId = byAppId.group(1);
            return ArmResponse.ok(servicePrincipal(directory.all().stream()
                    .filter(p -> p.userPrincipalName() == null && p.appId().equalsIgnoreCase(appId)).findFirst(), appId));
        }
        if (s.size() == 4 && collection.equalsIgnoreCase("users")) {
            requireGet(raw);
            String key = s.get(3);
            Optional<Principal> user = directory.find(key).filter(p -> p.userPrincipalName() != null);
            return ArmResponse.ok(user(user.orElseThrow(() -> notFound(key))));
        }
        if (s.size() == 4 && collection.equalsIgnoreCase("servicePrincipals")) {
            requireGet(raw);
            String id = s.get(3);
            return ArmResponse.ok(servicePrincipal(directory.byObjectId(id).filter(p -> p.userPrincipalName() == null), id));
        }
        if (s.size() == 4 && collection.equalsIgnoreCase("directoryObjects") && s.get(3).equalsIgnoreCase("getByIds")) {
            if (!raw.method().equals("POST")) {
                throw ArmErrors.methodNotAllowed(raw.method());
            }
            return ArmResponse.ok(getByIds(raw, directory));
        }
        throw ArmErrors.pathNotFound(raw.path());
    }

    private static JsonObject getByIds(RawRequest raw, Directory directory) {
        JsonObject body = Json.parseObject(new String(raw.body(), StandardCharsets.UTF_8));
        JsonElement ids = body.get("ids");
        if (ids == null || !ids.isJsonArray()) {
            throw ArmErrors.of(400, "Request_BadRequest", "Invalid request: 'ids' is required.");
        }
        JsonArray values = new JsonArray();
        for (JsonElement id : ids.getAsJsonArray()) {
            directory.byObjectId(id.getAsString()).ifPresent(p -> values.add(p.userPrincipalName() != null ? user(p) : sp(p)));
        }
        JsonObject out = new JsonObject();
        out.add("value", values);
        return out;
    }

    private static JsonObject servicePrincipal(Optional<Principal> p, String key) {
        return sp(p.orElseThrow(() -> notFound(key)));
    }

    private static JsonObject user(Principal p) {
        JsonObject o = new JsonObject();
        o.addProperty("@odata.type", "#microsoft.graph.user");
        o.addProperty("id", p.objectId());
        o.addProperty("displayName", p.displayName());
        o.addProperty("userPrincipalName", p.userPrincipalName());
        o.addProperty("mail", p.userPrincipalName());
        o.addProperty("accountEnabled", true);
        o.addProperty("userType", "Member");
        return o;
    }

    private static JsonObject sp(Principal p) {
        JsonObject o = new JsonObject();
        o.addProperty("@odata.type", "#microsoft.graph.servicePrincipal");
        o.addProperty("id", p.objectId());
        o.addProperty("appId", p.appId());
        o.addProperty("displayName", p.displayName());
        JsonArray names = new JsonArray();
        GraphFilter.servicePrincipalNames(p).forEach(names::add);
        o.add("servicePrincipalNames", names);
        o.addProperty("appOwnerOrganizationId", p.tenantId());
        o.addProperty("accountEnabled", true);
        o.addProperty("servicePrincipalType", "Application");
        return o;
    }

    private static ArmException notFound(String key) {
        return ArmErrors.of(404, "Request_ResourceNotFound", "Resource '" + key
                + "' does not exist or one of its queried reference-property objects are not present.");
    }

    private static void requireGet(RawRequest raw) {
        if (!raw.method().toUpperCase(Locale.ROOT).equals("GET")) {
            throw ArmErrors.methodNotAllowed(raw.method());
        }
    }
}
