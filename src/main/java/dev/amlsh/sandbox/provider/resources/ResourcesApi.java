package dev.amlsh.sandbox.provider.resources;

import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmRequest;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.lro.LroEngine;
import dev.amlsh.sandbox.provider.ProviderRegistry;
import dev.amlsh.sandbox.store.SandboxStore;
import java.time.Duration;
import java.util.Optional;

/**
 * Microsoft.Resources as the router sees it: tenants, subscriptions, locations, resource groups,
 * providers, and the checks ARM makes before any other provider's handler runs.
 *
 * <pre>{@code
 * ResourcesApi api = new ResourcesApi(store, lro, registry, Duration.ZERO);
 * String sub = api.subscriptions().canonicalId(pathSub);
 * api.checkProviderRequest(req); // 409 MissingSubscriptionRegistration, 404 ResourceGroupNotFound...
 * }</pre>
 */
public final class ResourcesApi {
    private final Subscriptions subscriptions;
    private final Registrations registrations;
    private final ResourceGroups groups;
    private final Providers providers;
    private final GenericResources generic;

    public ResourcesApi(SandboxStore store, LroEngine lro, ProviderRegistry registry, Duration registrationDelay) {
        this.subscriptions = new Subscriptions(store);
        this.registrations = new Registrations(store, registrationDelay);
        this.groups = new ResourceGroups(store, lro, registry);
        this.providers = new Providers(registrations);
        this.generic = new GenericResources(store);
    }

    public Subscriptions subscriptions() {
        return subscriptions;
    }

    public Registrations registrations() {
        return registrations;
    }

    public ResourceGroups groups() {
        return groups;
    }

    public Providers providers() {
        return providers;
    }

    /** Every top-level resource of a subscription or group ({@code .../resources}). */
    public GenericResources resources() {
        return generic;
    }

    public ArmResponse tenants() {
        return ArmResponse.ok(subscriptions.tenants());
    }

    public ArmResponse listSubscriptions() {
        return ArmResponse.ok(subscriptions.list());
    }

    public ArmResponse getSubscription(String subscriptionId) {
        return ArmResponse.ok(subscriptions.require(subscriptionId));
    }

    public ArmResponse locations(String subscriptionId) {
        return ArmResponse.ok(subscriptions.locations(subscriptionId));
    }

    /**
     * ARM's checks before a provider handler: the namespace exists and is registered in the
     * subscription, the group exists, and a group being deleted accepts no writes.
     */
    public void checkProviderRequest(ArmRequest req, boolean handled) {
        Optional<ProviderCatalog.Namespace> known = ProviderCatalog.find(req.namespace());
        if (known.isEmpty() && !handled) {
            throw ArmErrors.invalidResourceNamespace(req.namespace());
        }
        if (req.subscriptionId() != null && known.isPresent() && !registrations.isRegistered(req.subscriptionId(), req.namespace())) {
            throw ArmErrors.missingSubscriptionRegistration(known.get().namespace());
        }
        if (req.resourceGroup() != null) {
            JsonObject group = groups.find(req.subscriptionId(), req.resourceGroup())
                    .orElseThrow(() -> ArmErrors.resourceGroupNotFound(req.resourceGroup()));
            if (!req.isMethod("GET") && !req.isMethod("HEAD") && ResourceGroups.isDeleting(group)) {
                throw ArmErrors.resourceGroupBeingDeleted(req.resourceGroup());
            }
        }
        String firstType = req.types().isEmpty() ? req.action() : req.types().get(0);
        if (firstType != null && known.isPresent() && !known.get().hasType(firstType) && !handled) {
            throw ArmErrors.invalidResourceType(firstType, known.get().namespace(), req.apiVersion());
        }
        if (!handled) {
            throw ArmErrors.invalidResourceType(firstType == null ? "" : firstType, req.namespace(), req.apiVersion());
        }
        // a type ARM does not know has no versions to name: its handler refuses it
        String typePath = req.types().isEmpty() ? req.action() : String.join("/", req.types());
        if (typePath != null && known.isPresent() && known.get().hasType(firstType)) {
            com.google.gson.JsonElement body = req.body();
            String location = body != null && body.isJsonObject() && body.getAsJsonObject().has("location")
                    && body.getAsJsonObject().get("location").isJsonPrimitive() ? body.getAsJsonObject().get("location").getAsString() : null;
            ApiVersions.check(req.namespace(), typePath, req.apiVersion(), location);
        }
    }
}
