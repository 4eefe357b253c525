package dev.amlsh.azure;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.Mono;

/**
 * Retries what ARM says may be retried, and only when repeating the request is safe.
 * <ul>
 *   <li>Retried: 408, 429, 500, 502, 503, 504 and connection errors, for GET, HEAD, PUT, PATCH and
 *       DELETE (idempotent in ARM) and for POST actions that only read or are idempotent
 *       ({@code list*}, {@code register}, {@code unregister}, {@code checkNameAvailability}).</li>
 *   <li>Any other POST action (regenerate a key, fail over, ...) is retried only when the service
 *       certainly did not act: 429 (throttled before processing) or a refused connection.</li>
 *   <li>Waits: {@code Retry-After} (or {@code retry-after-ms}) when sent, else exponential backoff
 *       with jitter; both capped, briefly against the sandbox and as azure-core does against Azure.</li>
 * </ul>
 * The answer a command finally reports is the last attempt's, with that attempt's request ID.
 *
 * <pre>{@code
 * policies.add(ArmRetryPolicy.forCloud(connection.isSandbox()));
 * }</pre>
 */
public final class ArmRetryPolicy implements HttpPipelinePolicy {
    private static final Set<Integer> RETRYABLE = Set.of(408, 429, 500, 502, 503, 504);
    private static final Set<String> SAFE_ACTIONS = Set.of("register", "unregister", "checknameavailability");
    private static final HttpHeaderName RETRY_AFTER_MS = HttpHeaderName.fromString("retry-after-ms");
    private static final HttpHeaderName X_MS_RETRY_AFTER_MS = HttpHeaderName.fromString("x-ms-retry-after-ms");
    private static final AtomicLong RETRIES = new AtomicLong();

    private final int maxRetries;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Duration maxRetryAfter;

    ArmRetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {
        this.maxRetries = maxRetries;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.maxRetryAfter = maxRetryAfter;
    }

    /** Three retries; waits of at most 250 ms against the sandbox, azure-core's 0.8-8 s (Retry-After up to 60 s) against Azure. */
    public static ArmRetryPolicy forCloud(boolean sandbox) {
        return sandbox
                ? new ArmRetryPolicy(3, Duration.ofMillis(25), Duration.ofMillis(200), Duration.ofMillis(250))
                : new ArmRetryPolicy(3, Duration.ofMillis(800), Duration.ofSeconds(8), Duration.ofSeconds(60));
    }

    /** Retries made by every pipeline of this JVM so far (the reliability run reports it). */
    public static long retries() {
        return RETRIES.get();
    }

