package dev.amlsh.sandbox.identity;

import dev.amlsh.sandbox.arm.ArmErrors;
import java.util.Locale;
import java.util.Set;

/**
 * Entra ID's rule for the audience of a token: the v1 {@code resource} is the audience as written; a v2
 * scope {@code X/.default} (or {@code X/permission}) names the resource {@code X}, everything before its
 * last slash. So {@code https://management.core.windows.net//.default}, as the Azure CLI asks, gives
 * {@code https://management.core.windows.net/}, and {@code https://management.azure.com/.default} gives
 * {@code https://management.azure.com}. OpenID scopes ({@code openid profile offline_access email}) name no resource.
 *
 * <pre>{@code
 * Audiences.of(null, "https://management.core.windows.net//.default offline_access", false); // "https://management.core.windows.net/"
 * }</pre>
 */
final class Audiences {
    private static final Set<String> OPENID = Set.of("openid", "profile", "offline_access", "email");
    private static final String DEFAULT = "/.default";

    private Audiences() {
    }

    /**
     * The audience for a token request; {@code clientCredentials} requires the {@code /.default} form, as Entra does.
     * Throws the OAuth error Entra gives when neither names a resource.
     */
    static String of(String resource, String scope, boolean clientCredentials) {
        if (resource != null && !resource.isBlank()) {
            String r = resource.trim();
            // Managed-identity clients sometimes pass a scope where a resource belongs; Entra's endpoints accept both.
            return r.endsWith(DEFAULT) ? r.substring(0, r.length() - DEFAULT.length()) : r;
        }
        if (scope == null || scope.isBlank()) {
            throw ArmErrors.oauth(400, "invalid_request", "AADSTS900144: The request body must contain the following parameter: 'scope'.");
        }
        String permission = null;
        for (String s : scope.trim().split("\\s+")) {
            if (s.endsWith(DEFAULT) && s.length() > DEFAULT.length()) {
                return s.substring(0, s.length() - DEFAULT.length());
            }
            if (permission == null && !OPENID.contains(s.toLowerCase(Locale.ROOT))) {
                permission = s;
            }
        }
        int slash = permission == null ? -1 : permission.lastIndexOf('/');
        if (clientCredentials || permission == null || slash <= permission.indexOf("://") + 2) {
            throw ArmErrors.oauth(400, "invalid_scope", "AADSTS1002012: The provided value for scope " + scope + " is not valid."
                    + (clientCredentials ? " Client credential flows must have a scope value with /.default suffixed to the resource"
                    + " identifier." : " Name a resource, e.g. https://management.core.windows.net//.default."));
        }
        return permission.substring(0, slash);
    }
}
