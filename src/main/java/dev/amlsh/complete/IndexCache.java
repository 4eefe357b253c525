package dev.amlsh.complete;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.amlsh.session.AmlshHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The index on disk ({@code $AMLSH_HOME/cache/index.json}): the shell writes it after each
 * refresh and change, so one-shot {@code amlsh --complete} answers at once from it. It holds
 * names and IDs only, never secrets. A file that cannot be read is ignored.
 *
 * <pre>{@code
 * IndexCache.load(home.cache().resolve("index.json"), index);
 * }</pre>
 */
public final class IndexCache {
    private static final int VERSION = 1;

    private IndexCache() {
    }

    /** Loads the file into the index, keeping each subscription's fill time; false when there was none. */
    public static boolean load(Path file, ResourceIndex index) {
        try {
            if (!Files.isRegularFile(file)) {
                return false;
            }
            JsonObject root = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
            if (root.get("version").getAsInt() != VERSION) {
                return false;
            }
            index.users(strings(root.getAsJsonArray("users")));
            for (Map.Entry<String, JsonElement> e : root.getAsJsonObject("subscriptions").entrySet()) {
                JsonObject s = e.getValue().getAsJsonObject();
                List<IndexedResource> resources = new ArrayList<>();
                for (String id : strings(s.getAsJsonArray("resources"))) {
                    IndexedResource r = IndexedResource.parse(id);
                    if (r != null) {
                        resources.add(r);
                    }
                }
                IndexSource.Inventory inv = new IndexSource.Inventory(strings(s.getAsJsonArray("groups")),
                        strings(s.getAsJsonArray("locations")), resources);
                index.load(e.getKey(), SubscriptionIndex.of(inv, Instant.parse(s.get("filledAt").getAsString())));
            }
            index.takeChanged();
            return true;
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }

    /** Writes the index (atomically, owner-only). */
    public static void save(Path file, ResourceIndex index) throws IOException {
        JsonObject root = new JsonObject();
        root.addProperty("version", VERSION);
        JsonArray users = new JsonArray();
        index.users().forEach(users::add);
        root.add("users", users);
        JsonObject subs = new JsonObject();
        for (Map.Entry<String, SubscriptionIndex> e : index.snapshot().entrySet()) {
            SubscriptionIndex s = e.getValue();
            JsonObject o = new JsonObject();
            o.addProperty("filledAt", (s.dirty ? Instant.EPOCH : s.filledAt).toString());
            o.add("groups", array(s.groups.values()));
            o.add("locations", array(s.locations));
            o.add("resources", array(s.resources.values().stream().map(IndexedResource::id).toList()));
            subs.add(e.getKey(), o);
        }
        root.add("subscriptions", subs);
        AmlshHome.writeAtomically(file, root.toString());
    }

    private static JsonArray array(java.util.Collection<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    private static List<String> strings(JsonArray a) {
        List<String> out = new ArrayList<>();
        if (a != null) {
            a.forEach(e -> out.add(e.getAsString()));
        }
        return out;
    }
}
