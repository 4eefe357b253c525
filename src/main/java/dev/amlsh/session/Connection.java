package dev.amlsh.session;

import com.azure.core.credential.TokenCredential;
import java.net.URI;
import javax.net.ssl.SSLContext;

/**
 * Everything needed to reach one cloud: its ARM endpoint, a credential, and (for the sandbox)
 * the TLS trust of its self-signed certificate. The {@code azure} package builds SDK clients
 * from it; only the endpoint and the credential differ between Azure and the sandbox.
 *
 * <pre>{@code
 * Connection c = session.connection();
 * URI arm = c.resourceManager();
 * }</pre>
 *
 * @param sslContext the trust for the endpoint, or null for the JDK's default trust
 */
public record Connection(Cloud cloud, URI resourceManager, TokenCredential credential,
                         SSLContext sslContext, String tenantId) {

    public boolean isSandbox() {
        return cloud.isSandbox();
    }
}
