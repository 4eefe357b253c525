package dev.amlsh.session;

import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * One HTTP client per trust (a cloud's TLS context, or the JDK's own), shared by the process's
 * ARM pipeline and its sign-in: they then share kept-alive connections, and a connection opened
 * ahead of need ({@link Preconnect}) serves the first request. Only the last few are kept, so a
 * process that talks to many sandboxes (the test suite) lets the old clients and their threads go.
 *
 * <pre>{@code
 * HttpClient http = SharedHttp.forTrust(PemTrust.sslContext(certificate));
 * }</pre>
 */
public final class SharedHttp {
    private static final int KEPT = 4;
    private static final Object DEFAULT_TRUST = new Object();
    private static final Map<Object, HttpClient> CLIENTS = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, HttpClient> eldest) {
            return size() > KEPT;
        }
    };

    private SharedHttp() {
    }

    /** The client trusting {@code ssl} (null: the JDK's trust store): HTTP/1.1, 10 s to connect. */
    public static synchronized HttpClient forTrust(SSLContext ssl) {
        return CLIENTS.computeIfAbsent(ssl == null ? DEFAULT_TRUST : ssl, k -> {
            java.net.http.HttpClient.Builder jdk = java.net.http.HttpClient.newBuilder()
                    .version(java.net.http.HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10));
            if (ssl != null) {
                jdk.sslContext(ssl);
            }
            return new JdkHttpClientBuilder(jdk).connectionTimeout(Duration.ofSeconds(10)).build();
        });
    }
}
