package dev.amlsh.sandbox.identity;

import java.net.URI;
import java.util.Locale;

/**
 * The audiences an ARM token of this sandbox may carry: Azure Resource Manager's own resource IDs
 * (what the Azure CLI and the SDKs ask for, as Entra ID maps the management scopes) and this
 * sandbox's own endpoint (or its Graph under {@code /graph/}), with or without the trailing slash,
 * by address or as {@code localhost}.
 * A token for any other service, another port included, is refused as Azure refuses a token for
 * another resource.
 *
 * <pre>{@code
 * if (!AudienceCheck.accepted(claims.aud, endpoint)) throw ArmErrors.invalidTokenAudience(aud);
 * }</pre>
 */
final class AudienceCheck {
    private AudienceCheck() {
    }

    static boolean accepted(String aud, URI endpoint) {
        if (aud == null) {
            return false;
        }
        String a = trim(aud.toLowerCase(Locale.ROOT));
        if (a.equals("https://management.azure.com") || a.equals("https://management.core.windows.net")) {
            return true;
        }
        if (endpoint == null) {
            return false;
        }
        if (a.endsWith("/graph")) {
            a = a.substring(0, a.length() - "/graph".length()); // the Microsoft Graph this sandbox serves under /graph/
        }
        int port = endpoint.getPort();
        return a.equals(trim(endpoint.toString().toLowerCase(Locale.ROOT)))
                || a.equals("https://127.0.0.1:" + port) || a.equals("https://localhost:" + port);
    }

    private static String trim(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
