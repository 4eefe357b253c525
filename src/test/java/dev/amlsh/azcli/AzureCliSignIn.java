package dev.amlsh.azcli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amlsh.sandbox.SandboxSeed;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs the Azure CLI in to {@code amlsh sandbox serve} as a user would: the lines serve prints
 * (certificate bundle, cloud registration, service principal), then, for what only an Owner may
 * do, {@code az login --use-device-code} with the page it names opened for the admin user.
 *
 * <pre>{@code
 * AzureCliSignIn.withThePrintedLines(az, serve);
 * AzureCliSignIn.asTheAdminUser(az, serve);
 * }</pre>
 */
final class AzureCliSignIn {
    private static final Pattern DEVICE_PAGE = Pattern.compile("https://\\S+/adfs/devicelogin\\?user_code=\\w+");

    private AzureCliSignIn() {
    }

    static void withThePrintedLines(AzureCli az, ServedSandbox serve) throws Exception {
        List<String> lines = serve.azureCliLines();
        String bundle = az.bash(lines.get(0) + " && printf %s \"$REQUESTS_CA_BUNDLE\"").stdout();
        az.set("REQUESTS_CA_BUNDLE", bundle);
        for (String line : lines.subList(1, lines.size())) {
            AzureCli.Result r = az.bash(line);
            assertEquals(0, r.exitCode(), r.toString());
        }
    }

    static void asTheAdminUser(AzureCli az, ServedSandbox serve) throws Exception {
        Process login = az.start("login", "--use-device-code");
        login.getOutputStream().close();
        var stdout = AzureCli.drain(login.getInputStream());
        BufferedReader err = new BufferedReader(new InputStreamReader(login.getErrorStream(), StandardCharsets.UTF_8));
        StringBuilder said = new StringBuilder();
        String page = null;
        for (String line; page == null && (line = err.readLine()) != null; ) {
            said.append(line).append('\n');
            Matcher m = DEVICE_PAGE.matcher(line);
            page = m.find() ? m.group() : null;
        }
        assertTrue(page != null, "az printed no device login page: " + said);
        AzureCli.drain(login.getErrorStream());
        assertEquals(200, ServedSandbox.open(URI.create(page + "&username=" + SandboxSeed.ADMIN_USER), Path.of(serve.value("Certificate:"))));
        assertTrue(login.waitFor(60, TimeUnit.SECONDS), "az login --use-device-code did not finish");
        assertEquals(0, login.exitValue(), said + stdout.join());
    }
}
