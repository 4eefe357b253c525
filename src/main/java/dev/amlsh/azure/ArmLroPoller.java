package dev.amlsh.azure;

import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpResponse;
import com.azure.core.management.exception.ManagementError;
import com.azure.core.management.exception.ManagementException;
import com.azure.core.management.polling.PollResult;
import com.azure.core.management.serializer.SerializerFactory;
import com.azure.core.util.BinaryData;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
import com.azure.core.util.serializer.CollectionFormat;
import com.azure.core.util.serializer.SerializerAdapter;
import com.azure.core.util.serializer.SerializerEncoding;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * azure-core-management's ARM poller as the {@code SyncPoller<BinaryData, BinaryData>} amlsh's
 * callers use: poll values and the final result are the service's bodies as sent, and an
 * operation that ended {@code Failed} or {@code Canceled} is an error (a
 * {@link ManagementException} with the service's code and message), not an empty result.
 *
 * <pre>{@code
 * JsonElement ws = ArmRest.json(rest.beginLro(HttpMethod.PUT, path, "2024-04-01", body).getFinalResult());
 * }</pre>
 */
final class ArmLroPoller implements SyncPoller<BinaryData, BinaryData> {
    /** The management serializer (which also keeps the poller's state), with bodies passed through as BinaryData. */
    static final SerializerAdapter SERIALIZER = new RawBodies(SerializerFactory.createDefaultManagementSerializerAdapter());

    private final SyncPoller<PollResult<BinaryData>, BinaryData> arm;
    private volatile PollResponse<PollResult<BinaryData>> last;
    private volatile Duration firstWait;

    /**
     * @param firstWait how long to wait before the first poll: azure-core polls at once after the
     *                  service's first answer, ARM asks clients to wait its {@code Retry-After}
     *                  (else the poll interval) first; zero when the operation already ended
     */
    ArmLroPoller(SyncPoller<PollResult<BinaryData>, BinaryData> arm, Duration firstWait) {
        this.arm = arm;
        this.firstWait = firstWait;
    }

    private void beforeFirstPoll() {
        Duration wait = firstWait;
        firstWait = Duration.ZERO;
        if (wait.isZero() || wait.isNegative()) {
            return;
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted while waiting to poll");
        }
    }

    /** Why the operation failed, once it has; null while it runs or when it succeeded. */
    ManagementException failure() {
        PollResponse<PollResult<BinaryData>> r = last;
        if (r == null || r.getValue() == null || r.getValue().getError() == null) {
            return null;
        }
        PollResult.Error e = r.getValue().getError();
        String code = "OperationFailed";
        String message = e.getMessage();
        try {
            JsonObject body = JsonParser.parseString(e.getResponseBody()).getAsJsonObject();
            JsonElement error = body.has("error") ? body.get("error") : body;
            if (error.isJsonObject() && error.getAsJsonObject().has("code")) {
                code = error.getAsJsonObject().get("code").getAsString();
                JsonElement text = error.getAsJsonObject().get("message");
                message = text == null || text.isJsonNull() ? message : text.getAsString();
            }
        } catch (RuntimeException notJson) {
            // Keep the poller's own message: the service sent no ARM error body.
        }
        return new ManagementException(message, new FailedPoll(e), new ManagementError(code, message));
    }

    private PollResponse<BinaryData> seen(PollResponse<PollResult<BinaryData>> r) {
        last = r;
        BinaryData value = r.getValue() == null ? null : r.getValue().getValue();
        return new PollResponse<>(r.getStatus(), value, r.getRetryAfter());
    }

    @Override
    public PollResponse<BinaryData> poll() {
        beforeFirstPoll();
        return seen(arm.poll());
    }

    @Override
    public PollResponse<BinaryData> waitForCompletion() {
        beforeFirstPoll();
        return seen(arm.waitForCompletion());
    }

    @Override
    public PollResponse<BinaryData> waitForCompletion(Duration timeout) {
        beforeFirstPoll();
        return seen(arm.waitForCompletion(timeout));
    }

    @Override
    public PollResponse<BinaryData> waitUntil(LongRunningOperationStatus status) {
        beforeFirstPoll();
        return seen(arm.waitUntil(status));
    }

    @Override
    public PollResponse<BinaryData> waitUntil(Duration timeout, LongRunningOperationStatus status) {
        beforeFirstPoll();
        return seen(arm.waitUntil(timeout, status));
    }

    @Override
    public BinaryData getFinalResult() {
        PollResponse<BinaryData> end = waitForCompletion();
        if (end.getStatus() != LongRunningOperationStatus.SUCCESSFULLY_COMPLETED) {
            ManagementException why = failure();
            throw why != null ? why : new ManagementException("The operation ended " + end.getStatus() + ".", null);
        }
        return arm.getFinalResult();
    }

    @Override
    public void cancelOperation() {
        arm.cancelOperation();
    }

    @Override
    public SyncPoller<BinaryData, BinaryData> setPollInterval(Duration interval) {
        arm.setPollInterval(interval);
        return this;
    }

    /** The answer that ended a failed operation, as the error mapping reads it (status, request ID). */
    private static final class FailedPoll extends HttpResponse {
        private final PollResult.Error error;

        FailedPoll(PollResult.Error error) {
            super(null);
            this.error = error;
        }

        @Override
        public int getStatusCode() {
            return error.getResponseStatusCode();
        }

        @Override
        @Deprecated
        public String getHeaderValue(String name) {
            return error.getResponseHeaders() == null ? null : error.getResponseHeaders().getValue(name);
        }

        @Override
        public HttpHeaders getHeaders() {
            return error.getResponseHeaders() == null ? new HttpHeaders() : error.getResponseHeaders();
        }

        @Override
        public Flux<java.nio.ByteBuffer> getBody() {
            return Flux.just(java.nio.ByteBuffer.wrap(text().getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public Mono<byte[]> getBodyAsByteArray() {
            return Mono.just(text().getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public Mono<String> getBodyAsString() {
            return Mono.just(text());
        }

        @Override
        public Mono<String> getBodyAsString(Charset charset) {
            return Mono.just(text());
        }

        private String text() {
            return error.getResponseBody() == null ? "" : error.getResponseBody();
        }
    }

    /** Delegates to the management serializer, except that a body wanted as BinaryData is kept as sent. */
    private record RawBodies(SerializerAdapter inner) implements SerializerAdapter {
        @Override
        public String serialize(Object object, SerializerEncoding encoding) throws IOException {
            return inner.serialize(object, encoding);
        }

        @Override
        public String serializeRaw(Object object) {
            return inner.serializeRaw(object);
        }

        @Override
        public String serializeList(List<?> list, CollectionFormat format) {
            return inner.serializeList(list, format);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T deserialize(String value, Type type, SerializerEncoding encoding) throws IOException {
            return type == BinaryData.class ? (T) BinaryData.fromString(value) : inner.deserialize(value, type, encoding);
        }

        @Override
        public <T> T deserialize(byte[] bytes, Type type, SerializerEncoding encoding) throws IOException {
            return type == BinaryData.class ? deserialize(new String(bytes, StandardCharsets.UTF_8), type, encoding)
                    : inner.deserialize(bytes, type, encoding);
        }

        @Override
        public <T> T deserialize(com.azure.core.http.HttpHeaders headers, Type type) throws IOException {
            return inner.deserialize(headers, type);
        }
    }
}
