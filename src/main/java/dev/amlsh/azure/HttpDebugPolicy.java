package dev.amlsh.azure;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import java.io.PrintStream;
import reactor.core.publisher.Mono;

/**
 * Prints each request and response line while {@code --debug} is on: method, URL, status, time
 * and request ID. Never prints headers or bodies, so no token or key can leak through it.
 *
 * <pre>{@code
 * HttpDebugPolicy debug = new HttpDebugPolicy();
 * debug.sink(System.err); // on; null turns it off
 * }</pre>
 */
public final class HttpDebugPolicy implements HttpPipelinePolicy {
    private static final java.util.regex.Pattern SECRET_QUERY = java.util.regex.Pattern.compile(
            "(?i)([?&](?:sig|signature|code|key|[\\w-]*secret|[\\w-]*token|password|sv_key)=)[^&#]*");
    private volatile PrintStream sink;

    public void sink(PrintStream sink) {
        this.sink = sink;
    }

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        PrintStream out = sink;
        if (out == null) {
            return next.process();
        }
        long start = System.nanoTime();
        out.println("DEBUG: " + context.getHttpRequest().getHttpMethod() + " " + masked(context.getHttpRequest().getUrl()));
        return next.process().doOnNext(r -> log(out, r, start));
    }

    @Override
    public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
        PrintStream out = sink;
        if (out == null) {
            return next.processSync();
        }
        long start = System.nanoTime();
        out.println("DEBUG: " + context.getHttpRequest().getHttpMethod() + " " + masked(context.getHttpRequest().getUrl()));
        HttpResponse response = next.processSync();
        log(out, response, start);
        return response;
    }

    /** The URL with the values of secret-looking query parameters (SAS signatures, codes, keys, tokens) replaced by ***. */
    static String masked(java.net.URL url) {
        return SECRET_QUERY.matcher(url.toString()).replaceAll("$1***");
    }

    private static void log(PrintStream out, HttpResponse response, long start) {
        out.println("DEBUG: " + response.getStatusCode() + " in " + (System.nanoTime() - start) / 1_000_000 + " ms"
                + " (x-ms-request-id " + response.getHeaderValue("x-ms-request-id") + ")");
    }
}
