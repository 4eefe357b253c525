package dev.amlsh.session;

import java.net.URI;
import java.nio.file.Path;

/**
 * The local sandbox cloud as the client side knows it: an HTTPS endpoint, the certificate to
 * trust, the tenant and the managed-identity endpoint. Nothing else of the sandbox reaches the
 * client; every request goes over HTTPS.
 *
 * <pre>{@code
 * LocalCloud local = session.localCloud();          // started on demand, shared by every client of the home
 * SSLContext trust = PemTrust.sslContext(local.certificate());
 * }</pre>
 */
public interface LocalCloud {
    /** The ARM endpoint, with a trailing slash; the ADFS-style authority is {@code <endpoint>adfs}. */
    URI endpoint();

    /** The PEM of its self-signed certificate. */
    Path certificate();

    String tenantId();

    /** The managed-identity token endpoint ({@code IDENTITY_ENDPOINT}). */
    URI identityEndpoint();

    /** The secret {@code IDENTITY_HEADER} of {@link #identityEndpoint()}. */
    String identityHeader();
}
