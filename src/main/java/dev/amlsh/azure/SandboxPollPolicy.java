package dev.amlsh.azure;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelineSyncPolicy;

/**
 * Drops {@code Retry-After} from the sandbox's successful responses. ARM counts it in whole
 * seconds, so the sandbox can only say "1" for an operation that takes half a second; the fluent
 * SDK honours it over amlsh's short sandbox poll interval and a group delete took twice as long
 * as the operation (measured: 1.09 s for a 0.5 s delete, 0.53 s without the header). A "0"
 * stays (polling at once is faster still), and throttling answers (429, 503) keep theirs.
 *
 * <pre>{@code
 * policies.add(new SandboxPollPolicy()); // only on a sandbox connection
 * }</pre>
 */
final class SandboxPollPolicy extends HttpPipelineSyncPolicy {
    @Override
    protected HttpResponse afterReceivedResponse(HttpPipelineCallContext context, HttpResponse response) {
        String retryAfter = response.getHeaderValue(HttpHeaderName.RETRY_AFTER);
        if (response.getStatusCode() < 300 && retryAfter != null && !retryAfter.equals("0")) {
            response.getHeaders().remove(HttpHeaderName.RETRY_AFTER);
        }
        return response;
    }
}
