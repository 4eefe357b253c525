package dev.amlsh.sandbox.arm;

/**
 * Who sent a request, taken from the verified bearer token.
 *
 * <pre>{@code
 * Principal p = request.principal();
 * if (!roles.allows(p.objectId(), scope, action)) throw ArmErrors.authorizationFailed(p.objectId(), action, scope);
 * }</pre>
 *
 * @param objectId          the directory object ID ({@code oid})
 * @param displayName       a readable name (user principal name or application name)
 * @param userPrincipalName {@code upn} for users, null for service principals
 * @param appId             the client ID the token was issued to
 * @param type              {@code User} or {@code ServicePrincipal}
 * @param tenantId          {@code tid}
 */
public record Principal(String objectId, String displayName, String userPrincipalName, String appId, String type,
                        String tenantId) {
}
