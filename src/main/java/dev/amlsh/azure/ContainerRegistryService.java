package dev.amlsh.azure;

import dev.amlsh.core.AmlshException;

import com.azure.resourcemanager.containerregistry.ContainerRegistryManager;
import com.azure.resourcemanager.containerregistry.fluent.RegistriesClient;
import com.azure.resourcemanager.containerregistry.fluent.models.RegistryInner;
import com.azure.resourcemanager.containerregistry.fluent.models.RegistryNameStatusInner;
import com.azure.resourcemanager.containerregistry.models.RegistryNameCheckRequest;
import com.azure.resourcemanager.containerregistry.models.RegistryUpdateParameters;
import com.azure.resourcemanager.containerregistry.models.Sku;
import com.azure.resourcemanager.containerregistry.models.SkuName;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Container registries of one subscription ({@code Microsoft.ContainerRegistry/registries}),
 * printed the way {@code az acr} prints them: the properties flattened next to {@code id},
 * {@code name}, {@code sku}, plus {@code resourceGroup}. Writes go through the SDK's
 * {@link ContainerRegistryManager}; reads return the registry as the service sent it.
 *
 * <pre>{@code
 * ContainerRegistryService acr = azure.registries(null);
 * acr.create("rg1", "ws1registry", null, "Basic", true, Map.of());
 * String password = acr.credentials("rg1", "ws1registry").getAsJsonArray("passwords")
 *         .get(0).getAsJsonObject().get("value").getAsString();
 * }</pre>
 */
