package dev.amlsh.sandbox.provider.authorization;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmRequest;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.authz.BuiltInRoles;
import dev.amlsh.sandbox.authz.RoleDefinition;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code GET {scope}/providers/Microsoft.Authorization/roleDefinitions[/{id}]} with {@code $filter=roleName eq '...'} or {@code type eq '...'}. */
final class RoleDefinitionsApi {
    private static final Pattern FILTER = Pattern.compile("^\\s*(roleName|type)\\s+eq\\s+'(.*)'\\s*$", Pattern.CASE_INSENSITIVE);

    private RoleDefinitionsApi() {
    }

    static ArmResponse handle(ArmRequest req) {
        if (!req.isMethod("GET")) {
            throw ArmErrors.of(400, "BadRequest", "Custom role definitions are not supported by the sandbox; use a built-in role.");
        }
        String sub = req.subscriptionId();
        if (req.name() != null) {
            RoleDefinition role = BuiltInRoles.byId(req.name()).orElseThrow(() -> ArmErrors.roleDefinitionNotFound(req.name()));
            return ArmResponse.ok(role.toJson(sub));
        }
        String filter = req.queryParam("$filter");
        String field = null;
        String value = null;
        if (filter != null && !filter.isBlank()) {
            Matcher m = FILTER.matcher(filter);
            if (!m.matches()) {
                throw ArmErrors.unsupportedFilter(filter);
            }
            field = m.group(1).toLowerCase(Locale.ROOT);
            value = m.group(2).replace("''", "'");
        }
        JsonArray values = new JsonArray();
        for (RoleDefinition role : BuiltInRoles.all()) {
            boolean keep = field == null
                    || (field.equals("rolename") && role.roleName().equalsIgnoreCase(value))
                    || (field.equals("type") && value.equalsIgnoreCase("BuiltInRole"));
            if (keep) {
                values.add(role.toJson(sub));
            }
        }
        JsonObject out = new JsonObject();
        out.add("value", values);
        return ArmResponse.ok(out);
    }
}
