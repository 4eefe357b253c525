package dev.amlsh.azure;

import dev.amlsh.core.AmlshException;

import com.azure.core.http.rest.Response;
import com.azure.core.util.Context;
import com.azure.resourcemanager.applicationinsights.ApplicationInsightsManager;
import com.azure.resourcemanager.applicationinsights.models.ApplicationType;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Application Insights components of one subscription ({@code Microsoft.Insights/components}),
 * printed the way {@code az monitor app-insights component} prints them: the properties flattened
 * to camelCase keys next to {@code id}, {@code name}, {@code location}, plus {@code resourceGroup}.
 * Writes go through the SDK's {@link ApplicationInsightsManager}; reads return the resource as
 * the service sent it.
 *
 * <pre>{@code
 * JsonObject ai = azure.appInsights(null).create("rg1", "ws1-insights", "eastus");
 * String id = ai.get("id").getAsString();
 * }</pre>
 */
public final class AppInsightsService {
    static final String API_VERSION = "2020-02-02";
    static final String TYPE = "Microsoft.Insights/components";
    static final String NAME_RULE = "Use 1-260 characters, none of '%', '&', '\\', '?', '/' or control characters,"
            + " not ending in a space or a period.";
    /** Service property → key the Azure CLI prints it under. */
    private static final Map<String, String> PROPERTIES = Map.ofEntries(
            Map.entry("AppId", "appId"), Map.entry("ApplicationId", "applicationId"),
            Map.entry("Application_Type", "applicationType"), Map.entry("ConnectionString", "connectionString"),
            Map.entry("CreationDate", "creationDate"), Map.entry("DisableIpMasking", "disableIpMasking"),
            Map.entry("Flow_Type", "flowType"), Map.entry("HockeyAppId", "hockeyAppId"),
            Map.entry("HockeyAppToken", "hockeyAppToken"), Map.entry("ImmediatePurgeDataOn30Days", "immediatePurgeDataOn30Days"),
            Map.entry("IngestionMode", "ingestionMode"), Map.entry("InstrumentationKey", "instrumentationKey"),
            Map.entry("PrivateLinkScopedResources", "privateLinkScopedResources"),
            Map.entry("provisioningState", "provisioningState"),
            Map.entry("publicNetworkAccessForIngestion", "publicNetworkAccessForIngestion"),
            Map.entry("publicNetworkAccessForQuery", "publicNetworkAccessForQuery"),
            Map.entry("Request_Source", "requestSource"), Map.entry("RetentionInDays", "retentionInDays"),
            Map.entry("SamplingPercentage", "samplingPercentage"), Map.entry("TenantId", "tenantId"));
    /** Every key {@code az monitor app-insights component show} prints. */
    static final List<String> CLI_KEYS = List.of("appId", "applicationId", "applicationType", "connectionString", "creationDate",
            "disableIpMasking", "flowType", "hockeyAppId", "hockeyAppToken", "id", "immediatePurgeDataOn30Days", "ingestionMode",
            "instrumentationKey", "kind", "location", "name", "privateLinkScopedResources", "provisioningState",
            "publicNetworkAccessForIngestion", "publicNetworkAccessForQuery", "requestSource", "resourceGroup", "retentionInDays",
            "samplingPercentage", "tags", "tenantId", "type");

    private final Supplier<ApplicationInsightsManager> manager;
    private final ArmRest rest;
    private final String subscriptionId;
    private final ResourceGroupService groups;

    AppInsightsService(Supplier<ApplicationInsightsManager> manager, ArmRest rest, String subscriptionId,
                       ResourceGroupService groups) {
        this.manager = manager;
        this.rest = rest;
        this.subscriptionId = subscriptionId;
        this.groups = groups;
    }

    /** A {@code web} component for a workspace; {@code location} null means the group's location. */
    public JsonObject create(String group, String name, String location) {
        return create(group, name, location, "web", "web", Map.of());
    }

    /** Creates (or updates) a component; {@code location} null means the group's location. */
    public JsonObject create(String group, String name, String location, String kind, String applicationType,
                             Map<String, String> tags) {
        Names.checkResourceGroup(group);
        checkName(name);
        ApplicationType type = applicationType(applicationType);
        String where = location != null ? location : groups.show(group).get("location").getAsString();
        var definition = manager.get().components().define(name).withRegion(where).withExistingResourceGroup(group)
                .withKind(kind == null ? "web" : kind).withApplicationType(type);
        if (tags != null && !tags.isEmpty()) {
            definition = definition.withTags(tags);
        }
        definition.create();
        return show(group, name);
    }

