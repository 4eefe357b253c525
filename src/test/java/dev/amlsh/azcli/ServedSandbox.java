package dev.amlsh.azcli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * {@code amlsh sandbox serve} in its own JVM, as a user starts it, with what it printed.
 *
 * <pre>{@code
 * try (ServedSandbox serve = ServedSandbox.start(home)) {
 *     List<String> paste = serve.azureCliLines();
 * }
 * }</pre>
 */
final class ServedSandbox implements AutoCloseable {
    private final Process process;
    private final List<String> printed;

    private ServedSandbox(Process process, List<String> printed) {
        this.process = process;
        this.printed = printed;
    }

    static ServedSandbox start(Path home) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), "dev.amlsh.app.Main", "sandbox", "serve").redirectErrorStream(true);
        pb.environment().put("AMLSH_HOME", home.toString());
        pb.environment().put("AMLSH_SANDBOX_LRO_DELAY_MS", "0");
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = out.readLine()) != null) {
            lines.add(line);
            if (line.startsWith("Press Ctrl-C")) {
                drainLater(p.getInputStream());
                return new ServedSandbox(p, lines);
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("sandbox serve did not start:\n" + String.join("\n", lines));
    }

    /** Everything serve printed before "Press Ctrl-C". */
    String printed() {
        return String.join("\n", printed);
    }

    /** The value of the line that starts with {@code label}. */
    String value(String label) {
        return printed.stream().filter(l -> l.startsWith(label)).findFirst()
                .map(l -> l.substring(label.length()).trim()).orElseThrow(() -> new AssertionError("no '" + label + "' in:\n" + printed()));
    }

    /** The indented lines after "Azure CLI:": one shell command each, to paste in order. */
    List<String> azureCliLines() {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String l : printed) {
            if (l.startsWith("Azure CLI:")) {
                in = true;
            } else if (in && l.startsWith("  ")) {
                out.add(l.trim());
            } else if (in) {
                break;
            }
        }
        return out;
    }

    /** Opens a page of the sandbox as a browser would (trusting its certificate); returns the status. */
    static int open(URI page, Path certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            trust.setCertificateEntry("sandbox", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        HttpClient client = HttpClient.newBuilder().sslContext(ssl).build();
        return client.send(HttpRequest.newBuilder(page).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static void drainLater(InputStream in) {
        Thread t = new Thread(() -> {
            try (in) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException ignored) {
                // the process ended
            }
        }, "serve-output");
        t.setDaemon(true);
        t.start();
    }
}
