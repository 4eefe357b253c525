package dev.amlsh.sandbox.contract;

import com.google.gson.JsonObject;

/**
 * What {@code GET /amlsh-sandbox/status} answers and {@code sandbox status} prints.
 *
 * <pre>{@code
 * JsonObject shown = new SandboxStatus(endpoint, pid, version, buildId, startedAt, uptime, served, mode, idle).toJson();
 * }</pre>
 */
public record SandboxStatus(String endpoint, long pid, String version, String buildId, String startedAt, long uptimeSeconds,
                            long requestsServed, String mode, long idleTimeoutSeconds) {
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("buildId", buildId);
        o.addProperty("endpoint", endpoint);
        o.addProperty("idleTimeoutSeconds", idleTimeoutSeconds);
        o.addProperty("mode", mode);
        o.addProperty("pid", pid);
        o.addProperty("requestsServed", requestsServed);
        o.addProperty("running", true);
        o.addProperty("startedAt", startedAt);
        o.addProperty("uptime", uptime(uptimeSeconds));
        o.addProperty("uptimeSeconds", uptimeSeconds);
        o.addProperty("version", version);
        return o;
    }

    /** {@code 1:02:03} (hours may grow past 24). */
    static String uptime(long seconds) {
        return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