    /** One component; {@code group} null searches the whole subscription. */
    public JsonObject show(String group, String name) {
        checkName(name);
        if (group == null) {
            return find(name);
        }
        Names.checkResourceGroup(group);
        try {
            return shape(rest.get(path(group, name), API_VERSION).getAsJsonObject());
        } catch (RuntimeException e) {
            throw CliShapes.isResourceNotFound(e) ? missing(group, name) : e;
        }
    }

    /** Components of a group, or of the subscription when {@code group} is null. */
    public JsonArray list(String group) {
        String scope = group == null ? "/subscriptions/" + subscriptionId : groupPath(group);
        JsonArray out = new JsonArray();
        rest.list(scope + "/providers/" + TYPE, API_VERSION).forEach(c -> out.add(shape(c.getAsJsonObject())));
        return out;
    }

    /** Deletes a component; one that does not exist is a not-found error. */
    public void delete(String group, String name) {
        Names.checkResourceGroup(group);
        checkName(name);
        Response<Void> r = manager.get().components().deleteByResourceGroupWithResponse(group, name, Context.NONE);
        if (r.getStatusCode() == 204) {
            throw missing(group, name);
        }
    }

    static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw AmlshException.usage("An Application Insights component name is required.", "Give one with --app.");
        }
        boolean bad = name.length() > 260 || name.endsWith(" ") || name.endsWith(".")
                || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f || "%&\\?/".indexOf(c) >= 0);
        if (bad) {
            throw AmlshException.usage("Application Insights component name '" + name + "' is invalid.", NAME_RULE);
        }
    }

    /** The service's component as the Azure CLI prints it. */
    static JsonObject shape(JsonObject c) {
        JsonObject out = new JsonObject();
        for (String k : List.of("id", "name", "type", "location", "kind")) {
            if (c.has(k)) {
                out.add(k, c.get(k));
            }
        }
        JsonElement tags = c.get("tags");
        out.add("tags", tags != null && tags.isJsonObject() ? tags : new JsonObject());
        JsonObject p = c.has("properties") && c.get("properties").isJsonObject() ? c.getAsJsonObject("properties") : new JsonObject();
        PROPERTIES.forEach((from, to) -> {
            if (p.has(from)) {
                out.add(to, p.get(from));
            }
        });
        CliShapes.pythonDateTimeAt(out, "creationDate");
        out.add("resourceGroup", AzJson.string(CliShapes.resourceGroupOf(CliShapes.text(out, "id"))));
        return AzJson.sorted(CliShapes.withModelKeys(out, CLI_KEYS)).getAsJsonObject();
    }

    private JsonObject find(String name) {
        JsonObject match = null;
        for (JsonElement c : list(null)) {
            if (CliShapes.text(c.getAsJsonObject(), "name").equalsIgnoreCase(name)) {
                if (match != null) {
                    throw AmlshException.usage("More than one Application Insights component is named '" + name + "'.",
                            "Add -g <group> to say which one.");
                }
                match = c.getAsJsonObject();
            }
        }
        if (match == null) {
            throw AmlshException.notFound("Application Insights component '" + name + "' was not found in the subscription.",
                    "See the components with 'monitor app-insights component list'.");
        }
        return match;
    }

    private static ApplicationType applicationType(String value) {
        String v = value == null ? "web" : value.toLowerCase(Locale.ROOT);
        if (!v.equals("web") && !v.equals("other")) {
            throw AmlshException.usage("Application type '" + value + "' is not valid.", "Use --application-type web or other.");
        }
        return ApplicationType.fromString(v);
    }

    private static AmlshException missing(String group, String name) {
        return AmlshException.notFound("Application Insights component '" + name + "' was not found in resource group '"
                + group + "'.", "See the components with 'monitor app-insights component list -g " + group + "'.");
    }

    private String groupPath(String group) {
        Names.checkResourceGroup(group);
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + group;
    }

    private String path(String group, String name) {
        return groupPath(group) + "/providers/" + TYPE + "/" + CliShapes.segment(name);
    }
}
