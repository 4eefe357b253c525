package dev.amlsh.session;

/**
 * A subscription the signed-in identity can see, as {@code account list} shows it.
 *
 * <pre>{@code
 * new SubscriptionInfo("0b1f...", "Sandbox", "5b0f...", "Enabled");
 * }</pre>
 */
public record SubscriptionInfo(String id, String name, String tenantId, String state) {
}
