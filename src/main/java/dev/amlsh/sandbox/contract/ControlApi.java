package dev.amlsh.sandbox.contract;

/**
 * The sandbox's control endpoints (HTTPS, same port as ARM). Only a token of the sandbox admin
 * ({@link Seed#ADMIN_USER}) may call them; anyone else gets 401 or 403 in the ARM error shape.
 * <ul>
 *   <li>{@code GET status}: {@link SandboxStatus}</li>
 *   <li>{@code POST reset}: wipe and seed again (204)</li>
 *   <li>{@code GET faults}: the rules; {@code POST faults} with a JSON object of fault settings
 *       ({@link FaultSettings}): the added rule (201), or 400 {@code InvalidFaultRule};
 *       {@code DELETE faults}: all (204); {@code DELETE faults/N}: one (204, or 404 {@code FaultRuleNotFound})</li>
 *   <li>{@code POST stop}: 202, then the service stops and removes its record</li>
 * </ul>
 *
 * <pre>{@code
 * rest.send(HttpMethod.POST, ControlApi.PREFIX + ControlApi.RESET, ControlApi.API_VERSION, null);
 * }</pre>
 */
public final class ControlApi {
    /** First path segment of every control endpoint. */
    public static final String SEGMENT = "amlsh-sandbox";
    public static final String PREFIX = "/" + SEGMENT + "/";
    public static final String STATUS = "status";
    public static final String RESET = "reset";
    public static final String FAULTS = "faults";
    public static final String STOP = "stop";
    /** Sent for symmetry with ARM; the control endpoints accept any. */
    public static final String API_VERSION = "2026-01-01";

    /** Error codes of the control endpoints. */
    public static final String INVALID_FAULT_RULE = "InvalidFaultRule";
    public static final String FAULT_RULE_NOT_FOUND = "FaultRuleNotFound";
    public static final String NOT_SANDBOX_ADMIN = "AuthorizationFailed";

    private ControlApi() {
    }
}