public final class ContainerRegistryService {
    static final String API_VERSION = "2023-07-01";
    static final String TYPE = "Microsoft.ContainerRegistry/registries";
    /** The Azure CLI's own words for a bad registry name. */
    static final String NAME_RULE = "Registry names may contain only alpha numeric characters and must be between 5 and 50 characters";
    static final List<String> SKUS = List.of("Basic", "Standard", "Premium");
    /** Every key {@code az acr show} prints (its SDK model's attributes, plus {@code resourceGroup}). */
    static final List<String> CLI_KEYS = List.of("adminUserEnabled", "anonymousPullEnabled", "creationDate", "dataEndpointEnabled",
            "dataEndpointHostNames", "encryption", "id", "identity", "location", "loginServer", "name", "networkRuleBypassOptions",
            "networkRuleSet", "policies", "privateEndpointConnections", "provisioningState", "publicNetworkAccess", "resourceGroup",
            "sku", "status", "systemData", "tags", "type", "zoneRedundancy");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9]{5,50}");

    private final Supplier<ContainerRegistryManager> manager;
    private final ArmRest rest;
    private final String subscriptionId;
    private final ResourceGroupService groups;

    ContainerRegistryService(Supplier<ContainerRegistryManager> manager, ArmRest rest, String subscriptionId,
                             ResourceGroupService groups) {
        this.manager = manager;
        this.rest = rest;
        this.subscriptionId = subscriptionId;
        this.groups = groups;
    }

    /**
     * Creates a registry and waits until it is ready. {@code location} null means the group's;
     * {@code sku} null means Basic; the admin user is enabled only when asked.
     */
    public JsonObject create(String group, String name, String location, String sku, boolean adminEnabled,
                             Map<String, String> tags) {
        Names.checkResourceGroup(group);
        checkName(name);
        String where = location != null ? location : groups.show(group).get("location").getAsString();
        RegistryInner registry = new RegistryInner().withSku(sku(sku == null ? "Basic" : sku)).withAdminUserEnabled(adminEnabled);
        registry.withLocation(where);
        if (tags != null && !tags.isEmpty()) {
            registry.withTags(tags);
        }
        registries().create(group, name, registry);
        return show(group, name);
    }

    /** One registry; {@code group} null searches the whole subscription (registry names are global). */
    public JsonObject show(String group, String name) {
        checkName(name);
        String g = group == null ? groupOf(name) : group;
        Names.checkResourceGroup(g);
        try {
            return shape(rest.get(path(g, name), API_VERSION).getAsJsonObject());
        } catch (RuntimeException e) {
            throw CliShapes.isResourceNotFound(e) ? missing(name, g) : e;
        }
    }

    /** Registries of a group, or of the subscription when {@code group} is null. */
    public JsonArray list(String group) {
        JsonArray out = new JsonArray();
        raw(group).forEach(r -> out.add(shape(r.getAsJsonObject())));
        return out;
    }

    /** Changes what is given (null leaves it as it is; an empty tag map clears the tags). */
    public JsonObject update(String group, String name, Boolean adminEnabled, String sku, Map<String, String> tags) {
        checkName(name);
        String g = group == null ? groupOf(name) : group;
        show(g, name);
        RegistryUpdateParameters patch = new RegistryUpdateParameters();
        if (adminEnabled != null) {
            patch.withAdminUserEnabled(adminEnabled);
        }
        if (sku != null) {
            patch.withSku(sku(sku));
        }
        if (tags != null) {
            patch.withTags(tags);
        }
        registries().update(g, name, patch);
        return show(g, name);
    }

    /** Deletes a registry and waits for it to be gone; a missing one is a not-found error. */
    public void delete(String group, String name) {
        checkName(name);
        String g = group == null ? groupOf(name) : group;
        show(g, name);
        registries().delete(g, name);
    }

    /** {@code {username, passwords:[{name, value}]}}; refused (exit 1) while the admin user is disabled. */
    public JsonObject credentials(String group, String name) {
        checkName(name);
        String g = group == null ? groupOf(name) : group;
        JsonObject registry = show(g, name);
        JsonElement admin = registry.get("adminUserEnabled");
        if (admin == null || admin.isJsonNull() || !admin.getAsBoolean()) {
            throw AmlshException.service("The admin user of registry '" + name + "' is disabled.",
                    "Enable it with 'acr update -n " + name + " --admin-enabled true'.");
        }
        var creds = registries().listCredentials(g, name);
        JsonObject out = new JsonObject();
        JsonArray passwords = new JsonArray();
        if (creds.passwords() != null) {
            creds.passwords().forEach(p -> {
                JsonObject o = new JsonObject();
                o.addProperty("name", p.name() == null ? null : p.name().toString());
                o.addProperty("value", p.value());
                passwords.add(o);
            });
        }
        out.add("passwords", passwords);
        out.addProperty("username", creds.username());
        return out;
    }

    /** Whether a name can be used, as the service answers: {@code {message, nameAvailable, reason}}. */
    public JsonObject nameAvailability(String name) {
        RegistryNameStatusInner status = registries().checkNameAvailability(new RegistryNameCheckRequest().withName(name));
        JsonObject out = new JsonObject();
        out.add("message", AzJson.string(status.message()));
        out.addProperty("nameAvailable", status.nameAvailable());
        out.add("reason", AzJson.string(status.reason()));
        return out;
    }

    static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw AmlshException.usage(NAME_RULE + ": '" + (name == null ? "" : name) + "'.",
                    "Use 5-50 letters and digits, e.g. 'myregistry1'.");
        }
    }

    /** The service's registry as the Azure CLI prints it. */
    static JsonObject shape(JsonObject r) {
        JsonObject out = new JsonObject();
        r.entrySet().forEach(e -> {
            if (!e.getKey().equals("properties")) {
                out.add(e.getKey(), e.getValue());
            }
        });
        if (r.has("properties") && r.get("properties").isJsonObject()) {
            r.getAsJsonObject("properties").entrySet().forEach(e -> out.add(e.getKey(), e.getValue()));
        }
        if (out.has("encryption") && out.get("encryption").isJsonObject()) {
            CliShapes.withModelKeys(out.getAsJsonObject("encryption"), List.of("keyVaultProperties", "status"));
        }
        CliShapes.pythonDateTimeAt(out, "creationDate");
        if (out.has("policies") && out.get("policies").isJsonObject()) {
            out.getAsJsonObject("policies").entrySet().forEach(e -> {
                if (e.getValue().isJsonObject()) {
                    CliShapes.pythonDateTimeAt(e.getValue().getAsJsonObject(), "lastUpdatedTime");
                }
            });
        }
        if (out.has("systemData") && out.get("systemData").isJsonObject()) {
            CliShapes.pythonDateTimeAt(out.getAsJsonObject("systemData"), "createdAt");
            CliShapes.pythonDateTimeAt(out.getAsJsonObject("systemData"), "lastModifiedAt");
        }
        out.add("resourceGroup", AzJson.string(CliShapes.resourceGroupOf(CliShapes.text(out, "id"))));
        return AzJson.sorted(CliShapes.withModelKeys(out, CLI_KEYS)).getAsJsonObject();
    }

    private JsonArray raw(String group) {
        String scope = group == null ? "/subscriptions/" + subscriptionId : groupPath(group);
        return rest.list(scope + "/providers/" + TYPE, API_VERSION);
    }

    /** The group of the subscription's registry with this name (names are unique, so at most one). */
    private String groupOf(String name) {
        for (JsonElement r : raw(null)) {
            if (CliShapes.text(r.getAsJsonObject(), "name").equalsIgnoreCase(name)) {
                return CliShapes.resourceGroupOf(CliShapes.text(r.getAsJsonObject(), "id"));
            }
        }
        throw AmlshException.notFound("The registry '" + name + "' was not found in the subscription.",
                "See the registries with 'acr list', or give its group with -g.");
    }

    private static Sku sku(String name) {
        String canonical = SKUS.stream().filter(s -> s.equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> AmlshException.usage("SKU '" + name + "' is not valid.", "Use --sku Basic, Standard or Premium."));
        return new Sku().withName(SkuName.fromString(canonical));
    }

    private RegistriesClient registries() {
        return manager.get().serviceClient().getRegistries();
    }

    private static AmlshException missing(String name, String group) {
        return AmlshException.notFound("The registry '" + name + "' was not found in resource group '" + group + "'.",
                "See the registries with 'acr list'.");
    }

    private String groupPath(String group) {
        Names.checkResourceGroup(group);
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + group;
    }

    private String path(String group, String name) {
        return groupPath(group) + "/providers/" + TYPE + "/" + name;
    }
}
