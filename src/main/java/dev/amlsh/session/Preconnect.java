package dev.amlsh.session;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import dev.amlsh.sandbox.contract.ServiceFiles;
import dev.amlsh.sandbox.contract.ServiceRecord;
import java.util.Optional;

/**
 * Opens the TLS connection to the home's running sandbox on a second thread while the process
 * does the rest of its start-up (arguments, configuration, the command's parser): the trust
 * context, the HTTP client and the handshake are then ready when the command's first request
 * goes out, over the same kept-alive connection ({@link SharedHttp}). It asks the sandbox's
 * authority for its public OpenID configuration, which needs no token and changes nothing; it
 * never starts a sandbox, and any failure is left for the command itself to meet and report.
 *
 * <pre>{@code
 * Preconnect.start(home);   // first thing in main
 * }</pre>
 */
public final class Preconnect {
    private Preconnect() {
    }

    /** Starts the connection on a daemon thread when the home's sandbox runs; returns at once. */
    public static void start(AmlshHome home) {
        Thread thread = new Thread(() -> connect(home), "amlsh-preconnect");
        thread.setDaemon(true);
        thread.start();
    }

    private static void connect(AmlshHome home) {
        try {
            Optional<ServiceRecord> running = ServiceRecord.read(home.sandbox().resolve(ServiceFiles.RECORD));
            if (running.isEmpty()) {
                return;
            }
            ServiceRecord r = running.get();
            var http = SharedHttp.forTrust(PemTrust.sslContext(r.certificate()));
            HttpRequest probe = new HttpRequest(HttpMethod.GET, r.endpoint().resolve("adfs/.well-known/openid-configuration").toString());
            try (HttpResponse response = http.sendSync(probe, Context.NONE)) {
                response.getBodyAsByteArray().block();   // read to the end, so the connection goes back to the pool
            }
        } catch (Exception | LinkageError ignored) {
            // The command meets the same failure (or none) and says so in one line.
        }
    }
}
