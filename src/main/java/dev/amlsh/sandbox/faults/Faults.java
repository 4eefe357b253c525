package dev.amlsh.sandbox.faults;

import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmException;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.lro.LroEngine;
import dev.amlsh.sandbox.lro.Operation;
import dev.amlsh.sandbox.store.KeyValue;
import dev.amlsh.sandbox.store.SandboxStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The sandbox's fault injection: rules kept in the store's key-value table (so a shell and a
 * {@code sandbox serve} on one home share them and their counters), applied to each request before
 * the router sees it. The first matching rule that fires decides; every matching rule counts the
 * request as seen. The rules are managed through this Java API only, never over HTTP, so no fault
 * can lock the control out.
 *
 * <pre>{@code
 * sandbox.faults().add(FaultSpec.parse("503,method=GET,times=2"));
 * ArmResponse r = faults.apply("GET", segments, requestId, () -> router.route(raw));
 * sandbox.faults().clear();
 * }</pre>
 */
public final class Faults {
    static final String RULES = "sandbox.faults";
    private static final String META = "sandbox.faults.meta";

    private final SandboxStore store;
    private final LroEngine lro;

    public Faults(SandboxStore store, LroEngine lro) {
        this.store = store;
        this.lro = lro;
    }

    /** Thrown to make the listener hang up without answering. */
    public static final class DroppedConnection extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DroppedConnection() {
            super("connection dropped by a sandbox fault rule", null, false, false);
        }
    }

    /** Adds a rule; returns it with its id. */
    public FaultRule add(FaultRule rule) {
        return store.inTransaction(() -> {
            int id = store.getValue(META, "next").map(Integer::parseInt).orElse(1);
            store.putValue(META, "next", String.valueOf(id + 1));
            FaultRule saved = rule.with(id, 0, 0);
            save(saved);
            return saved;
        });
    }

    /** The rules with their counters, in the order they were added. */
    public List<FaultRule> list() {
        List<FaultRule> out = new ArrayList<>();
        for (KeyValue kv : store.listValues(RULES, "")) {
            out.add(FaultRule.fromJson(kv.value()));
        }
        return out;
    }

    /** Removes one rule; true if it existed. */
    public boolean remove(int id) {
        return store.deleteValue(RULES, key(id));
    }

    /** Removes every rule; returns how many there were. */
    public int clear() {
        return store.inTransaction(() -> {
            List<KeyValue> all = store.listValues(RULES, "");
            all.forEach(kv -> store.deleteValue(RULES, kv.key()));
            return all.size();
        });
    }

    /** Answers a request under the rules: unchanged, late, with an error, as a hang-up, or with a doomed operation. */
    public ArmResponse apply(String method, List<String> segments, String requestId, Supplier<ArmResponse> answer) {
        if (store.listValues(RULES, "").isEmpty()) {
            return answer.get();
        }
        boolean token = segments.size() == 3 && String.join("/", segments).equalsIgnoreCase("adfs/oauth2/token");
        if (!token && !segments.isEmpty() && segments.get(0).equalsIgnoreCase("adfs")) {
            return answer.get();
        }
        String path = "/" + String.join("/", segments);
        String operation = token ? null : OperationNames.of(method, segments);
        FaultRule rule = fire(method, path, operation, token);
        if (rule == null) {
            return answer.get();
        }
        if (rule.delayMs() > 0) {
            try {
                Thread.sleep(rule.delayMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        switch (rule.effect()) {
            case STATUS:
                throw mark(ArmErrors.injected(rule.status(), rule.retryAfter(), method, requestId), rule);
            case DROP:
                throw new DroppedConnection();
            case TOKEN_FAIL:
                throw mark(ArmErrors.tokenEndpointUnavailable(), rule);
            case LRO_FAIL:
                return lro.withOutcome(Operation.FAILED, answer);
            case LRO_CANCEL:
                return lro.withOutcome(Operation.CANCELED, answer);
            default:
                return answer.get();
        }
    }

    /** Counts the request against every matching rule; returns the first that fires, or null. */
    private FaultRule fire(String method, String path, String operation, boolean token) {
        return store.inTransaction(() -> {
            FaultRule firing = null;
            for (FaultRule r : list()) {
                if (!r.matches(method, path, operation, token)) {
                    continue;
                }
                int seen = r.seen() + 1;
                boolean fires = firing == null && !r.exhausted()
                        && (r.every() > 0 ? seen % r.every() == 0 : r.rate() >= 1 || ThreadLocalRandom.current().nextDouble() < r.rate());
                FaultRule counted = r.with(r.id(), seen, r.fired() + (fires ? 1 : 0));
                save(counted);
                if (fires) {
                    firing = counted;
                }
            }
            return firing;
        });
    }

    private void save(FaultRule rule) {
        store.putValue(RULES, key(rule.id()), dev.amlsh.sandbox.arm.Json.GSON.toJson(rule.toJson()));
    }

    private static String key(int id) {
        return String.format("%08d", id);
    }

    private static ArmException mark(ArmException e, FaultRule rule) {
        return ArmErrors.withHeader(e, "x-ms-sandbox-fault", String.valueOf(rule.id()));
    }
}
