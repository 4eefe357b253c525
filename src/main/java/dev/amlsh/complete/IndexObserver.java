package dev.amlsh.complete;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.amlsh.command.CommandListener;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps the index in step with what the shell itself does, from any command, with no code per
 * command: a result that carries resource IDs adds them; a {@code delete} drops what its
 * {@code --ids} or {@code -n}/{@code -w} and {@code -g} name; {@code group delete} drops the group and
 * everything in it; signing in, switching or resetting clouds marks everything stale.
 *
 * <pre>{@code
 * dispatcher.addListener(new IndexObserver(index));
 * }</pre>
 */
public final class IndexObserver implements CommandListener {
    private static final Set<String> SESSION_COMMANDS = Set.of("login", "logout", "sandbox", "cloud");
    /** Command groups that abbreviate their namespace, as the Azure CLI names them. */
    private static final java.util.Map<String, String> ABBREVIATIONS = java.util.Map.of("containerregistry", "acr");
    private final ResourceIndex index;

    public IndexObserver(ResourceIndex index) {
        this.index = index;
    }

    @Override
    public void succeeded(Event e) {
        List<String> path = e.path();
        if (path.isEmpty()) {
            return;
        }
        if (SESSION_COMMANDS.contains(path.get(0))) {
            if (path.equals(List.of("sandbox", "reset")) || path.get(0).equals("login") || path.get(0).equals("logout")) {
                index.clear();
            }
            index.invalidate(null);
            return;
        }
        String verb = path.get(path.size() - 1);
        if (verb.equals("delete") || verb.equals("purge")) {
            deleted(e, path);
            return;
        }
        learn(e.result(), 0);
    }

    private void deleted(Event e, List<String> path) {
        String sub = e.subscriptionId();
        if (path.equals(List.of("group", "delete"))) {
            String group = e.option("-n", "--name", "-g", "--resource-group");
            if (sub != null && group != null) {
                index.removeGroup(sub, group);
            }
            return;
        }
        List<String> ids = e.options().getOrDefault("--ids", List.of());
        for (String id : ids) {
            IndexedResource r = IndexedResource.parse(id);
            if (r != null) {
                index.remove(r);
            }
        }
        String name = e.option("-n", "--name", "-w", "--workspace-name");
        String group = e.option("-g", "--resource-group");
        group = group != null ? group : e.currentGroup();
        if (!ids.isEmpty() || sub == null || name == null || group == null) {
            return;
        }
        Collection<IndexedResource> named = new ArrayList<>(index.inGroup(sub, group, null).stream()
                .filter(r -> r.name().equalsIgnoreCase(name)).toList());
        List<IndexedResource> matching = named.stream().filter(r -> typeMatches(r.type(), path)).toList();
        // Without a clear match, forget every resource of that name there: a refresh soon brings back
        // the ones that still exist, while a deleted one must never be offered again.
        for (IndexedResource r : matching.size() == 1 ? matching : named) {
            index.remove(r);
        }
        if (matching.size() != 1 && !named.isEmpty()) {
            index.invalidate(sub);
        }
    }

    /** True when the command's words name the type: {@code storage account} for storageAccounts, {@code keyvault} for vaults. */
    static boolean typeMatches(String type, List<String> path) {
        String words = String.join("", path.subList(0, path.size() - 1)).replace("-", "").toLowerCase(Locale.ROOT);
        String lower = type.toLowerCase(Locale.ROOT);
        String namespace = lower.substring(0, lower.indexOf('/')).replace("microsoft.", "");
        String last = lower.substring(lower.indexOf('/') + 1);
        String singular = last.endsWith("ies") ? last.substring(0, last.length() - 3) + "y"
                : last.endsWith("s") ? last.substring(0, last.length() - 1) : last;
        return words.endsWith(singular) || words.contains(namespace) || words.equals(ABBREVIATIONS.get(namespace));
    }

    /** Adds every resource ID found at the top of the result (or of each item of a list). */
    private void learn(JsonElement result, int depth) {
        if (result == null || result.isJsonNull() || depth > 1) {
            return;
        }
        if (result.isJsonArray()) {
            JsonArray items = result.getAsJsonArray();
            for (JsonElement item : items) {
                learn(item, depth + 1);
            }
            return;
        }
        if (!result.isJsonObject()) {
            return;
        }
        JsonObject o = result.getAsJsonObject();
        for (var entry : o.entrySet()) {
            JsonElement v = entry.getValue();
            if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isString() && v.getAsString().startsWith("/subscriptions/")) {
                learnId(v.getAsString(), entry.getKey().equals("id") ? o : null);
            }
        }
    }

    private void learnId(String id, JsonObject self) {
        IndexedResource r = IndexedResource.parse(id);
        if (r != null) {
            String type = self != null && self.has("type") && self.get("type").isJsonPrimitive()
                    && self.get("type").getAsString().contains("/") ? self.get("type").getAsString() : r.type();
            if (self != null) {
                index.put(new IndexedResource(r.subscriptionId(), r.group(), type, r.name()));
            } else {
                // A dependent resource named in lower case (as the workspace JSON has them): a refresh gets its casing.
                index.putIfAbsent(r);
                index.invalidate(r.subscriptionId());
            }
            return;
        }
        String[] s = id.replaceAll("^/+|/+$", "").split("/+");
        if (s.length == 4 && s[2].equalsIgnoreCase("resourceGroups")) {
            index.putGroup(s[1], s[3]);
        }
    }
}
