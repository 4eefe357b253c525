package dev.amlsh.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.resources.ResourceManager;
import dev.amlsh.session.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One HTTP pipeline per connection, and the SDK managers built on it on first use, per
 * subscription. Every SDK call of amlsh goes through here, to Azure or to the sandbox alike.
 *
 * <pre>{@code
 * ArmClients clients = new ArmClients(session.connection(), debugLog);
 * ResourceManager rm = clients.resources(subscriptionId);
 * }</pre>
 */
public final class ArmClients {
    /** How long to wait between polls of a sandbox operation; the SDK's default is 30 s. */
    private static final Duration SANDBOX_POLL = Duration.ofMillis(25);
    /** Between polls of an Azure operation that sends no Retry-After: the management SDKs' default. */
    private static final Duration AZURE_POLL = Duration.ofSeconds(30);
    private final Connection connection;
    private final HttpPipeline pipeline;
    private final Map<String, Object> managers = new ConcurrentHashMap<>();

    public ArmClients(Connection connection, List<HttpPipelinePolicy> extraPolicies) {
        this.connection = connection;
        this.pipeline = buildPipeline(connection, extraPolicies);
    }

    public Connection connection() {
        return connection;
    }

    public HttpPipeline pipeline() {
        return pipeline;
    }

    public AzureProfile profile(String subscriptionId) {
        String arm = connection.resourceManager().toString();
        AzureEnvironment environment = new AzureEnvironment(Map.of(
                "resourceManagerEndpointUrl", arm,
                "managementEndpointUrl", arm,
                "activeDirectoryEndpointUrl", arm + "adfs/",
                "microsoftGraphResourceId", connection.isSandbox() ? arm : "https://graph.microsoft.com/"));
        return new AzureProfile(connection.tenantId(), subscriptionId, environment);
    }

    /** Raw ARM calls and long-running operations on the same pipeline. */
    public ArmRest rest() {
        return manager("rest", k -> new ArmRest(pipeline, connection.resourceManager(),
                pollInterval()));
    }

    /** Subscriptions and tenants, before a subscription is chosen. */
    public ResourceManager.Authenticated account() {
        return manager("account", k -> ResourceManager.authenticate(pipeline, profile(null)));
    }

    public ResourceManager resources(String subscriptionId) {
        return manager("resources/" + subscriptionId,
                k -> ResourceManager.authenticate(pipeline, profile(subscriptionId)).withSubscription(subscriptionId));
    }

    /**
     * How long this connection waits between polls when the service sends no {@code Retry-After}:
     * 25 ms for the sandbox, the SDK's 30 s for any other cloud. Set per connection (on its
     * {@link ArmRest} and on each SDK manager built here), never JVM-wide.
     */
    public Duration pollInterval() {
        return connection.isSandbox() ? SANDBOX_POLL : AZURE_POLL;
    }

    /**
     * A manager of any SDK module, built once per key; keeps the SDK modules a command does not use
     * unloaded. A fluent SDK manager gets this connection's poll interval.
     */
    @SuppressWarnings("unchecked")
    public <T> T manager(String key, Function<String, T> build) {
        // Not computeIfAbsent: building one manager may build another (a nested update of the map).
        Object existing = managers.get(key);
        if (existing == null) {
            Object built = build.apply(key);
            if (connection.isSandbox()) {
                ManagerPolling.every(SANDBOX_POLL, built);
            }
            existing = managers.putIfAbsent(key, built);
            if (existing == null) {
                existing = built;
            }
        }
        return (T) existing;
    }

    private static HttpPipeline buildPipeline(Connection connection, List<HttpPipelinePolicy> extraPolicies) {
        HttpClient http = dev.amlsh.session.SharedHttp.forTrust(connection.sslContext());
        TokenCredential credential = connection.credential();
        List<HttpPipelinePolicy> policies = new ArrayList<>();
        policies.add(new UserAgentPolicy("amlsh/" + Version.current()));
        policies.add(new RequestIdPolicy());
        policies.add(ArmRetryPolicy.forCloud(connection.isSandbox()));
        policies.add(new BearerTokenAuthenticationPolicy(credential, "https://management.azure.com/.default"));
        policies.addAll(extraPolicies);
        if (connection.isSandbox()) {
            policies.add(new SandboxPollPolicy());
        }
        return new HttpPipelineBuilder().httpClient(http).policies(policies.toArray(HttpPipelinePolicy[]::new)).build();
    }
}
