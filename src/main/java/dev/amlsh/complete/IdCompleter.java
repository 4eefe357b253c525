package dev.amlsh.complete;

import dev.amlsh.session.SubscriptionInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Completes a full resource ID one segment at a time: {@code /subscriptions/}, a subscription,
 * {@code resourceGroups/}, a group, then the IDs of the resources there of the wanted type (the
 * shell inserts their common part, {@code providers/Microsoft.Storage/storageAccounts/}, and lists
 * the names). Segments already typed are kept as typed.
 *
 * <pre>{@code
 * idCompleter.complete("/subscriptions/", "Microsoft.Storage/storageAccounts", scope);
 * // [/subscriptions/0b1f.../ (Sandbox), /subscriptions/6c2e.../ (Sandbox Unregistered)]
 * }</pre>
 */
final class IdCompleter {
    private static final String ROOT = "/subscriptions/";
    private final ResourceIndex index;

    IdCompleter(ResourceIndex index) {
        this.index = index;
    }

    List<Candidate> complete(String partial, String type, Scope scope) {
        List<Candidate> out = new ArrayList<>();
        if (partial.length() < ROOT.length() || !partial.regionMatches(true, 0, ROOT, 0, ROOT.length())) {
            out.add(new Candidate(ROOT, ROOT, null, false));
            if (scope.subscriptionId() != null && scope.group() != null) {
                resources(out, ROOT + scope.subscriptionId() + "/resourceGroups/" + scope.group(), scope.subscriptionId(),
                        scope.group(), type);
            }
            return out;
        }
        String[] seg = partial.substring(1).split("/", -1);
        int done = seg.length - 1;
        String typed = partial.substring(0, partial.lastIndexOf('/') + 1);
        switch (done) {
            case 1 -> {
                for (SubscriptionInfo s : scope.subscriptions()) {
                    out.add(new Candidate(typed + s.id() + "/", s.id(), s.name(), false));
                }
            }
            case 2 -> out.add(new Candidate(typed + "resourceGroups/", "resourceGroups/", null, false));
            case 3 -> {
                for (String g : index.groups(seg[1])) {
                    out.add(new Candidate(typed + g + "/", g, null, false));
                }
            }
            default -> resources(out, ROOT + seg[1] + "/" + seg[2] + "/" + seg[3], seg[1], seg[3], type);
        }
        return out;
    }

    /** Full IDs of the resources of a group, written after the typed {@code /subscriptions/s/resourceGroups/g}. */
    private void resources(List<Candidate> out, String groupPart, String subscription, String group, String type) {
        String prefix = groupPart + "/providers/";
        for (IndexedResource r : index.inGroup(subscription, group, type)) {
            String tail = r.type() + "/" + r.name();
            out.add(new Candidate(prefix + tail, tail, null, true));
        }
    }
}
