package dev.amlsh.sandbox.identity;

import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.Json;
import dev.amlsh.sandbox.store.SandboxStore;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The device-code flow of the sandbox authority: a code is handed out, approved by a user at
 * {@code /adfs/devicelogin} (the sandbox checks no password), then redeemed at the token endpoint.
 * Codes live in the store, so a sandbox of another process sharing the home can approve them.
 */
final class DeviceCodes {
    static final String SPACE = "identity.devicecode";
    static final long LIFETIME_SECONDS = 900;
    /** Short, so a sign-in finishes a second after approval; Entra ID uses 5. */
    static final long INTERVAL_SECONDS = 1;
    private static final String LETTERS = "BCDFGHJKLMNPQRSTVWXZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SandboxStore store;

    DeviceCodes(SandboxStore store) {
        this.store = store;
    }

    JsonObject start(Map<String, String> form, String authority) {
        String clientId = form.get("client_id");
        if (clientId == null || clientId.isBlank()) {
            throw ArmErrors.oauth(400, "invalid_request", "AADSTS900144: The request body must contain the following parameter: 'client_id'.");
        }
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            code.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
        }
        String userCode = code.toString();
        String deviceCode = UUID.randomUUID() + "." + UUID.randomUUID();
        JsonObject entry = new JsonObject();
        entry.addProperty("userCode", userCode);
        entry.addProperty("clientId", clientId);
        entry.addProperty("scope", form.getOrDefault("scope", form.get("resource")));
        entry.addProperty("expiresAt", Instant.now().getEpochSecond() + LIFETIME_SECONDS);
        store.putValue(SPACE, deviceCode, Json.GSON.toJson(entry));
        store.putValue(SPACE, "user:" + userCode, deviceCode);
        String page = authority + "/devicelogin";
        JsonObject out = new JsonObject();
        out.addProperty("device_code", deviceCode);
        out.addProperty("user_code", userCode);
        out.addProperty("verification_uri", page);
        out.addProperty("expires_in", LIFETIME_SECONDS);
        out.addProperty("interval", INTERVAL_SECONDS);
        out.addProperty("message", "To sign in, use a web browser to open the page " + page + "?user_code=" + userCode
                + "&username=<user> and enter the code " + userCode + " to authenticate (the sandbox asks no password).");
        return out;
    }

    /** Approves a pending code for {@code userClientId}; false when the code is unknown or expired. */
    boolean approve(String userCode, String userClientId) {
        String deviceCode = store.getValue(SPACE, "user:" + userCode.trim().toUpperCase(Locale.ROOT)).orElse(null);
        if (deviceCode == null) {
            return false;
        }
        JsonObject entry = store.getValue(SPACE, deviceCode).map(Json::parseObject).orElse(null);
        if (entry == null || entry.get("expiresAt").getAsLong() < Instant.now().getEpochSecond()) {
            return false;
        }
        entry.addProperty("approvedBy", userClientId);
        store.putValue(SPACE, deviceCode, Json.GSON.toJson(entry));
        return true;
    }

    /** The approved code ({@code approvedBy}: the user's client ID, {@code scope}), used up; or an OAuth error. */
    JsonObject redeem(String deviceCode) {
        if (deviceCode == null || deviceCode.isBlank()) {
            throw ArmErrors.oauth(400, "invalid_request", "AADSTS900144: The request body must contain the following parameter: 'device_code'.");
        }
        JsonObject entry = store.getValue(SPACE, deviceCode).map(Json::parseObject)
                .orElseThrow(() -> ArmErrors.oauth(400, "invalid_grant", "AADSTS70000: The provided device code is not valid."));
        if (entry.get("expiresAt").getAsLong() < Instant.now().getEpochSecond()) {
            throw ArmErrors.oauth(400, "expired_token", "AADSTS70020: The provided value for the input parameter 'device_code' is no longer valid.");
        }
        if (!entry.has("approvedBy")) {
            throw ArmErrors.oauth(400, "authorization_pending", "AADSTS70016: OAuth 2.0 device flow error. Authorization is pending. "
                    + "Continue polling.");
        }
        store.deleteValue(SPACE, deviceCode);
        store.deleteValue(SPACE, "user:" + Json.string(entry, "userCode"));
        return entry;
    }
}
