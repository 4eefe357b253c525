package dev.amlsh.sandbox.provider.ml;

import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.Json;
import dev.amlsh.sandbox.store.SandboxStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Soft-deleted workspaces: kept in the key-value table (not as tracked resources, so they are
 * neither listed nor removed by a group delete) until purged. Their names stay reserved in their
 * group, compared case-insensitively.
 */
final class SoftDeleted {
    static final String SPACE = "ml.workspace.deleted";
    /** The service's default retention. */
    private static final Duration RETENTION = Duration.ofDays(14);

    private final SandboxStore store;

    SoftDeleted(SandboxStore store) {
        this.store = store;
    }

    void record(JsonObject workspace, Instant now) {
        JsonObject r = new JsonObject();
        r.add("workspace", workspace);
        r.addProperty("deletionTime", WorkspaceDocs.timestamp(now));
        r.addProperty("scheduledPurgeDate", WorkspaceDocs.timestamp(now.plus(RETENTION)));
        store.putValue(SPACE, key(Json.string(workspace, "id")), Json.GSON.toJson(r));
    }

    Optional<JsonObject> find(String workspaceId) {
        return store.getValue(SPACE, key(workspaceId)).map(Json::parseObject);
    }

    boolean purge(String workspaceId) {
        return store.deleteValue(SPACE, key(workspaceId));
    }

    private static String key(String workspaceId) {
        return WorkspaceDocs.lower(workspaceId);
    }
}
