package dev.amlsh.session;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A cloud amlsh can talk to: its Resource Manager endpoint and its sign-in authority. The four
 * public ones are built in; {@code cloud register} adds any ARM-compatible endpoint (the sandbox
 * of another machine included), with the CA certificate to trust for it.
 *
 * <pre>{@code
 * Cloud azure = Cloud.find("AzureCloud", List.of()).orElseThrow();
 * }</pre>
 *
 * @param name the name used by {@code cloud set} and stored in the config
 * @param resourceManager the ARM endpoint; for the built-in sandbox it is known only once it runs
 * @param authority the Microsoft Entra (or ADFS-style) authority host
 * @param caCertificate a PEM file of certificates to trust for this cloud, or null for the JDK's trust
 */
public record Cloud(String name, String resourceManager, String authority, String caCertificate) {

    public static final String SANDBOX = "Sandbox";

    public static final List<Cloud> KNOWN = List.of(
            new Cloud(SANDBOX, null, null, null),
            new Cloud("AzureCloud", "https://management.azure.com/", "https://login.microsoftonline.com/", null),
            new Cloud("AzureChinaCloud", "https://management.chinacloudapi.cn/", "https://login.chinacloudapi.cn/", null),
            new Cloud("AzureUSGovernment", "https://management.usgovcloudapi.net/", "https://login.microsoftonline.us/", null));

    /** A built-in or registered cloud, by name (case-insensitive). */
    public static Optional<Cloud> find(String name, List<Cloud> registered) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return java.util.stream.Stream.concat(KNOWN.stream(), registered.stream())
                .filter(c -> c.name.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    public boolean isSandbox() {
        return SANDBOX.equals(name);
    }

    /** True for a cloud whose authority is ADFS-style ({@code .../adfs}), as the sandbox's is. */
    public boolean isAdfs() {
        return authority != null && authority.replaceAll("/+$", "").toLowerCase(Locale.ROOT).endsWith("/adfs");
    }
}
