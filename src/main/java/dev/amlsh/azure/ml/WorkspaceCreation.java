package dev.amlsh.azure.ml;

import com.google.gson.JsonObject;
import dev.amlsh.core.AmlshException;
import dev.amlsh.azure.ArmErrors;
import dev.amlsh.core.ResourceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code ml workspace create}, done as the service and the v1 CLI do it: check the group, check
 * the given dependencies against the rules, create the missing ones (names derived from the
 * workspace, so a second run reuses them), then the workspace, then its private endpoint. A
 * failure half-way names what was already created.
 *
 * <pre>{@code
 * Workspace ws = new WorkspaceCreation(ctx, options, progress::println).run();
 * }</pre>
 */
final class WorkspaceCreation {
    private final WorkspaceManager.Parts parts;
    private final CreateOptions o;
    private final Consumer<String> progress;
    private final List<ResourceId> created = new ArrayList<>();
    /** The v2 request (the caller checked that the workspace is new), or null for v1. */
    private final WorkspaceSpec v2;

    WorkspaceCreation(WorkspaceManager.Parts parts, CreateOptions options, Consumer<String> progress) {
        this(parts, options, progress, null);
    }

    WorkspaceCreation(WorkspaceManager.Parts parts, CreateOptions options, Consumer<String> progress, WorkspaceSpec v2) {
        this.parts = parts;
        this.o = options;
        this.progress = progress;
        this.v2 = v2;
    }

    /** Runs the creation; returns the workspace, or empty when {@code --no-wait} left it running. */
    Optional<Workspace> run() {
        WorkspaceNames.check(o.name());
        ResourceId id = ResourceId.of(parts.subscriptionId(), o.group(), WorkspaceClient.TYPE, o.name());
        String location = prepareGroup();
        if (o.privateEndpoint() != null && DependencyRules.isGovernment(location)) {
            throw AmlshException.usage("Private link is not available in Azure Government regions ('" + location + "').",
                    "Create the workspace without --pe-* options, or in a public region.");
        }
        Optional<Workspace> existing = v2 != null ? Optional.empty() : parts.find(id);
        if (existing.isPresent()) {
            if (!o.existOk()) {
                throw AmlshException.service("Workspace '" + existing.get().name() + "' already exists in resource group '"
                        + o.group() + "'.", "Add --exist-ok to use it as it is, or change it with 'ml workspace update'.");
            }
            existing = PendingWorkspace.settle(parts, existing.get(), o.waitForCompletion(), progress);
            if (existing.isEmpty() || !o.asksForImmutables()) {
                return existing;
            }
        }
        checkProviderRegistered();
        checkGivenDependencies();
        if (o.privateEndpoint() != null) {
            checkSubnet(o.privateEndpoint());
        }
        if (o.cmkKeyVault() != null || o.cmkKeyUri() != null) {
            checkCustomerManagedKey();
        }
        try {
            JsonObject body = WorkspaceBodies.create(o, location,
                    dependency(o.storageAccount(), DependencyRules.STORAGE, "storage", location),
                    dependency(o.keyVault(), DependencyRules.KEY_VAULT, "keyvault", location),
                    dependency(o.applicationInsights(), DependencyRules.INSIGHTS, "insights", location),
                    // v2 makes no registry up front: the service creates one on first use
                    v2 != null && o.containerRegistry() == null ? null
                            : dependency(o.containerRegistry(), DependencyRules.REGISTRY, "acr", location));
            if (v2 != null) {
                WorkspaceBodies.applyV2(body, v2);
            }
            progress.accept("Creating workspace " + o.name() + " ...");
            var poller = parts.client().beginCreateOrUpdate(id, body);
            if (!o.waitForCompletion()) {
                return Optional.empty();
            }
            poller.getFinalResult();
            Workspace ws = parts.client().get(id);
            created.add(ws.id());
            if (o.privateEndpoint() != null) {
                new PrivateEndpoints(parts.rest(), parts.subscriptionId()).create(ws, o.privateEndpoint(), progress);
            }
            return Optional.of(ws);
        } catch (RuntimeException e) {
            throw halfDone(e);
        }
    }

    /** The group exists (or is created with --yes); returns the workspace's location. */
    private String prepareGroup() {
        Optional<JsonObject> group = parts.groups().find(o.group());
        if (group.isEmpty()) {
            if (!o.createGroup()) {
                throw AmlshException.notFound("Resource group '" + o.group() + "' could not be found.",
                        "Create it with 'group create -n " + o.group() + " -l <location>', or add --yes (with -l) to create it now.");
            }
            if (o.location() == null) {
                throw AmlshException.usage("--yes creates resource group '" + o.group() + "' and needs a location.",
                        "Add -l <location> (see 'account list-locations').");
            }
            progress.accept("Creating resource group " + o.group() + " ...");
            parts.groups().create(o.group(), o.location(), java.util.Map.of());
            return o.location();
        }
        return o.location() != null ? o.location() : group.get().get("location").getAsString();
    }

    /** Fails before anything is created when the subscription cannot hold workspaces. */
    private void checkProviderRegistered() {
        String namespace = "Microsoft.MachineLearningServices";
        var provider = parts.rest().get("/subscriptions/" + parts.subscriptionId() + "/providers/" + namespace, "2025-04-01");
        var state = provider.getAsJsonObject().get("registrationState");
        if (state == null || !"Registered".equalsIgnoreCase(state.getAsString())) {
            throw AmlshException.service("(MissingSubscriptionRegistration) The subscription is not registered to use namespace '"
                    + namespace + "'. Nothing was created.",
                    "Register it with 'provider register -n " + namespace + "' and run the command again.");
        }
    }

