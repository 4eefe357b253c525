package dev.amlsh.sandbox.lro;

import com.google.gson.JsonElement;

/**
 * What a handler asks {@link LroEngine#start} for.
 *
 * <pre>{@code
 * lro.start(new OperationSpec("resources.deleteGroup", sub, "Microsoft.Resources", "eastus", groupId, null));
 * }</pre>
 *
 * @param kind           the completion registered for it
 * @param subscriptionId subscription of the status URLs
 * @param namespace      namespace of the status URLs
 * @param location       location of the status URLs (the resource's location)
 * @param resourceId     the resource acted on
 * @param payload        data for the completion step, or null
 */
public record OperationSpec(String kind, String subscriptionId, String namespace, String location, String resourceId,
                            JsonElement payload) {
}
