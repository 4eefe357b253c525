package dev.amlsh.reliability;

import dev.amlsh.sandbox.store.StoredResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the shell told its user about each resource, and the audit of the store against it.
 * <p>Rules, per resource (type and lower-cased name), applied in command order:
 * <ul>
 *   <li>create (or a group create on an existing group) with exit 0: the resource EXISTS;</li>
 *   <li>delete with exit 0, or a delete answered "not found" (exit 3): it is ABSENT (a group's
 *       storage accounts with it);</li>
 *   <li>a failure whose line says whether it took effect is unknown (the request was sent and no
 *       answer came): UNKNOWN, either outcome is right;</li>
 *   <li>any other failure: nothing changed, the state stays as it was.</li>
 * </ul>
 * Audit: EXISTS but not in the store is <b>lost</b>; ABSENT but in the store is <b>unreported</b>
 * (a change the shell reported as failed, or never reported, happened); a name held by two
 * resources of one type (case-insensitive, across groups) is <b>duplicated</b>.
 *
 * <pre>{@code
 * ledger.created("group", "rel-g1"); ledger.deleted("group", "rel-g1");
 * Ledger.Audit a = ledger.audit(store.list(ResourceFilter.subscription(sub), null, 100_000));
 * }</pre>
 */
final class Ledger {
    enum State { EXISTS, ABSENT, UNKNOWN }

    static final String GROUP = "microsoft.resources/resourcegroups";
    static final String STORAGE = "microsoft.storage/storageaccounts";

    /** Audit findings; each list names the resources concerned. */
    record Audit(List<String> lost, List<String> duplicated, List<String> unreported) {
    }

    private final Map<String, State> states = new HashMap<>();
    private final Map<String, String> groupOf = new HashMap<>();

    void created(String type, String name) {
        states.put(key(type, name), State.EXISTS);
    }

    void unknown(String type, String name) {
        states.put(key(type, name), State.UNKNOWN);
    }

    /** A storage account lives in this group (deleting the group deletes it). */
    void inGroup(String storage, String group) {
        groupOf.put(key(STORAGE, storage), group.toLowerCase(Locale.ROOT));
    }

    void deleted(String type, String name) {
        states.put(key(type, name), State.ABSENT);
        if (type.equals(GROUP)) {
            forContents(name, State.ABSENT);
        }
    }

    /** A group delete of unknown outcome: the group and what is in it may be gone. */
    void groupDeleteUnknown(String group) {
        states.put(key(GROUP, group), State.UNKNOWN);
        forContents(group, State.UNKNOWN);
    }

    private void forContents(String group, State state) {
        String g = group.toLowerCase(Locale.ROOT);
        groupOf.forEach((storage, holder) -> {
            if (holder.equals(g) && states.getOrDefault(storage, State.ABSENT) != State.ABSENT) {
                states.put(storage, state);
            }
        });
    }

    State state(String type, String name) {
        return states.getOrDefault(key(type, name), State.ABSENT);
    }

    Audit audit(List<StoredResource> stored) {
        Map<String, Integer> found = new HashMap<>();
        for (StoredResource r : stored) {
            if (r.type().equals(GROUP) || r.type().equals(STORAGE)) {
                found.merge(key(r.type(), r.name()), 1, Integer::sum);
            }
        }
        List<String> lost = new ArrayList<>();
        List<String> unreported = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();
        states.forEach((k, state) -> {
            if (state == State.EXISTS && !found.containsKey(k)) {
                lost.add(k);
            }
        });
        found.forEach((k, n) -> {
            if (n > 1) {
                duplicated.add(k + " x" + n);
            }
            if (states.getOrDefault(k, State.ABSENT) == State.ABSENT) {
                unreported.add(k);
            }
        });
        return new Audit(lost, duplicated, unreported);
    }

    private static String key(String type, String name) {
        return type + "/" + name.toLowerCase(Locale.ROOT);
    }
}
