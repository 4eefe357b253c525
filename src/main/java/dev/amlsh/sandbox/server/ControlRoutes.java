package dev.amlsh.sandbox.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.arm.Json;
import dev.amlsh.sandbox.arm.Principal;
import dev.amlsh.sandbox.contract.ControlApi;
import dev.amlsh.sandbox.contract.Seed;
import dev.amlsh.sandbox.faults.FaultRule;
import dev.amlsh.sandbox.faults.FaultSpec;
import dev.amlsh.sandbox.identity.IdentityService;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The control endpoints under {@code /amlsh-sandbox/}: status, reset, fault rules and stop, for a
 * token of the sandbox admin only. They bypass fault rules, so a rule that fails everything can
 * still be cleared.
 */
final class ControlRoutes {
    private ControlRoutes() {
    }

    static boolean isControl(RawRequest raw) {
        return !raw.segments().isEmpty() && raw.segments().get(0).equalsIgnoreCase(ControlApi.SEGMENT);
    }

    static ArmResponse route(RawRequest raw, SandboxControl control, IdentityService identity, URI endpoint) {
        Principal who = identity.authenticate(raw.header("authorization"), endpoint);
        if (!Seed.ADMIN_CLIENT_ID.equalsIgnoreCase(who.appId())) {
            throw ArmErrors.of(403, ControlApi.NOT_SANDBOX_ADMIN, "Only the sandbox admin (" + Seed.ADMIN_USER
                    + ") may control the sandbox; '" + who.displayName() + "' may not.");
        }
        if (control == null) {
            throw ArmErrors.pathNotFound(raw.path());
        }
        List<String> s = raw.segments();
        String what = s.size() >= 2 ? s.get(1).toLowerCase(java.util.Locale.ROOT) : "";
        String method = raw.method();
        switch (what) {
            case ControlApi.STATUS:
                only(raw, s.size() == 2, "GET");
                return ArmResponse.ok(control.status().toJson());
            case ControlApi.RESET:
                only(raw, s.size() == 2, "POST");
                control.reset();
                return ArmResponse.noContent();
            case ControlApi.STOP:
                only(raw, s.size() == 2, "POST");
                control.stopSoon();
                return ArmResponse.of(202, null);
            case ControlApi.FAULTS:
                if (s.size() == 2 && method.equals("GET")) {
                    JsonArray out = new JsonArray();
                    control.faults().list().forEach(r -> out.add(r.toJson()));
                    return ArmResponse.ok(out);
                }
                if (s.size() == 2 && method.equals("POST")) {
                    return ArmResponse.created(control.faults().add(rule(raw)).toJson());
                }
                if (s.size() == 2 && method.equals("DELETE")) {
                    control.faults().clear();
                    return ArmResponse.noContent();
                }
                if (s.size() == 3 && method.equals("DELETE")) {
                    int id;
                    try {
                        id = Integer.parseInt(s.get(2));
                    } catch (NumberFormatException e) {
                        id = -1;
                    }
                    if (id < 0 || !control.faults().remove(id)) {
                        throw ArmErrors.of(404, ControlApi.FAULT_RULE_NOT_FOUND, "There is no fault rule " + s.get(2) + ".");
                    }
                    return ArmResponse.noContent();
                }
                only(raw, s.size() <= 3, "GET", "POST", "DELETE");
                throw ArmErrors.methodNotAllowed(method);
            default:
                throw ArmErrors.pathNotFound(raw.path());
        }
    }

    private static FaultRule rule(RawRequest raw) {
        Map<String, String> settings = new LinkedHashMap<>();
        try {
            JsonElement body = Json.parse(new String(raw.body(), StandardCharsets.UTF_8));
            if (body == null || !body.isJsonObject()) {
                throw new IllegalArgumentException("the body must be a JSON object of fault settings");
            }
            for (Map.Entry<String, JsonElement> e : ((JsonObject) body).entrySet()) {
                settings.put(e.getKey(), e.getValue().isJsonNull() ? "" : e.getValue().getAsString());
            }
            return FaultSpec.of(settings);
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            throw ArmErrors.of(400, ControlApi.INVALID_FAULT_RULE, e.getMessage());
        }
    }

    private static void only(RawRequest raw, boolean pathFits, String... methods) {
        if (!pathFits) {
            throw ArmErrors.pathNotFound(raw.path());
        }
        if (!List.of(methods).contains(raw.method())) {
            throw ArmErrors.methodNotAllowed(raw.method());
        }
    }
}
