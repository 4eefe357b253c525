package dev.amlsh.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class SandboxPollPolicyTest {
    private static String retryAfterSeen(int status, String retryAfter) {
        HttpPipeline pipeline = new HttpPipelineBuilder()
                .httpClient(request -> Mono.just(new Answer(request, status,
                        new HttpHeaders().set(HttpHeaderName.RETRY_AFTER, retryAfter))))
                .policies(new SandboxPollPolicy())
                .build();
        try (HttpResponse r = pipeline.sendSync(new HttpRequest(HttpMethod.GET, "https://127.0.0.1/op"), Context.NONE)) {
            return r.getHeaderValue(HttpHeaderName.RETRY_AFTER);
        }
    }

    @Test
    void aSandboxOperationInProgressIsPolledAtAmlshsPaceNotAfterAWholeSecond() {
        assertNull(retryAfterSeen(202, "1"));
        assertNull(retryAfterSeen(200, "1"));
    }

    @Test
    void anImmediatePollAndThrottlingWaitsAreKept() {
        assertEquals("0", retryAfterSeen(202, "0"));
        assertEquals("1", retryAfterSeen(429, "1"));
        assertEquals("1", retryAfterSeen(503, "1"));
    }

    /** A bodiless answer with the given status and headers. */
    private static final class Answer extends HttpResponse {
        private final int status;
        private final HttpHeaders headers;

        Answer(HttpRequest request, int status, HttpHeaders headers) {
            super(request);
            this.status = status;
            this.headers = headers;
        }

        @Override
        public int getStatusCode() {
            return status;
        }

        @Override
        @Deprecated
        public String getHeaderValue(String name) {
            return headers.getValue(name);
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }

        @Override
        public Flux<ByteBuffer> getBody() {
            return Flux.empty();
        }

        @Override
        public Mono<byte[]> getBodyAsByteArray() {
            return Mono.empty();
        }

        @Override
        public Mono<String> getBodyAsString() {
            return Mono.empty();
        }

        @Override
        public Mono<String> getBodyAsString(Charset charset) {
            return Mono.empty();
        }
    }
}
