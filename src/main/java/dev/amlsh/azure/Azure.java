package dev.amlsh.azure;

import dev.amlsh.core.AmlshException;

import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.resourcemanager.resources.ResourceManager;
import dev.amlsh.session.Connection;
import dev.amlsh.session.Session;
import dev.amlsh.session.SessionState;
import dev.amlsh.session.SubscriptionInfo;
import java.util.List;
import java.util.Locale;

/**
 * The one entry to the cloud for every command of a session: account, groups, providers and,
 * through them, the SDK clients, built on first use and rebuilt when the cloud changes.
 *
 * <pre>{@code
 * Azure azure = new Azure(session, List.of());
 * azure.groups(null).create("rg1", "eastus", Map.of());
 * }</pre>
 */
public final class Azure {
    private final Session session;
    private final List<HttpPipelinePolicy> extraPolicies;
    private ArmClients clients;

    public Azure(Session session, List<HttpPipelinePolicy> extraPolicies) {
        this.session = session;
        this.extraPolicies = List.copyOf(extraPolicies);
    }

    public Session session() {
        return session;
    }

    /** The SDK clients of the active connection. */
    public synchronized ArmClients clients() {
        Connection connection = session.connection();
        if (clients == null || clients.connection() != connection) {
            clients = new ArmClients(connection, extraPolicies);
        }
        return clients;
    }

    public AccountService account() {
        return new AccountService(this);
    }

    /** Resource groups of the subscription named by {@code subscription} (name or ID), else the current one. */
    public ResourceGroupService groups(String subscription) {
        String id = subscriptionId(subscription);
        return new ResourceGroupService(() -> clients().rest(), id);
    }

    public ProviderService providers(String subscription) {
        String id = subscriptionId(subscription);
        return new ProviderService(clients().rest(), id);
    }

    public NetworkService networks(String subscription) {
        String id = subscriptionId(subscription);
        return new NetworkService(clients().rest(), id);
    }

    /** The session's workspace manager for a subscription (name or ID; null = the current one). */
    public synchronized dev.amlsh.azure.ml.WorkspaceManager workspaces(String subscription) {
        String id = subscriptionId(subscription);
        ArmClients c = clients();
        return c.manager("workspaces/" + id, k -> new dev.amlsh.azure.ml.WorkspaceManager(
                new dev.amlsh.azure.ml.WorkspaceManager.Parts(id, new dev.amlsh.azure.ml.WorkspaceClient(c.rest()), c.rest(),
                        new ResourceGroupService(() -> clients().rest(), id),
                        new ServiceDependencies(this, id),
                        (scope, user, role) -> roles(id).assign(scope, user, role))));
    }

    /** Storage accounts of the subscription named by {@code subscription} (name or ID), else the current one. */
    public StorageAccountService storageAccounts(String subscription) {
        String id = subscriptionId(subscription);
        ArmClients c = clients();
        return new StorageAccountService(() -> c.manager("storage/" + id,
                k -> com.azure.resourcemanager.storage.StorageManager.authenticate(c.pipeline(), c.profile(id))), c.rest(), id);
    }

    /** Key vaults of the subscription named by {@code subscription} (name or ID), else the current one. */
    public KeyVaultService keyVaults(String subscription) {
        String id = subscriptionId(subscription);
        ArmClients c = clients();
        return new KeyVaultService(() -> c.manager("keyvault/" + id,
                k -> com.azure.resourcemanager.keyvault.KeyVaultManager.authenticate(c.pipeline(), c.profile(id))), c.rest(), id,
                c.connection().tenantId(), () -> c.connection().credential().getTokenSync(KeyVaultService.armScope()));
    }

    /** Application Insights components of the subscription named by {@code subscription}, else the current one. */
    public AppInsightsService appInsights(String subscription) {
        String id = subscriptionId(subscription);
        return new AppInsightsService(() -> clients().manager("appinsights/" + id,
                k -> com.azure.resourcemanager.applicationinsights.ApplicationInsightsManager.authenticate(clients().pipeline(),
                        clients().profile(id))), clients().rest(), id, groups(id));
    }

    /** Container registries of the subscription named by {@code subscription}, else the current one. */
    public ContainerRegistryService registries(String subscription) {
        String id = subscriptionId(subscription);
        return new ContainerRegistryService(() -> clients().manager("containerregistry/" + id,
                k -> com.azure.resourcemanager.containerregistry.ContainerRegistryManager.authenticate(clients().pipeline(),
                        clients().profile(id))), clients().rest(), id, groups(id));
    }

    /** Role assignments and definitions of the subscription named by {@code subscription} (name or ID), else the current one. */
    public RoleService roles(String subscription) {
        String id = subscriptionId(subscription);
        return new RoleService(clients().rest(), () -> clients().manager("authorization/" + id,
                k -> com.azure.resourcemanager.authorization.AuthorizationManager.authenticate(clients().pipeline(),
                        GraphClient.withGraph(clients().profile(id), clients().connection()))),
                () -> clients().manager("graph", k -> new GraphClient(clients().connection())), id);
    }

    /** What exists, for the completion index (a paged listing per subscription). */
    public InventoryService inventory() {
        return new InventoryService(this);
    }

    ResourceManager resources(String subscriptionId) {
        return clients().resources(subscriptionId);
    }

    /** Resolves a subscription name or ID among those of the sign-in; null means the current one. */
    public String subscriptionId(String nameOrId) {
        SessionState state = session.state();
        if (!state.signedIn()) {
            throw AmlshException.usage("You are not signed in.", "Sign in with 'login' (or 'login --sandbox').");
        }
        if (nameOrId == null || nameOrId.isBlank()) {
            if (state.subscriptionId() == null) {
                throw AmlshException.usage("No subscription is selected.", "Pick one with 'account set -s <name or ID>'.");
            }
            return state.subscriptionId();
        }
        return find(state, nameOrId).id();
    }

    static SubscriptionInfo find(SessionState state, String nameOrId) {
        String wanted = nameOrId.trim().toLowerCase(Locale.ROOT);
        return state.subscriptions().stream()
                .filter(s -> s.id().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst()
                .or(() -> state.subscriptions().stream()
                        .filter(s -> s.name().toLowerCase(Locale.ROOT).equals(wanted)).findFirst())
                .orElseThrow(() -> AmlshException.notFound("Subscription '" + nameOrId + "' not found.",
                        "See the subscriptions you can use with 'account list'."));
    }
}
