package dev.amlsh.sandbox.provider;

import com.google.gson.JsonElement;
import dev.amlsh.sandbox.arm.ArmRequest;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.lro.LroEngine;
import dev.amlsh.sandbox.lro.Operation;
import dev.amlsh.sandbox.lro.OperationResult;
import dev.amlsh.sandbox.lro.OperationSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answers of providers that do the work at once but still hand out an operation to poll, as
 * Microsoft.Network and Microsoft.ContainerRegistry do: the body (or none) with only the polling
 * headers that provider sends ({@code Azure-AsyncOperation}, and {@code Location} where it sends
 * one), plus {@code Retry-After} so pollers come back at once.
 *
 * <pre>{@code
 * return AsyncAnswers.of(ctx.lro(), req, "Microsoft.Network", "eastus", id, 201, doc, false);
 * }</pre>
 */
public final class AsyncAnswers {
    /** The kind of the operations this class starts: their work is already done. */
    public static final String KIND = "provider.async-done";

    private AsyncAnswers() {
    }

    /** Registers the completion of {@link #KIND} (once per engine). */
    public static void register(LroEngine lro) {
        lro.register(KIND, op -> op.payload() == null ? OperationResult.noContent() : OperationResult.ok(op.payload()));
    }

    /**
     * An answer with an operation to poll.
     *
     * @param withLocation also send {@code Location} (Network deletes do, creates do not)
     */
    public static ArmResponse of(LroEngine lro, ArmRequest req, String namespace, String location, String resourceId,
                                 int status, JsonElement body, boolean withLocation) {
        Operation op = lro.start(new OperationSpec(KIND, req.subscriptionId(), namespace, location, resourceId,
                body == null ? null : body.deepCopy()));
        Map<String, String> all = lro.pollHeaders(op, req.endpoint(), req.apiVersion());
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("Azure-AsyncOperation", all.get("Azure-AsyncOperation"));
        if (withLocation) {
            sent.put("Location", all.get("Location"));
        }
        sent.put("Retry-After", all.get("Retry-After"));
        return ArmResponse.of(status, body).withHeaders(sent);
    }
}