    private void checkSubnet(PrivateEndpointOptions pe) {
        String group = pe.group() == null ? o.group() : pe.group();
        String path = "/subscriptions/" + parts.subscriptionId() + "/resourceGroups/" + group
                + "/providers/Microsoft.Network/virtualNetworks/" + pe.vnet() + "/subnets/" + pe.subnet();
        try {
            parts.rest().get(path, PrivateEndpoints.API_VERSION);
        } catch (com.azure.core.management.exception.ManagementException e) {
            if (e.getResponse() != null && e.getResponse().getStatusCode() == 404) {
                throw AmlshException.notFound("Subnet '" + pe.subnet() + "' of virtual network '" + pe.vnet()
                        + "' was not found in resource group '" + group + "'.",
                        "Create it with 'network vnet create -n " + pe.vnet() + " -g " + group + " --subnet-name " + pe.subnet()
                                + "', or give --pe-resource-group.");
            }
            throw e;
        }
    }

    private void checkGivenDependencies() {
        if (o.storageAccount() != null) {
            DependencyRules.checkType(o.storageAccount(), DependencyRules.STORAGE, "--storage-account", "a storage account");
            DependencyRules.checkStorage(o.storageAccount(), require(o.storageAccount(), "--storage-account"));
        }
        if (o.keyVault() != null) {
            DependencyRules.checkType(o.keyVault(), DependencyRules.KEY_VAULT, "--keyvault", "a key vault");
            require(o.keyVault(), "--keyvault");
        }
        if (o.applicationInsights() != null) {
            DependencyRules.checkType(o.applicationInsights(), DependencyRules.INSIGHTS, "--application-insights",
                    "an Application Insights component");
            require(o.applicationInsights(), "--application-insights");
        }
        if (o.containerRegistry() != null) {
            DependencyRules.checkType(o.containerRegistry(), DependencyRules.REGISTRY, "--container-registry", "a container registry");
            DependencyRules.checkRegistry(o.containerRegistry(), require(o.containerRegistry(), "--container-registry"), o.group());
        } else {
            DependencyRules.checkRegistryGroupName(o.group());
        }
    }

    private void checkCustomerManagedKey() {
        if (o.cmkKeyVault() == null || o.cmkKeyUri() == null) {
            throw AmlshException.usage("--cmk-keyvault and --resource-cmk-uri go together.",
                    "Give both: the key vault's ID and the key's URL (https://<vault>.vault.azure.net/keys/<key>/<version>).");
        }
        DependencyRules.checkType(o.cmkKeyVault(), DependencyRules.KEY_VAULT, "--cmk-keyvault", "a key vault");
        require(o.cmkKeyVault(), "--cmk-keyvault");
        if (!o.cmkKeyUri().toLowerCase(java.util.Locale.ROOT).startsWith("https://")) {
            throw AmlshException.usage("--resource-cmk-uri: '" + o.cmkKeyUri() + "' is not a key URL.",
                    "Give it as https://<vault>.vault.azure.net/keys/<key>/<version>.");
        }
    }

    private JsonObject require(ResourceId id, String option) {
        return parts.dependencies().find(id).orElseThrow(() -> AmlshException.notFound(
                option + ": '" + id.id() + "' was not found.", "Check the ID with the matching 'show --query id' command."));
    }

    /** The given dependency, or the one amlsh makes (found again on a second run, or created now). */
    private ResourceId dependency(ResourceId given, String type, String kind, String location) {
        if (given != null) {
            return given;
        }
        String seed = parts.subscriptionId() + "/" + o.group() + "/" + o.name();
        String name = DependencyRules.name(o.name(), kind, seed, false);
        ResourceId id = ResourceId.of(parts.subscriptionId(), o.group(), type, name);
        if (parts.dependencies().find(id).isPresent()) {
            return id;
        }
        if (!parts.dependencies().nameAvailable(type, name)) {
            name = DependencyRules.name(o.name(), kind, seed, true);
        }
        progress.accept("Creating " + describe(type) + " " + name + " ...");
        ResourceId made = switch (type) {
            case DependencyRules.STORAGE -> parts.dependencies().createStorageAccount(o.group(), name, location);
            case DependencyRules.KEY_VAULT -> parts.dependencies().createKeyVault(o.group(), name, location);
            case DependencyRules.INSIGHTS -> parts.dependencies().createApplicationInsights(o.group(), name, location);
            default -> parts.dependencies().createContainerRegistry(o.group(), name, location);
        };
        created.add(made);
        return made;
    }

    private AmlshException halfDone(RuntimeException failure) {
        AmlshException error = ArmErrors.translate(failure);
        if (created.isEmpty()) {
            return error;
        }
        StringBuilder made = new StringBuilder();
        for (ResourceId id : created) {
            made.append(made.length() == 0 ? "" : ", ").append(id.id());
        }
        return new AmlshException(error.fault(), error.getMessage() + " Created before the failure: " + made + ".",
                "Run the same command again to finish (it reuses them), or remove them with 'group delete' or each type's 'delete'.",
                failure);
    }

    static String describe(String type) {
        return switch (type) {
            case DependencyRules.STORAGE -> "storage account";
            case DependencyRules.KEY_VAULT -> "key vault";
            case DependencyRules.INSIGHTS -> "Application Insights component";
            default -> "container registry";
        };
    }
}
