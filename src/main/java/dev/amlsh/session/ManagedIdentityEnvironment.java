package dev.amlsh.session;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where azure-identity's managed-identity credential looks for its endpoint. azure-identity 1.18
 * hands managed identity to MSAL4J, which reads {@code IDENTITY_ENDPOINT} / {@code IDENTITY_HEADER}
 * from the process environment only (the {@code Configuration} given to the builder does not
 * reach it). For the sandbox, whose endpoint is known only once it has started, this installs
 * MSAL's own environment hook: the sandbox's values for those two names, the real environment for
 * every other name. Against Azure nothing is installed and MSAL reads the machine's environment.
 *
 * <pre>{@code
 * ManagedIdentityEnvironment.pointAt(sandbox.managedIdentityEndpoint().toString(), sandbox.managedIdentityHeader());
 * }</pre>
 */
final class ManagedIdentityEnvironment {
    static final String ENDPOINT = "IDENTITY_ENDPOINT";
    static final String HEADER = "IDENTITY_HEADER";
    private static final Map<String, String> OVERRIDES = new ConcurrentHashMap<>();
    private static boolean installed;

    private ManagedIdentityEnvironment() {
    }

    /** Back to the machine's own environment (a managed-identity sign-in to Azure after one to the sandbox). */
    static void useMachine() {
        OVERRIDES.clear();
    }

    /** Makes MSAL's managed-identity lookups (in this JVM) find the App Service style endpoint at {@code endpoint}. */
    static synchronized void pointAt(String endpoint, String header) {
        OVERRIDES.put(ENDPOINT, endpoint);
        OVERRIDES.put(HEADER, header);
        if (installed) {
            return;
        }
        try {
            Class<?> variables = Class.forName("com.microsoft.aad.msal4j.IEnvironmentVariables");
            Object hook = Proxy.newProxyInstance(variables.getClassLoader(), new Class<?>[] {variables}, (proxy, method, args) -> {
                if (method.getName().equals("getEnvironmentVariable") && args != null && args.length == 1) {
                    String name = (String) args[0];
                    String forced = OVERRIDES.get(name);
                    return forced != null ? forced : System.getenv(name);
                }
                return method.getDeclaringClass() == Object.class ? method.invoke(OVERRIDES, args) : null;
            });
            Method set = Class.forName("com.microsoft.aad.msal4j.ManagedIdentityApplication")
                    .getDeclaredMethod("setEnvironmentVariables", variables);
            set.setAccessible(true);
            set.invoke(null, hook);
            installed = true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new SignInException("This build of MSAL4J does not let amlsh point managed identity at the sandbox ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
