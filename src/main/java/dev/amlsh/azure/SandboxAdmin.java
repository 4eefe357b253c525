package dev.amlsh.azure;

import dev.amlsh.core.AmlshException;

import com.azure.core.http.HttpMethod;
import com.azure.core.management.exception.ManagementException;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.contract.ControlApi;
import dev.amlsh.sandbox.contract.ServiceRecord;
import dev.amlsh.session.Session;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox's control operations (status, stop, reset, fault rules), over HTTPS on its control
 * endpoints, as the signed-in sandbox identity (only the admin may), or as the sandbox admin when
 * the session is signed in to another cloud.
 *
 * <pre>{@code
 * SandboxAdmin admin = new SandboxAdmin(azure);
 * admin.addFault(Map.of("status", "503", "times", "2"));
 * }</pre>
 */
public final class SandboxAdmin {
    private static final Duration STOP_LIMIT = Duration.ofSeconds(30);
    private final Azure azure;

    public SandboxAdmin(Azure azure) {
        this.azure = azure;
    }

    /** The running service's status, or {@code running: false} (nothing is started to answer). */
    public JsonObject status() {
        Session session = azure.session();
        Optional<ServiceRecord> running = session.runningSandbox();
        JsonObject out;
        if (running.isEmpty()) {
            out = new JsonObject();
            out.addProperty("running", false);
        } else {
            out = call(HttpMethod.GET, ControlApi.STATUS, null).getAsJsonObject();
        }
        out.addProperty("home", session.home().sandbox().toString());
        return out;
    }

    /** Stops the running service and waits until it is gone; false when none was running. */
    public boolean stop() {
        Session session = azure.session();
        Optional<ServiceRecord> running = session.runningSandbox();
        if (running.isEmpty()) {
            return false;
        }
        call(HttpMethod.POST, ControlApi.STOP, null);
        if (!session.awaitSandboxGone(running.get(), STOP_LIMIT)) {
            throw AmlshException.service("The sandbox (pid " + running.get().pid() + ") was asked to stop but still runs after "
                    + STOP_LIMIT.toSeconds() + " s.", "See " + session.home().sandbox().resolve("service.log") + ".");
        }
        return true;
    }

    public void reset() {
        call(HttpMethod.POST, ControlApi.RESET, null);
    }

    public JsonArray faults() {
        return call(HttpMethod.GET, ControlApi.FAULTS, null).getAsJsonArray();
    }

    /** Adds a rule from settings named as in {@link dev.amlsh.sandbox.contract.FaultSettings}; returns it. */
    public JsonObject addFault(Map<String, String> settings) {
        JsonObject body = new JsonObject();
        settings.forEach(body::addProperty);
        return call(HttpMethod.POST, ControlApi.FAULTS, body).getAsJsonObject();
    }

    /** Removes one rule, or every rule when {@code id} is null. */
    public void clearFaults(Integer id) {
        call(HttpMethod.DELETE, ControlApi.FAULTS + (id == null ? "" : "/" + id), null);
    }

    private JsonElement call(HttpMethod method, String what, JsonElement body) {
        Session session = azure.session();
        ArmRest rest = session.cloud().isSandbox() ? azure.clients().rest()
                : new ArmClients(session.sandboxAdminConnection(), List.of()).rest();
        try {
            return rest.send(method, ControlApi.PREFIX + what, ControlApi.API_VERSION, body);
        } catch (ManagementException e) {
            String code = e.getValue() == null ? "" : e.getValue().getCode();
            String message = e.getValue() == null ? e.getMessage() : e.getValue().getMessage();
            switch (code) {
                case ControlApi.INVALID_FAULT_RULE:
                    throw AmlshException.usage("Bad fault rule: " + message + ".", "See 'sandbox faults add -h'.");
                case ControlApi.FAULT_RULE_NOT_FOUND:
                    throw AmlshException.notFound(message, "See the rules with 'sandbox faults list'.");
                case ControlApi.NOT_SANDBOX_ADMIN:
                    throw new AmlshException(AmlshException.Fault.SERVICE, message,
                            "Sign in as the sandbox admin with 'login --sandbox' and run it again.");
                default:
                    throw ArmErrors.translate(e);
            }
        } catch (RuntimeException e) {
            if (e instanceof AmlshException) {
                throw e;
            }
            throw ArmErrors.translate(e);
        }
    }
}
