package dev.amlsh.sandbox.lro;

import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmException;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.store.KeyValue;
import dev.amlsh.sandbox.store.Retention;
import dev.amlsh.sandbox.store.SandboxStore;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Long-running operations the ARM way: a handler starts an operation and answers 201/202 with
 * {@code Azure-AsyncOperation}, {@code Location} and {@code Retry-After}; the operation stays
 * InProgress for the configured delay, then its registered completion step runs (in a store
 * transaction) and it becomes Succeeded, or Failed when the step throws an {@link ArmException}.
 * Operations live in the store, so any process sharing the home can answer their status URLs;
 * a finished-but-unrun operation completes on the next poll or sweep, whichever process sees it.
 *
 * <pre>{@code
 * lro.register("storage.delete", op -> { store.delete(op.resourceId()); return OperationResult.noContent(); });
 * Operation op = lro.start(new OperationSpec("storage.delete", sub, "Microsoft.Storage", "eastus", id, null));
 * return lro.accepted(op, 202, null, req.endpoint(), req.apiVersion());
 * }</pre>
 */
public final class LroEngine implements AutoCloseable {
    static final String OPERATIONS = "lro.operation";
    static final String PENDING = "lro.pending";
    /** Operations a fault rule doomed: id → the terminal status they end in instead of running their step. */
    static final String FORCED = "lro.forced";
    /** Finished operations: id → end time, so that they can be purged without reading every record. */
    static final String DONE = "lro.done";
    /** How many finished operations one purge transaction deletes (keeps the write lock short). */
    private static final int PURGE_BATCH = 500;
    private static final ThreadLocal<String> FORCE = new ThreadLocal<>();
    private static final java.util.Set<String> BARE_STATUS = java.util.Set.of("microsoft.network", "microsoft.containerregistry");

    /** The completion step of one kind of operation. */
    @FunctionalInterface
    public interface Completion {
        OperationResult complete(Operation operation);
    }

    private final SandboxStore store;
    private final Duration delay;
    private final Map<String, Completion> completions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;

