package dev.amlsh.azure;

import dev.amlsh.core.AmlshException;

import com.azure.resourcemanager.resources.models.Subscription;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.amlsh.session.Connection;
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
 * JsonArray subs = azure.account().signIn(new Identity(null, "user", null, Identity.SANDBOX), null, null, m -> { });
 * }</pre>
 */
public final class AccountService {
    private final Azure azure;

    AccountService(Azure azure) {
        this.azure = azure;
    }

    /**
     * Signs in as {@code who} (trying the credential by listing the subscriptions it can see) and
     * makes it the session's sign-in; returns the subscriptions.
     *
     * @param secret a client secret or certificate path, kept in memory only
     * @param prompt where an interactive sign-in shows its instructions
     */
    public JsonArray signIn(Identity who, String secret, String tenant, java.util.function.Consumer<String> prompt) {
        Session session = azure.session();
        if (Identity.SANDBOX.equals(who.method()) && !session.cloud().isSandbox()) {
            session.update(session.state().withCloud(dev.amlsh.session.Cloud.SANDBOX));
        }
        Identity named = who;
        if (Identity.SANDBOX.equals(who.method())) {
            var seeded = dev.amlsh.session.Credentials.seeded(who.name());
            boolean app = seeded.userName().equals(dev.amlsh.sandbox.contract.Seed.CI_APP_NAME);
            named = new Identity(app ? seeded.clientId() : seeded.userName(), app ? "servicePrincipal" : "user",
                    seeded.clientId(), Identity.SANDBOX);
        }
        Connection tried = session.connectionFor(named, secret, tenant, prompt);
        List<SubscriptionInfo> subscriptions = new ArrayList<>();
        try {
            // A token first: a refused or unreachable authority fails here, once, without ARM's retries.
            String shown = TokenClaims.displayName(tried.credential());
            if (named.name() == null) {
                named = new Identity(shown, named.type(), named.clientId(), named.method());
            }
            ArmClients clients = new ArmClients(tried, List.of());
            for (Subscription s : clients.account().subscriptions().list()) {
                subscriptions.add(new SubscriptionInfo(s.subscriptionId(), s.displayName(),
                        s.innerModel().tenantId() == null ? tried.tenantId() : s.innerModel().tenantId(),
                        s.state() == null ? "Enabled" : s.state().toString()));
            }
        } catch (RuntimeException e) {
            AmlshException local = cannotRunHere(named, e);
            if (local != null) {
                throw local;
            }
            // The sign-in library does not say which host it could not reach: the authority it asked.
            String authority = session.cloud().authority();
            AmlshException why = ArmErrors.translate(e, authority == null ? tried.resourceManager().getHost()
                    : java.net.URI.create(authority).getHost());
            throw new AmlshException(why.fault(), "Sign-in failed: " + why.getMessage(),
                    why.hint() == null ? "Check the user, secret and tenant, then run 'login' again." : why.hint(), e);
        }
        SessionState before = session.state();
        String current = subscriptions.stream()
                .filter(s -> s.id().equalsIgnoreCase(String.valueOf(before.subscriptionId()))).findFirst()
                .or(() -> subscriptions.stream().filter(s -> "Enabled".equalsIgnoreCase(s.state())).findFirst())
                .map(SubscriptionInfo::id).orElse(null);
        session.signIn(tried, secret, before.signedIn(named, tried.tenantId(), subscriptions, current));
        sayWhereItIsKept(session, named, secret, prompt);
        return list();
    }

    /** One line at sign-in: where the sign-in is kept for the next process (keyring, file, or nowhere and why). */
    private static void sayWhereItIsKept(Session session, Identity who, String secret, java.util.function.Consumer<String> say) {
        if (who.isUserSignIn()) {
            say.accept(session.tokenCache().describe());
        } else if (secret != null && !session.cloud().isSandbox()
                && (Identity.SECRET.equals(who.method()) || Identity.FEDERATED.equals(who.method()))) {
            say.accept(session.secrets().put(who.clientId(), secret) ? "The secret is kept in the system keyring; 'logout' removes it."
                    : "No keyring on this machine: the secret is kept by this shell only; for other processes set AZURE_CLIENT_ID,"
                    + " AZURE_TENANT_ID and AZURE_CLIENT_SECRET (or AZURE_FEDERATED_TOKEN_FILE), or sign in with a certificate.");
        }
    }

    /**
     * The sign-ins that need something of this machine (a browser, the Azure CLI) and found it
     * missing: one line that says so and what to do instead. Null for any other failure.
     */
    static AmlshException cannotRunHere(Identity who, Throwable e) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = e; t != null && chain.length() < 4000; t = t.getCause()) {
            chain.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
        }
        String text = chain.toString().toLowerCase(java.util.Locale.ROOT);
        if (Identity.BROWSER.equals(who.method()) && (text.contains("browser") || text.contains("xdg_open"))) {
            return AmlshException.usage("Sign-in failed: no web browser could be opened on this machine.",
                    "Sign in with 'login --use-device-code', or 'login --service-principal -u <app-id> -p <secret> --tenant <tenant>'.");
        }
        if (Identity.AZURE_CLI.equals(who.method()) && text.contains("azure cli")) {
            boolean missing = text.contains("not installed");
            return AmlshException.usage(missing ? "Sign-in failed: the Azure CLI is not installed (no 'az' on the PATH)."
                            : "Sign-in failed: the Azure CLI is not signed in.",
                    missing ? "Install it (https://aka.ms/azure-cli) and run 'az login', or use 'login --use-device-code'."
                            : "Run 'az login' first, or use 'login --use-device-code'.");
        }
        return null;
    }

    /** Signs out, and removes what the sign-in persisted: the user token cache, a kept secret. */
    public void signOut() {
        Session session = azure.session();
        SessionState s = session.state();
        session.tokenCache().clear();
        if (s.identity() != null && s.identity().clientId() != null) {
            session.secrets().remove(s.identity().clientId());
        }
        session.update(s.signedOut());
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
        // az's {name, type}, and the credential that signs in (the environment's, a certificate, a device code ...)
        user.addProperty("credential", state.identity().method());
        user.addProperty("name", state.identity().name());
        user.addProperty("type", state.identity().type());
        out.add("user", user);
        return out;
    }
}
