package dev.amlsh.sandbox.arm;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A parsed ARM request as a provider handler sees it. For
 * {@code POST /subscriptions/s/resourceGroups/g/providers/Microsoft.MachineLearningServices/workspaces/ws1/listKeys}
 * it holds subscription {@code s}, group {@code g}, namespace {@code Microsoft.MachineLearningServices},
 * types {@code [workspaces]}, names {@code [ws1]} and action {@code listKeys}. A GET of a collection
 * ({@code .../workspaces}) has one more type than names.
 *
 * <pre>{@code
 * if (req.isMethod("PUT") && req.types().equals(List.of("storageAccounts"))) {
 *     JsonObject body = req.bodyObject();
 *     String id = req.resourceId(); // /subscriptions/s/resourceGroups/g/providers/Microsoft.Storage/storageAccounts/sa1
 * }
 * }</pre>
 *
 * @param method         HTTP method, upper case
 * @param path           the collapsed path (no query), as sent
 * @param query          decoded query parameters (first value of each)
 * @param headers        request headers, names lower-cased
 * @param body           parsed JSON body, or null
 * @param principal      the caller
 * @param endpoint       the sandbox endpoint the request came to (trailing slash), for URLs in responses
 * @param apiVersion     the {@code api-version} query value
 * @param subscriptionId subscription from the path, or null at tenant scope
 * @param resourceGroup  group from the path (as written in the URL), or null
 * @param scope          everything before the last {@code /providers/}, e.g. a group ID, or "" at the root
 * @param namespace      provider namespace after the last {@code /providers/}, or null
 * @param types          type segments after the namespace
 * @param names          name segments after the namespace
 * @param action         trailing action segment of a POST, or null
 */
public record ArmRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                         JsonElement body, Principal principal, URI endpoint, String apiVersion,
                         String subscriptionId, String resourceGroup, String scope, String namespace,
                         List<String> types, List<String> names, String action) {

    public ArmRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        types = List.copyOf(types);
        names = List.copyOf(names);
    }

    public boolean isMethod(String m) {
        return method.equalsIgnoreCase(m);
    }

    /** A query parameter, or null. */
    public String queryParam(String name) {
        return query.get(name);
    }

    /** A header (case-insensitive name), or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** {@code Namespace/type1/type2}, or null when there is no namespace. */
    public String resourceType() {
        return namespace == null ? null : namespace + (types.isEmpty() ? "" : "/" + String.join("/", types));
    }

    /** The last name segment, or null for a collection. */
    public String name() {
        return names.size() == types.size() && !names.isEmpty() ? names.get(names.size() - 1) : null;
    }

    /** True for a collection request ({@code .../workspaces}). */
    public boolean isCollection() {
        return types.size() == names.size() + 1;
    }

    /** The resource ID the path addresses (the path without a trailing action). */
    public String resourceId() {
        if (action == null) {
            return path;
        }
        return path.substring(0, path.length() - action.length() - 1);
    }

    /** The body as an object; a missing or non-object body is {@code InvalidRequestContent}. */
    public JsonObject bodyObject() {
        if (body == null || !body.isJsonObject()) {
            throw ArmErrors.invalidRequestContent("the request body must be a JSON object");
        }
        return body.getAsJsonObject();
    }
}
