package dev.amlsh.sandbox.server;

import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.identity.IdentityService;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** The token endpoints under {@code /adfs}: no bearer token, no api-version. */
final class IdentityRoutes {
    private IdentityRoutes() {
    }

    static ArmResponse route(RawRequest raw, IdentityService identity, URI endpoint) {
        String path = String.join("/", raw.segments()).toLowerCase(Locale.ROOT);
        switch (path) {
            case "adfs/oauth2/token":
                if (!raw.method().equals("POST")) {
                    throw ArmErrors.methodNotAllowed(raw.method());
                }
                String form = new String(raw.body(), StandardCharsets.UTF_8);
                return ArmResponse.ok(identity.token(RawRequest.query(form), basic(raw.header("authorization")), endpoint));
            case "adfs/.well-known/openid-configuration":
                return get(raw, () -> ArmResponse.ok(identity.openIdConfiguration(endpoint)));
            case "adfs/discovery/keys":
                return get(raw, () -> ArmResponse.ok(identity.keys()));
            default:
                throw ArmErrors.pathNotFound(raw.path());
        }
    }

    private static ArmResponse get(RawRequest raw, java.util.function.Supplier<ArmResponse> answer) {
        if (!List.of("GET", "HEAD").contains(raw.method())) {
            throw ArmErrors.methodNotAllowed(raw.method());
        }
        return answer.get();
    }

    /** The decoded {@code id:secret} of a Basic authorization header, or null. */
    private static String basic(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            return new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
