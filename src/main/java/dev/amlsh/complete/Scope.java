package dev.amlsh.complete;

import dev.amlsh.session.SubscriptionInfo;
import java.util.List;

/**
 * Where values are looked up for one line: the subscription ({@code --subscription} on the line,
 * else the current one), the group ({@code -g} on the line, else the current one), and the
 * subscriptions of the sign-in.
 *
 * <pre>{@code
 * new Scope("0b1f...", "rg1", state.subscriptions());
 * }</pre>
 */
record Scope(String subscriptionId, String group, List<SubscriptionInfo> subscriptions) {
}
