package dev.amlsh.azure.ml;

import com.azure.core.management.exception.ManagementException;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.amlsh.core.AmlshException;
import dev.amlsh.azure.ArmRest;
import dev.amlsh.azure.AzJson;
import dev.amlsh.azure.ResourceGroupService;
import dev.amlsh.core.ResourceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one workspace manager of a session: every {@code ml workspace} command calls one of its
 * methods. It returns the shapes the v1 CLI prints and never prints itself; progress goes to the
 * callback the caller gives.
 *
 * <pre>{@code
 * WorkspaceManager ml = azure.workspaces(null);
 * JsonObject ws = ml.show("rg1", "ws1");
 * }</pre>
 */
public final class WorkspaceManager {
    /** Assigns a role to a user at a scope; the authorization service implements it. */
    @FunctionalInterface
    public interface RoleAssigner {
        JsonElement assign(String scope, String user, String role);
    }

    /** What the manager works with, for one subscription. */
    public record Parts(String subscriptionId, WorkspaceClient client, ArmRest rest, ResourceGroupService groups,
                        Dependencies dependencies, RoleAssigner roles) {
        Optional<Workspace> find(ResourceId id) {
            try {
                return Optional.of(client.get(id));
            } catch (ManagementException e) {
                if (e.getResponse() != null && e.getResponse().getStatusCode() == 404) {
                    return Optional.empty();
                }
                throw e;
            }
        }
    }

    private final Parts parts;

    public WorkspaceManager(Parts parts) {
        this.parts = parts;
    }

    /** Creates the workspace (and what it needs); null when {@code --no-wait} left it running. */
    public JsonObject create(CreateOptions options, Consumer<String> progress) {
        return new WorkspaceCreation(parts, options, progress).run().map(ws -> WorkspaceShapes.flat(ws, false)).orElse(null);
    }

    public JsonObject show(String group, String name) {
        return WorkspaceShapes.flat(get(group, name), true);
    }

    /** The workspaces of a group, or of the whole subscription when {@code group} is null. */
    public JsonArray list(String group) {
        JsonArray out = new JsonArray();
        // Only the three keys of each item are kept, page by page: 10,000 workspaces stay small.
        parts.client().forEach(parts.subscriptionId(), group, w -> out.add(WorkspaceShapes.listItem(w)));
        return out;
    }

    public JsonObject update(String group, String name, UpdateOptions changes) {
        if (changes.isEmpty()) {
            // the seed document's own 'update -w ws -g rg' with nothing to change prints the workspace, as the v1 CLI did
            return show(group, name);
        }
        Workspace ws = get(group, name);
        if (changes.applicationInsights() != null) {
            DependencyRules.checkType(changes.applicationInsights(), DependencyRules.INSIGHTS, "--application-insights",
                    "an Application Insights component");
            require(changes.applicationInsights(), "--application-insights");
        }
        if (changes.containerRegistry() != null) {
            DependencyRules.checkType(changes.containerRegistry(), DependencyRules.REGISTRY, "--container-registry",
                    "a container registry");
            DependencyRules.checkRegistry(changes.containerRegistry(), require(changes.containerRegistry(),
                    "--container-registry"), ws.resourceGroup());
        }
        parts.client().beginUpdate(ws.id(), WorkspaceBodies.update(changes)).getFinalResult();
        return WorkspaceShapes.flat(parts.client().get(ws.id()), true);
    }

    public JsonElement share(String group, String name, String user, String role) {
        Workspace ws = get(group, name);
        return parts.roles().assign(ws.id().id(), user, role);
    }

    public void syncKeys(String group, String name) {
        syncKeys(group, name, true);
    }

    /** Starts the key sync; waits for it unless {@code wait} is false (v2 {@code --no-wait}). */
    public void syncKeys(String group, String name, boolean wait) {
        var poller = parts.client().beginResyncKeys(get(group, name).id());
        if (wait) {
            ArmRest.waitFor(poller, "sync the keys of workspace " + name);
        }
    }

    public JsonElement listKeys(String group, String name) {
        return AzJson.sorted(parts.client().listKeys(get(group, name).id()));
    }

    public JsonElement diagnose(String group, String name) {
        return AzJson.sorted(ArmRest.json(parts.client().beginDiagnose(get(group, name).id()).getFinalResult()));
    }