    public LroEngine(SandboxStore store, Duration delay) {
        this.store = store;
        this.delay = delay;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sandbox-lro");
            t.setDaemon(true);
            return t;
        });
        // Operations started by another process sharing the home finish here too.
        timer.scheduleWithFixedDelay(this::sweepQuietly, 1, 1, TimeUnit.SECONDS);
    }

    /** The configured time an operation stays InProgress. */
    public Duration delay() {
        return delay;
    }

    /** Registers the completion step of a kind; every process registers the same kinds. */
    public void register(String kind, Completion completion) {
        completions.put(kind, completion);
    }

    /** Starts an operation; with a zero delay it completes before this returns. */
    public Operation start(OperationSpec spec) {
        Instant now = Instant.now();
        Operation op = new Operation(UUID.randomUUID().toString(), spec.kind(), spec.subscriptionId(), spec.namespace(),
                spec.location(), spec.resourceId(), spec.payload(), Operation.IN_PROGRESS, now, now.plus(delay), null, 0, null, null, 0);
        String forced = FORCE.get();
        store.inTransaction(() -> {
            store.putValue(OPERATIONS, op.id(), op.toJson());
            store.putValue(PENDING, op.id(), op.dueTime().toString());
            if (forced != null) {
                store.putValue(FORCED, op.id(), forced);
            }
            return null;
        });
        if (delay.isZero()) {
            return complete(op.id()).orElse(op);
        }
        timer.schedule(() -> completeQuietly(op.id()), delay.toMillis(), TimeUnit.MILLISECONDS);
        return op;
    }

    /** The operation, completing it first if it is due. */
    public Optional<Operation> find(String id) {
        Optional<Operation> op = load(id);
        if (op.isPresent() && !op.get().isDone() && !Instant.now().isBefore(op.get().dueTime())) {
            return complete(id);
        }
        return op;
    }

    /**
     * Runs {@code work} so that every operation it starts ends in {@code terminalStatus} (Failed or
     * Canceled) instead of running its completion step (fault injection).
     */
    public <T> T withOutcome(String terminalStatus, java.util.function.Supplier<T> work) {
        String before = FORCE.get();
        FORCE.set(terminalStatus);
        try {
            return work.get();
        } finally {
            if (before == null) {
                FORCE.remove();
            } else {
                FORCE.set(before);
            }
        }
    }

    /** Ends a running operation as Canceled. */
    public void cancel(String id) {
        store.inTransaction(() -> {
            load(id).filter(o -> !o.isDone()).ifPresent(o -> {
                ArmException e = ArmErrors.of(409, "OperationCanceled", "The operation was canceled.");
                save(o.finished(Operation.CANCELED, Instant.now(), 0, null, e.error().toInnerJson(), 409));
            });
            return null;
        });
    }

    /** The 201/202 response that starts polling: {@code Azure-AsyncOperation}, {@code Location}, {@code Retry-After}. */
    public ArmResponse accepted(Operation op, int status, com.google.gson.JsonElement body, URI endpoint, String apiVersion) {
        return ArmResponse.of(status, body).withHeaders(pollHeaders(op, endpoint, apiVersion));
    }

    /** The polling headers alone. */
    public Map<String, String> pollHeaders(Operation op, URI endpoint, String apiVersion) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Azure-AsyncOperation", url(op, "operationStatuses", endpoint, apiVersion));
        h.put("Location", url(op, "operationResults", endpoint, apiVersion));
        h.put("Retry-After", retryAfter());
        return h;
    }

    /** {@code GET .../operationStatuses/{id}}: always 200 with the status resource. */
    public ArmResponse status(String subscriptionId, String id) {
        Operation op = owned(subscriptionId, id);
        JsonObject o = new JsonObject();
        if (BARE_STATUS.contains(op.namespace().toLowerCase(java.util.Locale.ROOT))) {
            // Network and ACR status resources carry the status (and an error) only.
            o.addProperty("status", op.status());
            if (op.error() != null) {
                o.add("error", op.error());
            }
            return op.isDone() ? ArmResponse.ok(o) : ArmResponse.ok(o).withHeader("Retry-After", retryAfter());
        }
        if ("microsoft.machinelearningservices".equalsIgnoreCase(op.namespace())) {
            // Machine Learning's status resource: the status, and percentComplete once it succeeded; no Retry-After.
            o.addProperty("status", op.status());
            if (Operation.SUCCEEDED.equals(op.status())) {
                o.addProperty("percentComplete", 100.0);
            }
            if (op.error() != null) {
                o.add("error", op.error());
            }
            return ArmResponse.ok(o);
        }
        o.addProperty("id", path(op, "operationStatuses"));
        o.addProperty("name", op.id());
        o.addProperty("status", op.status());
        o.addProperty("startTime", op.startTime().toString());
        if (op.endTime() != null) {
            o.addProperty("endTime", op.endTime().toString());
        }
        if (op.error() != null) {
            o.add("error", op.error());
        }
        ArmResponse r = ArmResponse.ok(o);
        return op.isDone() ? r : r.withHeader("Retry-After", retryAfter());
    }

    /** {@code GET .../operationResults/{id}}: 202 while running, then the final result or the error. */
    public ArmResponse result(String subscriptionId, String id, URI endpoint, String apiVersion) {
        Operation op = owned(subscriptionId, id);
        if (!op.isDone()) {
            return ArmResponse.of(202, null).withHeader("Location", url(op, "operationResults", endpoint, apiVersion))
                    .withHeader("Retry-After", retryAfter());
        }
        if (op.error() != null) {
            JsonObject body = new JsonObject();
            body.add("error", op.error());
            return ArmResponse.of(op.errorStatus(), body);
        }
        return ArmResponse.of(op.resultStatus(), op.resultBody());
    }

    /**
     * Picks up what a stopped or killed process left running, as Azure finishes an operation whether
     * anyone polls it or not: completes every due operation now and schedules the rest on this
     * engine's clock. Call once, after every completion step is registered.
     */
    public void resume() {
        if (store.listValues(DONE, "").isEmpty()) {
            indexFinished();
        }
        Instant now = Instant.now();
        for (KeyValue kv : store.listValues(PENDING, "")) {
            long wait = Duration.between(now, Instant.parse(kv.value())).toMillis();
            if (wait <= 0) {
                completeQuietly(kv.key());
            } else {
                timer.schedule(() -> completeQuietly(kv.key()), wait, TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * Deletes the records of operations that ended longer ago than the retention time
     * ({@link Retention#operations()}); their status URLs then answer 404, as Azure's do once it
     * forgets an operation. Returns how many were deleted.
     */
    public int purgeFinished() {
        Instant cutoff = Instant.now().minus(Retention.operations());
        int purged = 0;
        while (true) {
            List<String> old = new ArrayList<>();
            for (KeyValue kv : store.listValues(DONE, "")) {
                if (Instant.parse(kv.value()).isBefore(cutoff)) {
                    old.add(kv.key());
                    if (old.size() == PURGE_BATCH) {
                        break;
                    }
                }
            }
            if (old.isEmpty()) {
                return purged;
            }
            store.inTransaction(() -> {
                for (String id : old) {
                    store.deleteValue(OPERATIONS, id);
                    store.deleteValue(DONE, id);
                }
                return null;
            });
            purged += old.size();
        }
    }

    /** Indexes finished operations recorded before {@link #DONE} existed, so that they are purged too. */
    private void indexFinished() {
        for (KeyValue kv : store.listValues(OPERATIONS, "")) {
            Operation op = Operation.fromJson(kv.value());
            if (op.isDone() && store.getValue(DONE, op.id()).isEmpty()) {
                store.putValue(DONE, op.id(), (op.endTime() == null ? op.startTime() : op.endTime()).toString());
            }
        }
    }

    /** Completes every due operation (also those other processes started). */
    public void sweep() {
        Instant now = Instant.now();
        for (KeyValue kv : store.listValues(PENDING, "")) {
            if (!now.isBefore(Instant.parse(kv.value()))) {
                complete(kv.key());
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private Optional<Operation> complete(String id) {
        return store.inTransaction(() -> {
            Optional<Operation> loaded = load(id);
            if (loaded.isEmpty() || loaded.get().isDone()) {
                store.deleteValue(PENDING, id);
                return loaded;
            }
            Operation op = loaded.get();
            Optional<String> forced = store.getValue(FORCED, id);
            if (forced.isPresent()) {
                Operation done = ForcedOutcome.finish(store, op, forced.get());
                save(done);
                store.deleteValue(FORCED, id);
                store.deleteValue(PENDING, id);
                return Optional.of(done);
            }
            Completion step = completions.get(op.kind());
            if (step == null) {
                return loaded; // a process that knows this kind will finish it
            }
            Operation done;
            try {
                OperationResult r = step.complete(op);
                done = op.finished(Operation.SUCCEEDED, Instant.now(), r.status(), r.body(), null, 0);
            } catch (ArmException e) {
                done = op.finished(Operation.FAILED, Instant.now(), 0, null, e.error().toInnerJson(), e.error().status());
            } catch (RuntimeException e) {
                ArmException ie = ArmErrors.internal(op.id());
                done = op.finished(Operation.FAILED, Instant.now(), 0, null, ie.error().toInnerJson(), 500);
            }
            save(done);
            store.deleteValue(PENDING, id);
            return Optional.of(done);
        });
    }

    private Operation owned(String subscriptionId, String id) {
        return find(id).filter(o -> o.subscriptionId().equalsIgnoreCase(subscriptionId))
                .orElseThrow(() -> ArmErrors.operationNotFound(id));
    }

    private Optional<Operation> load(String id) {
        return store.getValue(OPERATIONS, id.toLowerCase(java.util.Locale.ROOT)).map(Operation::fromJson);
    }

    private void save(Operation op) {
        store.putValue(OPERATIONS, op.id(), op.toJson());
        if (op.isDone()) {
            store.putValue(DONE, op.id(), (op.endTime() == null ? Instant.now() : op.endTime()).toString());
        }
    }

    private String retryAfter() {
        return delay.isZero() ? "0" : "1";
    }

    private static String path(Operation op, String collection) {
        return "/subscriptions/" + op.subscriptionId() + "/providers/" + op.namespace() + "/locations/" + op.location()
                + "/" + collection + "/" + op.id();
    }

    private static String url(Operation op, String collection, URI endpoint, String apiVersion) {
        String base = endpoint.toString();
        return base.substring(0, base.length() - 1) + path(op, collection) + "?api-version=" + apiVersion;
    }

    private void completeQuietly(String id) {
        try {
            complete(id);
        } catch (RuntimeException e) {
            // the periodic sweep and the next poll try again
        }
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            // store closed or busy; the next sweep tries again
        }
    }
}
