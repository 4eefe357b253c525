package dev.amlsh.azure.ml;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.amlsh.azure.AzJson;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The objects the v1 CLI prints for a workspace (seed workflow §2 and §6): a flat object with
 * sorted keys and a lowercase {@code workspaceid}, and the three keys of a list item.
 *
 * <pre>{@code
 * JsonObject out = WorkspaceShapes.flat(ws, false);
 * }</pre>
 */
public final class WorkspaceShapes {
    private static final DateTimeFormatter CLI_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSxxx");

    private WorkspaceShapes() {
    }

    /** The §2 object; {@code withTags} adds {@code tags} as {@code show} and {@code update} print it. */
    public static JsonObject flat(Workspace ws, boolean withTags) {
        JsonObject out = new JsonObject();
        out.add("applicationInsights", AzJson.string(ws.applicationInsights()));
        out.add("containerRegistry", AzJson.string(ws.containerRegistry()));
        out.add("creationTime", AzJson.string(cliTime(ws.createdAt())));
        out.addProperty("description", ws.description() == null ? "" : ws.description());
        out.addProperty("friendlyName", ws.friendlyName() == null ? ws.name() : ws.friendlyName());
        out.addProperty("id", ws.id().id());
        out.add("identityPrincipalId", AzJson.string(ws.principalId()));
        out.add("identityTenantId", AzJson.string(ws.identityTenantId()));
        out.add("identityType", AzJson.string(ws.identityType()));
        out.add("keyVault", AzJson.string(ws.keyVault()));
        out.addProperty("location", ws.location());
        out.addProperty("name", ws.name());
        out.addProperty("resourceGroup", ws.resourceGroup());
        out.add("storageAccount", AzJson.string(ws.storageAccount()));
        if (withTags) {
            JsonObject tags = new JsonObject();
            ws.tags().forEach(tags::addProperty);
            out.add("tags", tags);
        }
        out.addProperty("type", WorkspaceClient.TYPE);
        out.add("workspaceid", AzJson.string(ws.workspaceId()));
        return AzJson.sorted(out).getAsJsonObject();
    }

    /** One item of {@code ml workspace list}. */
    public static JsonObject listItem(JsonElement workspace) {
        String id = workspace.getAsJsonObject().get("id").getAsString();
        String[] p = id.replaceAll("^/+", "").split("/");
        JsonObject out = new JsonObject();
        out.addProperty("resourceGroup", p[3]);
        out.addProperty("subscriptionId", p[1]);
        out.addProperty("workspaceName", p[7]);
        return out;
    }

    /** {@code 2019-08-30T20:24:19.6984254+00:00}, as the v1 CLI writes times. */
    static String cliTime(String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC).format(CLI_TIME);
        } catch (DateTimeParseException e) {
            return iso;
        }
    }
}