    /**
     * Deletes the workspace (soft delete unless {@code purge}); with {@code allResources} also its
     * storage account, key vault, Application Insights and container registry. Returns the IDs of
     * the dependencies deleted.
     */
    public List<String> delete(String group, String name, boolean allResources, boolean purge, boolean wait,
                               Consumer<String> progress) {
        WorkspaceNames.check(name);
        ResourceId id = ResourceId.of(parts.subscriptionId(), group, WorkspaceClient.TYPE, name);
        Optional<Workspace> found = parts.find(id);
        if (found.isEmpty() && purge) {
            // A soft-deleted workspace is invisible to GET; purging it frees its name.
            ArmRest.waitFor(parts.client().beginDelete(id, true), "purge workspace " + name);
            return List.of();
        }
        Workspace ws = found.orElseThrow(() -> AmlshException.notFound("Workspace '" + name
                + "' was not found in resource group '" + group + "'.", "See the workspaces with 'ml workspace list -g " + group + "'."));
        var poller = parts.client().beginDelete(ws.id(), purge);
        List<String> deleted = new ArrayList<>();
        if (!wait && !allResources) {
            return deleted;
        }
        ArmRest.waitFor(poller, "delete workspace " + name);
        if (allResources) {
            for (String dependency : new String[] {ws.storageAccount(), ws.keyVault(), ws.applicationInsights(),
                    ws.containerRegistry()}) {
                if (dependency != null) {
                    ResourceId dep = ResourceId.parse(dependency, "dependency");
                    if (parts.dependencies().find(dep).isPresent()) {
                        progress.accept("Deleting " + WorkspaceCreation.describe(dep.fullType()) + " " + dep.name() + " ...");
                        parts.dependencies().delete(dep);
                        deleted.add(dep.id());
                    }
                }
            }
        }
        return deleted;
    }

    // ---- v2 dialect: the same manager, returning the workspace for the v2 shapes ----

    /** The workspace as the service returned it (v2 {@code show}). */
    public Workspace workspace(String group, String name) {
        return get(group, name);
    }

    /** Each workspace of a group, or of the subscription when {@code group} is null (v2 {@code list}). */
    public void forEachWorkspace(String group, Consumer<Workspace> each) {
        parts.client().forEach(parts.subscriptionId(), group, w -> each.accept(Workspace.from(w.getAsJsonObject())));
    }

    /** v2 {@code create}: creates, or updates a workspace that exists; empty when {@code --no-wait}. */
    public Optional<Workspace> createV2(WorkspaceSpec spec, String group, boolean updateDependents, boolean wait,
                                       Consumer<String> progress) {
        return new V2Operations(parts).create(spec, group, updateDependents, wait, progress);
    }

    /** v2 {@code update}: tags merged; a new registry or Application Insights needs {@code updateDependents}. */
    public Optional<Workspace> updateV2(String group, String name, WorkspaceSpec changes, boolean updateDependents, boolean wait) {
        return new V2Operations(parts).update(get(group, name), changes, updateDependents, wait);
    }

    /** {@code provision-network}: the managed network's status, or null with {@code --no-wait}. */
    public JsonElement provisionNetwork(String group, String name, boolean includeSpark, boolean wait) {
        return new V2Operations(parts).provisionNetwork(get(group, name), includeSpark, wait);
    }

    public JsonArray outboundRules(String group, String name) {
        return new V2Operations(parts).rules(get(group, name));
    }

    public JsonObject outboundRule(String group, String name, String rule) {
        return new V2Operations(parts).rule(get(group, name), rule);
    }

    /** Adds or replaces a rule ({@code properties} in ARM's form); null with {@code --no-wait}. */
    public JsonObject setOutboundRule(String group, String name, String rule, JsonObject properties, boolean wait) {
        return new V2Operations(parts).setRule(get(group, name), rule, properties, wait);
    }

    public void removeOutboundRule(String group, String name, String rule, boolean wait) {
        new V2Operations(parts).removeRule(get(group, name), rule, wait);
    }

    private Workspace get(String group, String name) {
        WorkspaceNames.check(name);
        ResourceId id = ResourceId.of(parts.subscriptionId(), group, WorkspaceClient.TYPE, name);
        return parts.find(id).orElseThrow(() -> AmlshException.notFound("Workspace '" + name
                + "' was not found in resource group '" + group + "'.", "See the workspaces with 'ml workspace list -g " + group + "'."));
    }

    private JsonObject require(ResourceId id, String option) {
        return parts.dependencies().find(id).orElseThrow(() -> AmlshException.notFound(
                option + ": '" + id.id() + "' was not found.", "Check the ID with the matching 'show --query id' command."));
    }
}
