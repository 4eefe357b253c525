package dev.amlsh.azure;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.core.util.Context;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.amlsh.session.Connection;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The little of Microsoft Graph v1.0 that role assignments need: a user principal name or an
 * application ID to an object ID, and object IDs back to names. It has its own pipeline because
 * Graph takes a token for Graph, not for Resource Manager. The sandbox serves the same paths under
 * {@code /graph}.
 */
final class GraphClient {
    /** A user, service principal or group: its object ID, its RBAC principal type, and the name az shows for it. */
    record DirectoryObject(String id, String principalType, String name) {
    }

    private static final Map<String, String> ENDPOINTS = Map.of(
            "AzureCloud", "https://graph.microsoft.com/",
            "AzureChinaCloud", "https://microsoftgraph.chinacloudapi.cn/",
            "AzureUSGovernment", "https://graph.microsoft.us/");

    private final HttpPipeline pipeline;
    private final String endpoint;

    GraphClient(Connection connection) {
        this.endpoint = endpoint(connection);
        java.net.http.HttpClient.Builder jdk = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1);
        if (connection.sslContext() != null) {
            jdk.sslContext(connection.sslContext());
        }
        HttpClient http = new JdkHttpClientBuilder(jdk).connectionTimeout(Duration.ofSeconds(10)).build();
        this.pipeline = new HttpPipelineBuilder().httpClient(http).policies(new UserAgentPolicy("amlsh/" + Version.current()),
                new RequestIdPolicy(), new RetryPolicy(),
                new BearerTokenAuthenticationPolicy(connection.credential(), endpoint + ".default")).build();
    }

    /** The Microsoft Graph endpoint of the connection's cloud (the sandbox serves its own under {@code /graph/}). */
    static String endpoint(Connection connection) {
        return connection.isSandbox() ? connection.resourceManager() + "graph/"
                : ENDPOINTS.getOrDefault(connection.cloud().name(), "https://graph.microsoft.com/");
    }

    /**
     * The ARM profile with the Graph endpoint added: the SDK's {@code AuthorizationManager} will not
     * build without one (amlsh itself talks to Graph through this class only).
     */
    static AzureProfile withGraph(AzureProfile profile, Connection connection) {
        Map<String, String> endpoints = new java.util.HashMap<>(profile.getEnvironment().getEndpoints());
        endpoints.put("microsoftGraphResourceId", endpoint(connection));
        return new AzureProfile(profile.getTenantId(), profile.getSubscriptionId(), new AzureEnvironment(endpoints));
    }

    /** A user by user principal name or object ID. */
    Optional<DirectoryObject> user(String upnOrId) {
        return get("v1.0/users/" + encode(upnOrId)).map(GraphClient::toObject);
    }

    /** A service principal by its application (client) ID. */
    Optional<DirectoryObject> servicePrincipalByAppId(String appId) {
        return get("v1.0/servicePrincipals(appId='" + encode(appId.replace("'", "''")) + "')").map(GraphClient::toObject);
    }

    /** Users, groups and service principals by object ID; unknown IDs are left out. */
    Map<String, DirectoryObject> byIds(Collection<String> ids) {
        Map<String, DirectoryObject> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        JsonObject body = new JsonObject();
        JsonArray list = new JsonArray();
        ids.forEach(list::add);
        body.add("ids", list);
        JsonArray types = new JsonArray();
        types.add("user");
        types.add("group");
        types.add("servicePrincipal");
        body.add("types", types);
        HttpResponse r = send(HttpMethod.POST, "v1.0/directoryObjects/getByIds", body);
        JsonElement value = JsonParser.parseString(r.getBodyAsBinaryData().toString()).getAsJsonObject().get("value");
        if (value != null && value.isJsonArray()) {
            for (JsonElement e : value.getAsJsonArray()) {
                DirectoryObject o = toObject(e.getAsJsonObject());
                out.put(o.id().toLowerCase(java.util.Locale.ROOT), o);
            }
        }
        return out;
    }

    private Optional<JsonObject> get(String path) {
        HttpResponse r = send(HttpMethod.GET, path, null);
        if (r.getStatusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(JsonParser.parseString(r.getBodyAsBinaryData().toString()).getAsJsonObject());
    }

    private HttpResponse send(HttpMethod method, String path, JsonElement body) {
        HttpRequest request = new HttpRequest(method, endpoint + path);
        request.setHeader(HttpHeaderName.ACCEPT, "application/json");
        if (body != null) {
            request.setHeader(HttpHeaderName.CONTENT_TYPE, "application/json");
            request.setBody(body.toString());
        }
        HttpResponse response = pipeline.sendSync(request, Context.NONE).buffer();
        if (response.getStatusCode() >= 400 && response.getStatusCode() != 404) {
            throw ArmRest.toException(response, response.getBodyAsBinaryData());
        }
        return response;
    }

    /** The name {@code az role assignment list} shows: a user's UPN, a service principal's first name (its app ID), a group's display name. */
    private static DirectoryObject toObject(JsonObject o) {
        String odata = o.has("@odata.type") ? o.get("@odata.type").getAsString() : "";
        String id = o.get("id").getAsString();
        if (odata.endsWith("servicePrincipal") || o.has("servicePrincipalNames")) {
            JsonArray names = o.getAsJsonArray("servicePrincipalNames");
            String name = names != null && names.size() > 0 ? names.get(0).getAsString() : string(o, "appId");
            return new DirectoryObject(id, "ServicePrincipal", name);
        }
        if (odata.endsWith("group")) {
            return new DirectoryObject(id, "Group", string(o, "displayName"));
        }
        return new DirectoryObject(id, "User", string(o, "userPrincipalName"));
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
