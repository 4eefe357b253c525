package dev.amlsh.session;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A cloud amlsh can talk to: its Resource Manager endpoint and its sign-in authority.
 *
 * <pre>{@code
 * Cloud azure = Cloud.find("AzureCloud").orElseThrow();
 * }</pre>
 *
 * @param name the name used by {@code cloud set} and stored in the config
 * @param resourceManager the ARM endpoint; for the sandbox it is known only once the sandbox runs
 * @param authority the Microsoft Entra (or sandbox) authority host
 */
public record Cloud(String name, String resourceManager, String authority) {

    public static final String SANDBOX = "Sandbox";

    public static final List<Cloud> KNOWN = List.of(
            new Cloud(SANDBOX, null, null),
            new Cloud("AzureCloud", "https://management.azure.com/", "https://login.microsoftonline.com/"),
            new Cloud("AzureChinaCloud", "https://management.chinacloudapi.cn/", "https://login.chinacloudapi.cn/"),
            new Cloud("AzureUSGovernment", "https://management.usgovcloudapi.net/", "https://login.microsoftonline.us/"));

    public static Optional<Cloud> find(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return KNOWN.stream().filter(c -> c.name.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    public boolean isSandbox() {
        return SANDBOX.equals(name);
    }
}
