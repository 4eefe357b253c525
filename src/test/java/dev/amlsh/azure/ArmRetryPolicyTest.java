package dev.amlsh.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The retry rules with a scripted HTTP client: what is retried, what is not, and whose answer is reported. */
class ArmRetryPolicyTest {
    private static final String ARM = "https://127.0.0.1:1/subscriptions/s/resourceGroups/rg1";
    private static final String REGENERATE = ARM + "/providers/Microsoft.Storage/storageAccounts/sa1/regenerateKey";
    private static final String LIST_KEYS = ARM + "/providers/Microsoft.Storage/storageAccounts/sa1/listKeys";

    /** Answers each call from a script of statuses (or exceptions), recording the calls. */
    private static final class Scripted implements HttpClient {
        final List<Object> script;
        final List<String> calls = new ArrayList<>();

        Scripted(Object... script) {
            this.script = List.of(script);
        }

        @Override
        public Mono<HttpResponse> send(HttpRequest request) {
            int n = calls.size();
            calls.add(request.getHttpMethod() + " " + request.getUrl());
            Object next = script.get(Math.min(n, script.size() - 1));
            if (next instanceof Throwable t) {
                return Mono.error(t);
            }
            HttpHeaders headers = new HttpHeaders().set(HttpHeaderName.fromString("x-ms-request-id"), "req-" + (n + 1));
            if (next instanceof String s && s.contains(":")) {
                headers.set(HttpHeaderName.RETRY_AFTER, s.substring(s.indexOf(':') + 1));
                next = Integer.parseInt(s.substring(0, s.indexOf(':')));
            }
            return Mono.just(new Canned(request, (Integer) next, headers));
        }
    }

    private static final class Canned extends HttpResponse {
        private final int status;
        private final HttpHeaders headers;

        Canned(HttpRequest request, int status, HttpHeaders headers) {
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
            return headers.getValue(HttpHeaderName.fromString(name));
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
            return Mono.just(new byte[0]);
        }

        @Override
        public Mono<String> getBodyAsString() {
            return Mono.just("");
        }

        @Override
        public Mono<String> getBodyAsString(Charset charset) {
            return Mono.just("");
        }
    }

    private static HttpPipeline pipeline(Scripted client) {
        return new HttpPipelineBuilder().httpClient(client)
                .policies(new ArmRetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(50))).build();
    }

    private static int send(Scripted client, HttpMethod method, String url, boolean reactive) {
        HttpRequest request = new HttpRequest(method, url);
        try (HttpResponse r = reactive ? pipeline(client).send(request).block() : pipeline(client).sendSync(request, Context.NONE)) {
            return r.getStatusCode();
        }
    }

    @Test
    void idempotentRequestsAreRetriedUntilTheyWork() {
        for (boolean reactive : new boolean[] {false, true}) {
            Scripted get = new Scripted(503, "429:1", 200);
            assertEquals(200, send(get, HttpMethod.GET, ARM, reactive));
            assertEquals(3, get.calls.size());
            Scripted put = new Scripted(500, 502, 504, 200);
            assertEquals(200, send(put, HttpMethod.PUT, ARM, reactive));
            assertEquals(4, put.calls.size());
            Scripted listKeys = new Scripted(500, 200);
            assertEquals(200, send(listKeys, HttpMethod.POST, LIST_KEYS, reactive));
            assertEquals(2, listKeys.calls.size(), "listKeys only reads");
        }
    }

    @Test
    void unsafePostsAreRetriedOnlyWhenTheServiceCertainlyDidNotAct() {
        for (boolean reactive : new boolean[] {false, true}) {
            Scripted failed = new Scripted(500, 200);
            assertEquals(500, send(failed, HttpMethod.POST, REGENERATE, reactive));
            assertEquals(1, failed.calls.size(), "a 500 may have regenerated the key already");
            Scripted throttled = new Scripted(429, 200);
            assertEquals(200, send(throttled, HttpMethod.POST, REGENERATE, reactive));
            assertEquals(2, throttled.calls.size(), "429 means it was never processed");
            Scripted reset = new Scripted(new IOException("connection reset"), 200);
            assertThrows(RuntimeException.class, () -> send(reset, HttpMethod.POST, REGENERATE, reactive));
            assertEquals(1, reset.calls.size());
            Scripted refused = new Scripted(new ConnectException("refused"), 200);
            assertEquals(200, send(refused, HttpMethod.POST, REGENERATE, reactive));
            assertEquals(2, refused.calls.size(), "a refused connection never reached the service");
        }
    }

    @Test
    void connectionErrorsOnReadsAreRetriedAndTheLastAnswerIsReported() {
        for (boolean reactive : new boolean[] {false, true}) {
            Scripted dropped = new Scripted(new IOException("HTTP/1.1 header parser received no bytes"), 200);
            assertEquals(200, send(dropped, HttpMethod.GET, ARM, reactive));
            Scripted broken = new Scripted(500);
            HttpRequest request = new HttpRequest(HttpMethod.GET, ARM);
            try (HttpResponse r = reactive ? pipeline(broken).send(request).block() : pipeline(broken).sendSync(request, Context.NONE)) {
                assertEquals(500, r.getStatusCode());
                assertEquals("req-4", r.getHeaderValue(HttpHeaderName.fromString("x-ms-request-id")), "the last of 4 attempts");
            }
            assertEquals(4, broken.calls.size());
            assertEquals(400, send(new Scripted(400, 200), HttpMethod.GET, ARM, reactive), "client errors are final");
        }
    }

    @Test
    void retryAfterIsHonouredButCappedForTheSandbox() {
        Scripted slow = new Scripted("503:30", 200);
        long start = System.nanoTime();
        HttpRequest request = new HttpRequest(HttpMethod.GET, ARM);
        HttpPipeline sandbox = new HttpPipelineBuilder().httpClient(slow).policies(ArmRetryPolicy.forCloud(true)).build();
        assertEquals(200, sandbox.sendSync(request, Context.NONE).getStatusCode());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis >= 200 && millis < 2_000, "waited " + millis + " ms");
        ArmRetryPolicy azure = ArmRetryPolicy.forCloud(false);
        Scripted one = new Scripted("429:7");
        HttpResponse throttled = one.send(request).block();
        assertEquals(Duration.ofSeconds(7), azure.delay(0, throttled), "against Azure the asked wait is kept");
        assertEquals(Duration.ofMillis(250), ArmRetryPolicy.forCloud(true).delay(0, throttled));
    }
}
