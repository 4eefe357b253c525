package dev.amlsh.sandbox.authz;

import dev.amlsh.sandbox.arm.Json;
import dev.amlsh.sandbox.store.KeyValue;
import dev.amlsh.sandbox.store.SandboxStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every role definition the sandbox knows: the built-in ones ({@link BuiltInRoles}) and the custom
 * roles of the tenant, kept in the store by GUID (a role definition's GUID and its name are unique
 * in the tenant, whatever scope it was written at).
 *
 * <pre>{@code
 * RoleDefinitionStore roles = new RoleDefinitionStore(store);
 * roles.find("acdd72a7-3385-48ef-bd42-f606fba81ae7"); // Reader
 * roles.put(customRole);
 * }</pre>
 */
public final class RoleDefinitionStore {
    private static final String CUSTOM = "authz.customRoles";
    private final SandboxStore store;

    public RoleDefinitionStore(SandboxStore store) {
        this.store = store;
    }

    /** The built-in or custom role with this GUID (any casing). */
    public Optional<RoleDefinition> find(String guid) {
        Optional<RoleDefinition> builtIn = BuiltInRoles.byId(guid);
        return builtIn.isPresent() ? builtIn : custom(guid);
    }

    /** The custom role with this GUID. */
    public Optional<RoleDefinition> custom(String guid) {
        return store.getValue(CUSTOM, guid.toLowerCase(Locale.ROOT))
                .map(text -> RoleDefinition.fromJson(Json.parse(text).getAsJsonObject()));
    }

    /** Every custom role of the tenant. */
    public List<RoleDefinition> customRoles() {
        List<RoleDefinition> out = new ArrayList<>();
        for (KeyValue kv : store.listValues(CUSTOM, "")) {
            out.add(RoleDefinition.fromJson(Json.parse(kv.value()).getAsJsonObject()));
        }
        return out;
    }

    /** The built-in roles, then the custom ones. */
    public List<RoleDefinition> all() {
        List<RoleDefinition> out = new ArrayList<>(BuiltInRoles.all());
        out.addAll(customRoles());
        return out;
    }

    public RoleDefinition put(RoleDefinition role) {
        store.putValue(CUSTOM, role.name().toLowerCase(Locale.ROOT), role.toJson(null).toString());
        return role;
    }

    public boolean delete(String guid) {
        return store.deleteValue(CUSTOM, guid.toLowerCase(Locale.ROOT));
    }
}
