package dev.amlsh.azure.ml;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.amlsh.core.AmlshException;
import dev.amlsh.azure.ArmRest;
import dev.amlsh.core.ResourceId;
import dev.amlsh.azure.Version;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the v2 dialect does differently, behind {@link WorkspaceManager}: {@code create} on an
 * existing workspace updates it (tags merged), the group is never created, no registry up front;
 * {@code update} merges tags and wants {@code -u} to change the registry or Application
 * Insights; the managed network's outbound rules and provisioning.
 */
final class V2Operations {
    /** The tag the v2 CLI puts on what it creates ({@code createdByToolkit=cli-v2-<version>}). */
    static final String TOOLKIT_TAG = "createdByToolkit";
    private final WorkspaceManager.Parts parts;

    V2Operations(WorkspaceManager.Parts parts) {
        this.parts = parts;
    }

    Optional<Workspace> create(WorkspaceSpec s, String group, boolean updateDependents, boolean wait, Consumer<String> progress) {
        WorkspaceNames.check(s.name);
        ResourceId id = ResourceId.of(parts.subscriptionId(), group, WorkspaceClient.TYPE, s.name);
        Optional<Workspace> existing = parts.find(id);
        if (existing.isPresent()) {
            progress.accept("Workspace " + s.name + " exists; updating it ...");
            return update(existing.get(), s, updateDependents, wait);
        }
        if (parts.groups().find(group).isEmpty()) {
            throw AmlshException.notFound("Resource group '" + group + "' could not be found.",
                    "v2 never creates the group: run 'group create -n " + group + " -l <location>' first.");
        }
        Map<String, String> tags = s.tagsOrEmpty();
        tags.putIfAbsent(TOOLKIT_TAG, "cli-v2-amlsh-" + Version.current());
        CreateOptions o = new CreateOptions(s.name, group, s.location, s.displayName, s.storageAccount, s.keyVault,
                s.applicationInsights, s.containerRegistry, s.cmkKeyVault, s.cmkKeyUri, Boolean.TRUE.equals(s.hbiWorkspace), "basic",
                tags, null, false, false, wait);
        return new WorkspaceCreation(parts, o, progress, s).run();
    }

    Optional<Workspace> update(Workspace ws, WorkspaceSpec s, boolean updateDependents, boolean wait) {
        JsonObject body = new JsonObject();
        if (s.tags != null || s.removeTags != null) {
            Map<String, String> tags = new LinkedHashMap<>(ws.tags());
            if (s.tags != null) {
                s.tags.forEach((k, v) -> {
                    if (!k.equals(TOOLKIT_TAG)) {
                        tags.put(k, v);
                    }
                });
            }
            if (s.removeTags != null) {
                s.removeTags.forEach(tags::remove);
            }
            JsonObject t = new JsonObject();
            tags.forEach(t::addProperty);
            body.add("tags", t);
        }
        JsonObject p = new JsonObject();
        put(p, "friendlyName", s.displayName);
        put(p, "description", s.description);
        put(p, "imageBuildCompute", s.imageBuildCompute);
        put(p, "publicNetworkAccess", s.publicNetworkAccess);
        put(p, "primaryUserAssignedIdentity", s.primaryUserAssignedIdentity);
        dependent(p, "applicationInsights", s.applicationInsights, ws.applicationInsights(), updateDependents, DependencyRules.INSIGHTS);
        dependent(p, "containerRegistry", s.containerRegistry, ws.containerRegistry(), updateDependents, DependencyRules.REGISTRY);
        if (s.managedNetwork != null) {
            p.add("managedNetwork", s.managedNetwork.deepCopy());
        }
        if (s.cmkKeyUri != null) {
            JsonObject kvp = new JsonObject();
            kvp.addProperty("keyIdentifier", s.cmkKeyUri);
            JsonObject enc = new JsonObject();
            enc.add("keyVaultProperties", kvp);
            p.add("encryption", enc);
        }
        if (p.size() > 0) {
            body.add("properties", p);
        }
        if (s.identity != null) {
            body.add("identity", s.identity.deepCopy());
        }
        if (body.size() == 0) {
            throw AmlshException.usage("Nothing to update.", "Give at least one of --display-name, --description, --set tags.<key>=<value>, "
                    + "--public-network-access, --image-build-compute, --managed-network, --container-registry, "
                    + "--application-insights, --primary-user-assigned-identity or --file.");
        }
        var poller = parts.client().beginUpdate(ws.id(), body);
        if (!wait) {
            return Optional.empty();
        }
        poller.getFinalResult();
        return Optional.of(parts.client().get(ws.id()));
    }

    JsonElement provisionNetwork(Workspace ws, boolean includeSpark, boolean wait) {
        var poller = parts.client().beginProvisionNetwork(ws.id(), includeSpark);
        if (!wait) {
            return null;
        }
        return ArmRest.json(poller.getFinalResult());
    }

    JsonArray rules(Workspace ws) {
        JsonArray out = new JsonArray();
        parts.client().listOutboundRules(ws.id()).forEach(r -> out.add(ManagedNetworkShapes.ruleAlone(r.getAsJsonObject())));
        return out;
    }

    JsonObject rule(Workspace ws, String rule) {
        try {
            return ManagedNetworkShapes.ruleAlone(parts.client().getOutboundRule(ws.id(), rule).getAsJsonObject());
        } catch (com.azure.core.management.exception.ManagementException e) {
            if (e.getResponse() != null && e.getResponse().getStatusCode() == 404) {
                throw AmlshException.notFound("Outbound rule '" + rule + "' was not found in workspace '" + ws.name() + "'.",
                        "See its rules with 'ml workspace outbound-rule list -w " + ws.name() + " -g " + ws.resourceGroup() + "'.");
            }
            throw e;
        }
    }

    JsonObject setRule(Workspace ws, String rule, JsonObject properties, boolean wait) {
        var poller = parts.client().beginSetOutboundRule(ws.id(), rule, properties);
        if (!wait) {
            return null;
        }
        ArmRest.waitFor(poller, "set outbound rule " + rule);
        return rule(ws, rule);
    }

    void removeRule(Workspace ws, String rule, boolean wait) {
        rule(ws, rule);
        var poller = parts.client().beginRemoveOutboundRule(ws.id(), rule);
        if (wait) {
            ArmRest.waitFor(poller, "remove outbound rule " + rule);
        }
    }

    private void dependent(JsonObject p, String property, ResourceId given, String current, boolean consent, String type) {
        if (given == null) {
            return;
        }
        if (current != null && !given.id().equalsIgnoreCase(current) && !consent) {
            throw AmlshException.usage("Changing the workspace's " + (property.equals("containerRegistry") ? "container registry"
                    : "Application Insights") + " may break lineage of earlier jobs or deployed endpoints.",
                    "Include the --update-dependent-resources/-u parameter with this request to confirm.");
        }
        DependencyRules.checkType(given, type, "--" + (property.equals("containerRegistry") ? "container-registry" : "application-insights"),
                property.equals("containerRegistry") ? "a container registry" : "an Application Insights component");
        p.addProperty(property, given.id());
    }

    private static void put(JsonObject o, String key, String value) {
        if (value != null) {
            o.addProperty(key, value);
        }
    }
}