    @Override
    public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
        HttpRequest request = context.getHttpRequest();
        boolean unanswered = false;
        for (int attempt = 0; ; attempt++) {
            HttpResponse response;
            try {
                response = next.clone().processSync();
            } catch (RuntimeException e) {
                unanswered |= sentUnanswered(request, e);
                if (attempt < maxRetries && retryableError(request, e)) {
                    RETRIES.incrementAndGet();
                    sleep(backoff(attempt));
                    continue;
                }
                throw unanswered ? outcomeUnknown(request, e) : (RuntimeException) unreachable(request, e);
            }
            if (attempt < maxRetries && retryableStatus(request, response.getStatusCode())) {
                Duration wait = delay(attempt, response);
                response.close();
                RETRIES.incrementAndGet();
                sleep(wait);
                continue;
            }
            return response;
        }
    }

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        return attempt(context.getHttpRequest(), next, 0, false);
    }

    private Mono<HttpResponse> attempt(HttpRequest request, HttpPipelineNextPolicy next, int n, boolean unansweredBefore) {
        return next.clone().process()
                .map(Attempt::answered)
                .onErrorResume(e -> Mono.just(Attempt.failed(e)))
                .flatMap(a -> {
                    if (a.error() != null) {
                        boolean unanswered = unansweredBefore || sentUnanswered(request, a.error());
                        return n < maxRetries && retryableError(request, a.error())
                                ? Mono.delay(backoff(n)).doOnSubscribe(s -> RETRIES.incrementAndGet())
                                        .then(Mono.defer(() -> attempt(request, next, n + 1, unanswered)))
                                : Mono.error(unanswered ? outcomeUnknown(request, a.error()) : unreachable(request, a.error()));
                    }
                    if (n < maxRetries && retryableStatus(request, a.response().getStatusCode())) {
                        Duration wait = delay(n, a.response());
                        a.response().close();
                        RETRIES.incrementAndGet();
                        return Mono.delay(wait).then(Mono.defer(() -> attempt(request, next, n + 1, unansweredBefore)));
                    }
                    return Mono.just(a.response());
                });
    }

    /** One try: an answer or an error. */
    private record Attempt(HttpResponse response, Throwable error) {
        static Attempt answered(HttpResponse r) {
            return new Attempt(r, null);
        }

        static Attempt failed(Throwable e) {
            return new Attempt(null, e);
        }
    }

    /** True when sending the request twice cannot do twice what it asks. */
    static boolean safeToRepeat(HttpRequest request) {
        if (request.getHttpMethod() != HttpMethod.POST) {
            return true;
        }
        String path = request.getUrl().getPath();
        String last = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return last.startsWith("list") || SAFE_ACTIONS.contains(last) || path.toLowerCase(Locale.ROOT).endsWith("/oauth2/token");
    }

    /** True when a request that changes something was sent and the connection broke before the answer. */
    static boolean sentUnanswered(HttpRequest request, Throwable error) {
        HttpMethod m = request.getHttpMethod();
        if (m == HttpMethod.GET || m == HttpMethod.HEAD || request.getUrl().getPath().toLowerCase(Locale.ROOT).endsWith("/oauth2/token")) {
            return false;
        }
        boolean io = false;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof InterruptedException) {
                return false;
            }
            io |= t instanceof IOException || t instanceof UncheckedIOException || t instanceof TimeoutException;
        }
        return io;
    }

    private static OutcomeUnknownException outcomeUnknown(HttpRequest request, Throwable error) {
        return new OutcomeUnknownException(request.getHttpMethod().toString(), request.getUrl().getPath(), error);
    }

    /** A network failure, named by the host it could not reach; any other error as it is. */
    private static Throwable unreachable(HttpRequest request, Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof UnreachableHostException || t instanceof InterruptedException) {
                return error;
            }
            if (t instanceof IOException || t instanceof UncheckedIOException || t instanceof TimeoutException) {
                return new UnreachableHostException(request.getUrl().getHost(), error);
            }
        }
        return error;
    }

    static boolean retryableStatus(HttpRequest request, int status) {
        return RETRYABLE.contains(status) && (status == 429 || safeToRepeat(request));
    }

    static boolean retryableError(HttpRequest request, Throwable error) {
        boolean connectFailed = false;
        boolean ioFailed = false;
        for (Throwable t = error; t != null; t = t.getCause()) {
            connectFailed |= t instanceof ConnectException;
            ioFailed |= t instanceof IOException || t instanceof UncheckedIOException || t instanceof TimeoutException;
            if (t instanceof InterruptedException) {
                return false;
            }
        }
        return connectFailed || ioFailed && safeToRepeat(request);
    }

    /** The wait before the next attempt: what the service asked for (capped), else backoff. */
    Duration delay(int attempt, HttpResponse response) {
        Duration asked = retryAfter(response);
        if (asked != null) {
            return asked.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked;
        }
        return backoff(attempt);
    }

    private Duration backoff(int attempt) {
        long millis = baseDelay.toMillis() << Math.min(attempt, 16);
        long jittered = (long) (millis * ThreadLocalRandom.current().nextDouble(0.8, 1.2));
        return Duration.ofMillis(Math.min(jittered, maxDelay.toMillis()));
    }

    private static Duration retryAfter(HttpResponse response) {
        for (HttpHeaderName ms : new HttpHeaderName[] {RETRY_AFTER_MS, X_MS_RETRY_AFTER_MS}) {
            String v = response.getHeaderValue(ms);
            if (v != null) {
                try {
                    return Duration.ofMillis(Math.max(0, Long.parseLong(v.trim())));
                } catch (NumberFormatException ignored) {
                    // fall through to Retry-After
                }
            }
        }
        String v = response.getHeaderValue(HttpHeaderName.RETRY_AFTER);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (RuntimeException unreadable) {
                return null;
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
