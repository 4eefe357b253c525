package dev.amlsh.sandbox.identity;

import dev.amlsh.sandbox.store.PrivateFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * The key and self-signed certificate a sandbox service principal signs its client assertions
 * with, kept as one PEM (private key, then certificate) in {@code <home>/identities/}, the form
 * azure-identity's {@code ClientCertificateCredentialBuilder.pemCertificate} reads.
 *
 * <pre>{@code
 * ClientCertificate ci = ClientCertificate.loadOrCreate(home, "amlsh-ci");
 * Path pem = ci.pem();
 * }</pre>
 */
public record ClientCertificate(Path pem, X509Certificate certificate) {
    private static Path inMemoryDir;

    /** The home's certificate for {@code name}, made on first use; with no home, one per JVM in a temporary folder. */
    public static ClientCertificate loadOrCreate(Path home, String name) {
        Path dir;
        if (home == null) {
            synchronized (ClientCertificate.class) {
                if (inMemoryDir == null) {
                    try {
                        inMemoryDir = PrivateFiles.directory(Files.createTempDirectory("amlsh-identities-"));
                        inMemoryDir.toFile().deleteOnExit();
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot create a temporary folder for the sandbox identities", e);
                    }
                }
                dir = inMemoryDir;
            }
        } else {
            dir = PrivateFiles.directory(home.resolve("identities"));
        }
        Path pem = dir.resolve(name + ".pem");
        // Processes starting together on a fresh home: one makes the pair, the others read it.
        return home == null ? loadOrCreate(pem, dir, name, true) : PrivateFiles.locked(home, () -> loadOrCreate(pem, dir, name, false));
    }

    private static ClientCertificate loadOrCreate(Path pem, Path dir, String name, boolean temporary) {
        synchronized (ClientCertificate.class) {
            try {
                if (!Files.exists(pem)) {
                    PrivateFiles.write(pem, generate(dir, name).getBytes(StandardCharsets.US_ASCII));
                    if (temporary) {
                        pem.toFile().deleteOnExit();
                    }
                }
                return new ClientCertificate(pem, readCertificate(Files.readString(pem)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make the certificate " + pem, e);
            } catch (GeneralSecurityException e) {
                // a damaged local file, not the network: name it (deleting it makes a new one)
                throw new UncheckedIOException(new java.nio.file.FileSystemException(pem.toString(), null,
                        "damaged (" + e.getMessage() + ")"));
            }
        }
    }

    /** The certificate's SHA-1 thumbprint, base64url, as the {@code x5t} header carries it. */
    public String x5t() {
        return thumbprint("SHA-1");
    }

    /** The certificate's SHA-256 thumbprint, base64url ({@code x5t#S256}). */
    public String x5tS256() {
        return thumbprint("SHA-256");
    }

    /** The DER of the certificate, base64: what the directory keeps. */
    public String encoded() {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static X509Certificate decode(String base64Der) throws GeneralSecurityException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64Der)));
    }

    static String thumbprint(X509Certificate cert, String algorithm) {
        try {
            return Jwt.base64Url(MessageDigest.getInstance(algorithm).digest(cert.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String thumbprint(String algorithm) {
        return thumbprint(certificate, algorithm);
    }

    private static X509Certificate readCertificate(String pem) throws GeneralSecurityException {
        int start = pem.indexOf("-----BEGIN CERTIFICATE-----");
        if (start < 0) {
            throw new GeneralSecurityException("no certificate in the PEM");
        }
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.substring(start).getBytes(StandardCharsets.US_ASCII)));
    }

    /** Makes the pair with keytool (the JDK has no public API for a self-signed certificate) and returns the PEM. */
    private static String generate(Path dir, String name) throws IOException, GeneralSecurityException {
        byte[] raw = new byte[18];
        new SecureRandom().nextBytes(raw);
        // a name of its own, so that no other maker can delete or overwrite it
        Path store = dir.resolve(".new-" + name + "-" + Long.toHexString(new SecureRandom().nextLong()) + ".p12");
        String pass = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        ProcessBuilder pb = new ProcessBuilder(keytool, "-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048",
                "-validity", "3650", "-dname", "CN=" + name + ", O=amlsh sandbox", "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass:env", "AMLSH_SP_STOREPASS", "-keypass:env", "AMLSH_SP_STOREPASS", "-noprompt");
        pb.environment().put("AMLSH_SP_STOREPASS", pass);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("keytool failed: " + output.trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool made " + name + "'s certificate", e);
        }
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                ks.load(in, pass.toCharArray());
            }
            PrivateKey key = (PrivateKey) ks.getKey(name, pass.toCharArray());
            var mime = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
            return "-----BEGIN PRIVATE KEY-----\n" + mime.encodeToString(key.getEncoded()) + "\n-----END PRIVATE KEY-----\n"
                    + "-----BEGIN CERTIFICATE-----\n" + mime.encodeToString(ks.getCertificate(name).getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } finally {
            Files.deleteIfExists(store);
        }
    }
}
