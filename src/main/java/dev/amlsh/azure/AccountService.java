package dev.amlsh.azure;

import com.azure.resourcemanager.resources.models.Subscription;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.amlsh.session.Identity;
import dev.amlsh.session.Session;
import dev.amlsh.session.SessionState;
import dev.amlsh.session.SubscriptionInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Sign-in and subscriptions: what {@code login}, {@code logout} and {@code account} do.
 *
 * <pre>{@code
 * JsonArray subs = azure.account().signInToSandbox();
 * }</pre>
 */
public final class AccountService {
    private final Azure azure;

    AccountService(Azure azure) {
        this.azure = azure;
    }

    /** Signs in to the sandbox as its default user and returns the subscriptions, as {@code az login} does. */
    public JsonArray signInToSandbox() {
        Session session = azure.session();
        if (!session.cloud().isSandbox()) {
            session.update(session.state().withCloud(dev.amlsh.session.Cloud.SANDBOX));
        }
        String user = session.sandboxIdentity().userName();
        List<SubscriptionInfo> subscriptions = new ArrayList<>();
        try {
            for (Subscription s : azure.clients().account().subscriptions().list()) {
                subscriptions.add(new SubscriptionInfo(s.subscriptionId(), s.displayName(),
                        s.innerModel().tenantId() == null ? session.connection().tenantId() : s.innerModel().tenantId(),
                        s.state() == null ? "Enabled" : s.state().toString()));
            }
        } catch (RuntimeException e) {
            throw ArmErrors.translate(e);
        }
        SessionState before = session.state();
        String current = subscriptions.stream()
                .filter(s -> s.id().equalsIgnoreCase(String.valueOf(before.subscriptionId()))).findFirst()
                .or(() -> subscriptions.stream().filter(s -> "Enabled".equalsIgnoreCase(s.state())).findFirst())
                .map(SubscriptionInfo::id).orElse(null);
        session.update(before.signedIn(new Identity(user, "user"), session.connection().tenantId(), subscriptions, current));
        return list();
    }

    public void signOut() {
        Session session = azure.session();
        SessionState s = session.state();
        session.update(new SessionState(s.cloud(), null, null, List.of(), null, s.defaults()));
    }

    public JsonArray list() {
        SessionState state = requireSignedIn();
        JsonArray out = new JsonArray();
        state.subscriptions().forEach(s -> out.add(shape(state, s)));
        return out;
    }

    public JsonObject show(String nameOrId) {
        SessionState state = requireSignedIn();
        return shape(state, Azure.find(state, azure.subscriptionId(nameOrId)));
    }

    public JsonObject select(String nameOrId) {
        SessionState state = requireSignedIn();
        SubscriptionInfo chosen = Azure.find(state, nameOrId);
        azure.session().update(state.withSubscription(chosen.id()));
        return shape(azure.session().state(), chosen);
    }

    public JsonArray locations(String subscription) {
        String id = azure.subscriptionId(subscription);
        JsonArray out = new JsonArray();
        azure.clients().rest().list("/subscriptions/" + id + "/locations", "2022-12-01")
                .forEach(l -> out.add(AzJson.sorted(l)));
        return out;
    }

    private SessionState requireSignedIn() {
        SessionState state = azure.session().state();
        if (!state.signedIn()) {
            throw AmlshException.usage("You are not signed in.", "Sign in with 'login' (or 'login --sandbox').");
        }
        return state;
    }

    /** The object {@code az account show} prints. */
    private static JsonObject shape(SessionState state, SubscriptionInfo s) {
        JsonObject out = new JsonObject();
        out.addProperty("environmentName", state.cloud());
        out.addProperty("homeTenantId", s.tenantId());
        out.addProperty("id", s.id());
        out.addProperty("isDefault", s.id().equalsIgnoreCase(String.valueOf(state.subscriptionId())));
        out.add("managedByTenants", new JsonArray());
        out.addProperty("name", s.name());
        out.addProperty("state", s.state());
        out.addProperty("tenantId", s.tenantId());
        JsonObject user = new JsonObject();
        user.addProperty("name", state.identity().name());
        user.addProperty("type", state.identity().type());
        out.add("user", user);
        return out;
    }
}
