package dev.amlsh.sandbox.provider;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmResponse;
import java.util.List;

/**
 * Answers in the shape of the api-version asked: a provider's documents carry every key of the newest
 * shape, and a request at an older version gets them without the keys that version does not have.
 * One line per key: the type, the key ({@code etag} at the top, {@code properties.x} below), and the
 * first stable version that has it. Stable versions are compared by their date; previews answer in
 * the newest shape (they carried most keys before the stable version that has them).
 *
 * <pre>{@code
 * ArmResponse shaped = VersionShapes.apply("2023-10-01", handler.handle(req)); // a workspace without softDeleteEnabled ...
 * }</pre>
 */
public final class VersionShapes {
    /** A key the type's documents carry from version {@code since} on. */
    record Introduced(String type, String key, String since) {
    }

    private static final String ML = "Microsoft.MachineLearningServices/workspaces";
    private static final List<Introduced> TABLE = List.of(
            // the 2024-04-01 spec's WorkspaceProperties adds them; 2023-10-01's has none of them
            new Introduced(ML, "properties.serverlessComputeSettings", "2024-04-01"),
            new Introduced(ML, "properties.enableDataIsolation", "2024-04-01"),
            new Introduced(ML, "properties.featureStoreSettings", "2024-04-01"),
            new Introduced(ML, "properties.associatedWorkspaces", "2024-04-01"),
            new Introduced(ML, "properties.hubResourceId", "2024-04-01"),
            new Introduced(ML, "properties.workspaceHubConfig", "2024-04-01"),
            // Azure's 2024-04-01 answers carry them (Az.MachineLearningServices recordings); no older spec has them
            new Introduced(ML, "etag", "2024-04-01"),
            new Introduced(ML, "properties.creationTime", "2024-04-01"),
            new Introduced(ML, "properties.softDeleteEnabled", "2024-04-01"),
            new Introduced(ML, "properties.networkAcls", "2024-04-01"),
            new Introduced(ML, "properties.ipAllowlist", "2024-04-01"),
            // hierarchical namespace: in the 2018-07-01 spec's StorageAccountProperties, not in 2018-02-01's
            new Introduced("Microsoft.Storage/storageAccounts", "properties.isHnsEnabled", "2018-07-01"));

    private VersionShapes() {
    }

    /** The response with the keys its version does not have left out of each resource (one, or a list's {@code value}). */
    public static ArmResponse apply(String apiVersion, ArmResponse response) {
        JsonElement body = response.body();
        if (body == null || !body.isJsonObject() || apiVersion == null || !anyOlder(apiVersion)) {
            return response;
        }
        JsonObject copy = body.getAsJsonObject().deepCopy();
        boolean changed = shape(copy, apiVersion);
        if (copy.has("value") && copy.get("value").isJsonArray()) {
            for (JsonElement e : copy.getAsJsonArray("value")) {
                changed |= e.isJsonObject() && shape(e.getAsJsonObject(), apiVersion);
            }
        }
        return changed ? new ArmResponse(response.status(), copy, response.headers()) : response;
    }

    private static boolean anyOlder(String apiVersion) {
        return TABLE.stream().anyMatch(i -> older(apiVersion, i.since()));
    }

    private static boolean older(String apiVersion, String since) {
        return apiVersion.length() == 10 && apiVersion.compareTo(since) < 0;
    }

    private static boolean shape(JsonObject resource, String apiVersion) {
        JsonElement type = resource.get("type");
        if (type == null || !type.isJsonPrimitive()) {
            return false;
        }
        boolean changed = false;
        for (Introduced i : TABLE) {
            if (i.type().equalsIgnoreCase(type.getAsString()) && older(apiVersion, i.since())) {
                changed |= remove(resource, i.key());
            }
        }
        return changed;
    }

    private static boolean remove(JsonObject resource, String key) {
        int dot = key.indexOf('.');
        if (dot < 0) {
            return resource.remove(key) != null;
        }
        JsonElement inner = resource.get(key.substring(0, dot));
        return inner != null && inner.isJsonObject() && remove(inner.getAsJsonObject(), key.substring(dot + 1));
    }
}
