package dev.amlsh.sandbox.server;

import dev.amlsh.sandbox.store.PrivateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The sandbox's self-signed server certificate (RSA 2048, SAN ip 127.0.0.1 and dns localhost),
 * made once by the JDK's {@code keytool} and kept in {@code certs/} of the home so clients that
 * trust it once keep trusting it. Its PEM goes to {@code certificate.pem} for clients to trust.
 *
 * <pre>{@code
 * TlsMaterial tls = TlsMaterial.loadOrCreate(home);
 * server.setHttpsConfigurator(new HttpsConfigurator(tls.sslContext()));
 * Path pem = tls.certificatePem();
 * }</pre>
 */
public final class TlsMaterial {
    private static final String ALIAS = "sandbox";
    private static TlsMaterial inMemory;

    private final SSLContext sslContext;
    private final Path certificatePem;

    private TlsMaterial(SSLContext sslContext, Path certificatePem) {
        this.sslContext = sslContext;
        this.certificatePem = certificatePem;
    }

    /** The home's certificate, created on first use; with no home, one per JVM in a temporary folder. */
    public static TlsMaterial loadOrCreate(Path home) {
        if (home == null) {
            synchronized (TlsMaterial.class) {
                if (inMemory == null) {
                    try {
                        Path tmp = Files.createTempDirectory("amlsh-sandbox-");
                        tmp.toFile().deleteOnExit();
                        inMemory = create(PrivateFiles.directory(tmp));
                        // deleted in the reverse order: a folder after what is in it
                        for (String f : new String[] {"certs", "certs/sandbox.p12", "certs/keystore.pass", "certificate.pem", ".lock"}) {
                            tmp.resolve(f).toFile().deleteOnExit();
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot create a temporary folder for the sandbox certificate", e);
                    }
                }
                return inMemory;
            }
        }
        return create(home);
    }

    private static TlsMaterial create(Path home) {
        return PrivateFiles.locked(home, () -> {
            Path certs = PrivateFiles.directory(home.resolve("certs"));
            Path keystore = certs.resolve("sandbox.p12");
            Path passFile = certs.resolve("keystore.pass");
            try {
                if (!Files.exists(keystore) || !Files.exists(passFile)) {
                    byte[] raw = new byte[24];
                    new SecureRandom().nextBytes(raw);
                    PrivateFiles.write(passFile, Base64.getUrlEncoder().withoutPadding().encodeToString(raw).getBytes(StandardCharsets.US_ASCII));
                    generate(keystore, Files.readString(passFile).trim());
                }
                char[] pass = Files.readString(passFile).trim().toCharArray();
                KeyStore ks = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(keystore)) {
                    ks.load(in, pass);
                } catch (java.nio.file.FileSystemException unreadable) {
                    throw unreadable;
                } catch (IOException | GeneralSecurityException damaged) {
                    // a local file, not the network: say which one, and that deleting it makes a new one
                    throw new java.nio.file.FileSystemException(keystore.toString(), null, "damaged (" + damaged.getClass().getSimpleName()
                            + (damaged.getMessage() == null ? "" : ": " + damaged.getMessage()) + ")");
                }
                Path pem = home.resolve("certificate.pem");
                PrivateFiles.write(pem, pem(ks.getCertificate(ALIAS)).getBytes(StandardCharsets.US_ASCII));
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(ks, pass);
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(kmf.getKeyManagers(), null, null);
                return new TlsMaterial(ctx, pem);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the sandbox certificate in " + certs, e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the sandbox certificate in " + certs + " is unusable; delete the folder to make a new one", e);
            }
        });
    }

    public SSLContext sslContext() {
        return sslContext;
    }

    public Path certificatePem() {
        return certificatePem;
    }

    private static void generate(Path keystore, String password) throws IOException {
        // a name of its own: a maker that did not hold the lock (an older amlsh) cannot delete or overwrite it
        Path tmp = keystore.resolveSibling(".new-" + Long.toHexString(new SecureRandom().nextLong()) + "-" + keystore.getFileName());
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        ProcessBuilder pb = new ProcessBuilder(keytool, "-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048",
                "-validity", "3650", "-dname", "CN=amlsh sandbox, O=amlsh", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-ext", "KU=digitalSignature,keyEncipherment", "-ext", "EKU=serverAuth",
                "-keystore", tmp.toString(), "-storetype", "PKCS12",
                // from the environment, so the password never shows in a process listing
                "-storepass:env", "AMLSH_SANDBOX_STOREPASS", "-keypass:env", "AMLSH_SANDBOX_STOREPASS", "-noprompt");
        pb.environment().put("AMLSH_SANDBOX_STOREPASS", password);
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
            throw new IOException("interrupted while keytool made the sandbox certificate", e);
        }
        try {
            PrivateFiles.restrictFile(tmp);
            Files.move(tmp, keystore, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String pem(Certificate cert) throws GeneralSecurityException {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }
}
