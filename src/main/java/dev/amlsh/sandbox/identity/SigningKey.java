package dev.amlsh.sandbox.identity;

import dev.amlsh.sandbox.store.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/** The RSA key that signs tokens, kept in the home so every process sharing it accepts the same tokens. */
record SigningKey(RSAPrivateCrtKey privateKey, RSAPublicKey publicKey, String keyId) {
    private static final String FILE = "token-signing.pem";
    private static final java.util.Map<String, SigningKey> IN_MEMORY = new java.util.HashMap<>();

    /** The home's key, created on first use; with no home, one key per JVM (tests start many sandboxes). */
    static SigningKey loadOrCreate(Path home) {
        return loadOrCreate(home, FILE);
    }

    /** As above, for another key of the home (the OIDC issuer's), kept in {@code keys/<fileName>}. */
    static SigningKey loadOrCreate(Path home, String fileName) {
        if (home == null) {
            synchronized (SigningKey.class) {
                return IN_MEMORY.computeIfAbsent(fileName, f -> of(generate()));
            }
        }
        Path dir = PrivateFiles.directory(home.resolve("keys"));
        Path file = dir.resolve(fileName);
        return PrivateFiles.locked(home, () -> {
            try {
                if (Files.exists(file)) {
                    return of(readPem(Files.readString(file)));
                }
                RSAPrivateCrtKey key = generate();
                String pem = "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                        + "\n-----END PRIVATE KEY-----\n";
                PrivateFiles.write(file, pem.getBytes(StandardCharsets.US_ASCII));
                return of(key);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        });
    }

    private static RSAPrivateCrtKey generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair pair = g.generateKeyPair();
            return (RSAPrivateCrtKey) pair.getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    private static RSAPrivateCrtKey readPem(String pem) {
        String b64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(b64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a signing key in keys/ is damaged; delete it to make a new one", e);
        }
    }

    private static SigningKey of(RSAPrivateCrtKey key) {
        try {
            RSAPublicKey pub = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getModulus().toByteArray());
            String kid = Jwt.base64Url(digest).substring(0, 27);
            return new SigningKey(key, pub, kid);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    /** The unsigned big-endian bytes JWK wants for n and e. */
    static String jwkInteger(BigInteger v) {
        byte[] bytes = v.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Jwt.base64Url(bytes);
    }
}
