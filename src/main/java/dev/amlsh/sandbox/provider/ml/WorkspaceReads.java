package dev.amlsh.sandbox.provider.ml;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmPaging;
import dev.amlsh.sandbox.arm.ArmRequest;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.store.ResourceFilter;
import dev.amlsh.sandbox.store.SandboxStore;
import dev.amlsh.sandbox.store.StoredResource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * GET of one workspace and the two lists. Lists page with {@code nextLink} carrying {@code $skip}
 * (the spec's "continuation token"): an opaque token after the last key, so a page costs the same
 * at any depth; a plain number there, as in the spec's example, skips that many workspaces.
 */
final class WorkspaceReads {
    private final SandboxStore store;

    WorkspaceReads(SandboxStore store) {
        this.store = store;
    }

    /** The live workspace the request names, or 404 {@code ResourceNotFound} (soft-deleted ones too). */
    JsonObject require(ArmRequest req) {
        String workspace = req.names().get(0);
        return store.get(WorkspaceDocs.id(req.subscriptionId(), req.resourceGroup(), workspace)).map(StoredResource::json)
                .orElseThrow(() -> ArmErrors.resourceNotFound(WorkspaceDocs.TYPE, workspace, req.resourceGroup()));
    }

    ArmResponse list(ArmRequest req) {
        ResourceFilter filter = req.resourceGroup() == null ? ResourceFilter.subscription(req.subscriptionId())
                : ResourceFilter.group(req.subscriptionId(), req.resourceGroup());
        filter = filter.ofType(WorkspaceDocs.TYPE);
        int size = ArmPaging.pageSize(req);
        String after = after(req.queryParam("$skip"), filter);
        List<StoredResource> rows = store.list(filter, after, size + 1);
        JsonArray values = new JsonArray();
        rows.stream().limit(size).forEach(r -> values.add(r.json()));
        JsonObject out = new JsonObject();
        out.add("value", values);
        if (rows.size() > size) {
            out.addProperty("nextLink", nextLink(req, token(rows.get(size - 1).key())));
        }
        return ArmResponse.ok(out);
    }

    private String after(String skip, ResourceFilter filter) {
        if (skip == null || skip.isBlank()) {
            return null;
        }
        if (skip.chars().allMatch(Character::isDigit)) {
            int n;
            try {
                n = Integer.parseInt(skip);
            } catch (NumberFormatException e) {
                throw badSkip(skip);
            }
            if (n == 0) {
                return null;
            }
            List<StoredResource> skipped = store.list(filter, null, n);
            return skipped.size() < n ? "\uffff" : skipped.get(n - 1).key();
        }
        try {
            return new String(Base64.getUrlDecoder().decode(skip.substring(1)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw badSkip(skip);
        }
    }

    private static RuntimeException badSkip(String skip) {
        return ArmErrors.invalidParameter("$skip", "The value '" + skip + "' of '$skip' is not a valid continuation token.");
    }

    private static String token(String key) {
        return "k" + Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String nextLink(ArmRequest req, String token) {
        Map<String, String> q = new TreeMap<>(req.query());
        q.put("$skip", token);
        StringBuilder sb = new StringBuilder(req.endpoint().toString());
        sb.setLength(sb.length() - 1);
        sb.append(req.path()).append('?');
        String sep = "";
        for (Map.Entry<String, String> e : q.entrySet()) {
            sb.append(sep).append(e.getKey()).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
            sep = "&";
        }
        return sb.toString();
    }
}
