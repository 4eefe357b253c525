package dev.amlsh.sandbox.provider.resources;

import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.Json;
import dev.amlsh.sandbox.store.SandboxStore;
import java.time.Duration;
import java.time.Instant;

/**
 * Provider registration state per subscription. Register moves NotRegistered → Registering →
 * Registered once the configured delay has passed; unregister moves through Unregistering to
 * NotRegistered. The step is computed on read from the stored deadline, so every process sharing
 * the home agrees without a timer.
 *
 * <pre>{@code
 * registrations.register(sub, "Microsoft.MachineLearningServices"); // "Registering"
 * registrations.isRegistered(sub, "Microsoft.MachineLearningServices");
 * }</pre>
 */
public final class Registrations {
    static final String SPACE = "resources.registration";
    public static final String REGISTERED = "Registered";
    public static final String NOT_REGISTERED = "NotRegistered";
    static final String REGISTERING = "Registering";
    static final String UNREGISTERING = "Unregistering";

    private final SandboxStore store;
    private final Duration delay;

    public Registrations(SandboxStore store, Duration delay) {
        this.store = store;
        this.delay = delay;
    }

    /** The current state of a namespace in a subscription. */
    public String state(String subscriptionId, String namespace) {
        return store.getValue(SPACE, key(subscriptionId, namespace)).map(Registrations::effective).orElse(NOT_REGISTERED);
    }

    /** True when requests for the namespace may go through (registration-free namespaces always). */
    public boolean isRegistered(String subscriptionId, String namespace) {
        boolean free = ProviderCatalog.find(namespace).map(ProviderCatalog.Namespace::registrationFree).orElse(false);
        return free || REGISTERED.equals(state(subscriptionId, namespace));
    }

    /** Sets a state outright (seeding). */
    public void set(String subscriptionId, String namespace, String state) {
        write(subscriptionId, namespace, state, null, Instant.now());
    }

    /** Starts registering; returns the state to report now. */
    public String register(String subscriptionId, String namespace) {
        return transition(subscriptionId, namespace, REGISTERED, REGISTERING);
    }

    /** Starts unregistering; returns the state to report now. */
    public String unregister(String subscriptionId, String namespace) {
        return transition(subscriptionId, namespace, NOT_REGISTERED, UNREGISTERING);
    }

    private String transition(String subscriptionId, String namespace, String target, String step) {
        return store.inTransaction(() -> {
            String now = state(subscriptionId, namespace);
            if (now.equals(target) || now.equals(step)) {
                return now;
            }
            write(subscriptionId, namespace, step, target, Instant.now().plus(delay));
            return step;
        });
    }

    private void write(String subscriptionId, String namespace, String state, String target, Instant until) {
        JsonObject o = new JsonObject();
        o.addProperty("state", state);
        o.addProperty("target", target);
        o.addProperty("until", until.toString());
        store.putValue(SPACE, key(subscriptionId, namespace), Json.GSON.toJson(o));
    }

    private static String effective(String text) {
        JsonObject o = Json.parseObject(text);
        String target = Json.string(o, "target");
        if (target != null && !Instant.now().isBefore(Instant.parse(Json.string(o, "until")))) {
            return target;
        }
        return Json.string(o, "state");
    }

    private static String key(String subscriptionId, String namespace) {
        return ProviderCatalog.key(subscriptionId) + "/" + ProviderCatalog.key(namespace);
    }
}
