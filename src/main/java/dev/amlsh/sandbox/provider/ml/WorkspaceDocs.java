package dev.amlsh.sandbox.provider.ml;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.Json;
import dev.amlsh.sandbox.arm.Principal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Names, IDs and small JSON helpers of the workspace documents. */
final class WorkspaceDocs {
    static final String NAMESPACE = "Microsoft.MachineLearningServices";
    static final String TYPE = NAMESPACE + "/workspaces";
    static final String SUCCEEDED = "Succeeded";
    static final String CREATING = "Creating";
    static final String DELETING = "Deleting";
    /** ARM timestamps carry seven fraction digits, e.g. {@code 2019-08-30T20:24:19.6984254Z}. */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private WorkspaceDocs() {
    }

    static String id(String subscriptionId, String group, String name) {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + group + "/providers/" + TYPE + "/" + name;
    }

    static String timestamp(Instant t) {
        return STAMP.format(t);
    }

    static JsonObject properties(JsonObject doc) {
        JsonObject p = doc.getAsJsonObject("properties");
        if (p == null) {
            p = new JsonObject();
            doc.add("properties", p);
        }
        return p;
    }

    static String state(JsonObject doc) {
        return Json.string(properties(doc), "provisioningState");
    }

    static void setState(JsonObject doc, String state) {
        properties(doc).addProperty("provisioningState", state);
    }

    /** True for a customer-managed-key workspace (always purged, never soft-deleted). */
    static boolean isCmk(JsonObject doc) {
        JsonObject enc = object(properties(doc), "encryption");
        return enc != null && "Enabled".equalsIgnoreCase(Json.string(enc, "status"));
    }

    /** An object member, or null; anything else there is {@code InvalidRequestContent}. */
    static JsonObject object(JsonObject o, String member) {
        JsonElement e = o == null ? null : o.get(member);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonObject()) {
            throw ArmErrors.invalidRequestContent("'" + member + "' must be an object");
        }
        return e.getAsJsonObject();
    }

    /** A boolean member, or {@code fallback} when absent; a non-boolean is {@code InvalidRequestContent}. */
    static boolean bool(JsonObject o, String member, boolean fallback) {
        JsonElement e = o == null ? null : o.get(member);
        if (e == null || e.isJsonNull()) {
            return fallback;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw ArmErrors.invalidRequestContent("'" + member + "' must be true or false");
        }
        return e.getAsBoolean();
    }

    /** The {@code systemData} of a new resource, or {@code existing} with its last-modified part refreshed. */
    static JsonObject systemData(JsonObject existing, Principal who, Instant now) {
        JsonObject s = existing == null ? new JsonObject() : existing.deepCopy();
        String by = who.userPrincipalName() != null ? who.userPrincipalName() : who.appId();
        String type = "User".equalsIgnoreCase(who.type()) ? "User" : "Application";
        if (existing == null) {
            s.addProperty("createdBy", by);
            s.addProperty("createdByType", type);
            s.addProperty("createdAt", timestamp(now));
        }
        s.addProperty("lastModifiedBy", by);
        s.addProperty("lastModifiedByType", type);
        s.addProperty("lastModifiedAt", timestamp(now));
        return s;
    }

    static void touch(JsonObject doc, Principal who, Instant now) {
        doc.add("systemData", systemData(object(doc, "systemData"), who, now));
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
