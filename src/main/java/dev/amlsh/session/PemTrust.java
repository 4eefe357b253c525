package dev.amlsh.session;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds a TLS context that trusts exactly the certificates of one PEM file, the way a client of
 * the sandbox trusts its self-signed certificate without touching the JDK's trust store.
 *
 * <pre>{@code
 * SSLContext ssl = PemTrust.sslContext(Path.of("~/.amlsh/sandbox/certificate.pem"));
 * }</pre>
 */
public final class PemTrust {
    private PemTrust() {
    }

    /** The context of the last few files read, by path and change time: making one costs a one-shot command ~0.1 s. */
    private static final java.util.Map<String, SSLContext> MADE = new java.util.LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, SSLContext> eldest) {
            return size() > 4;
        }
    };

    public static SSLContext sslContext(Path pem) throws IOException {
        String key = pem.toAbsolutePath() + "|" + Files.getLastModifiedTime(pem).toMillis() + "|" + Files.size(pem);
        synchronized (MADE) {
            SSLContext made = MADE.get(key);
            if (made != null) {
                return made;
            }
        }
        SSLContext ssl = make(pem);
        synchronized (MADE) {
            SSLContext raced = MADE.putIfAbsent(key, ssl);
            return raced == null ? ssl : raced;
        }
    }

    private static SSLContext make(Path pem) throws IOException {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("cert-" + i++, cert);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            return ssl;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use the certificate in " + pem + ": " + e.getMessage(), e);
        }
    }
}
