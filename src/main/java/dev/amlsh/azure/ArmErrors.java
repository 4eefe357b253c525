package dev.amlsh.azure;

import dev.amlsh.core.AmlshException;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.management.exception.ManagementError;
import com.azure.core.management.exception.ManagementException;
import dev.amlsh.session.SignInException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.Map;

/**
 * Turns what the SDK throws into one-line {@link AmlshException}s: the ARM code and message as
 * the Azure CLI shows them ({@code (Code) message}), who is at fault, and what to do next.
 *
 * <pre>{@code
 * try { ... } catch (RuntimeException e) { throw ArmErrors.translate(e); }
 * }</pre>
 */
public final class ArmErrors {
    private static final Map<String, String> HINTS = Map.ofEntries(
            Map.entry("ResourceGroupNotFound", "Create it with 'group create -n <name> -l <location>', or see 'group list'."),
            Map.entry("SubscriptionNotFound", "See the subscriptions you can use with 'account list'."),
            Map.entry("MissingSubscriptionRegistration",
                    "Register the provider with 'provider register -n <namespace>' and run the command again."),
            Map.entry("AuthorizationFailed",
                    "Ask an Owner of the scope for a role ('role assignment create'), or sign in as someone else with 'login'."),
            Map.entry("AuthenticationFailed", "Sign in again with 'login'."),
            Map.entry("InvalidAuthenticationToken", "Sign in again with 'login'."),
            Map.entry("ExpiredAuthenticationToken", "Sign in again with 'login'."),
            Map.entry("InvalidResourceGroupName",
                    "Use 1-90 letters, digits, '-', '_', '.', '(' or ')', not ending in '.'."),
            Map.entry("LocationNotAvailableForResourceGroup", "See the locations with 'account list-locations'."),
            Map.entry("PrincipalNotFound", "Check the object ID, or give the user principal name with --assignee."),
            Map.entry("RoleDefinitionDoesNotExist", "See the roles with 'role definition list -o table'."),
            Map.entry("TooManyRequests", "The service is throttling requests; wait a minute and run the command again."),
            Map.entry("ServiceUnavailable", "The service is busy or down; wait and run the command again."),
            Map.entry("InternalServerError", "Run the command again; if it keeps failing, report the request ID."),
            Map.entry("DiskFull", "Free disk space where the sandbox home is (named above), then run the command again."),
            Map.entry("InvalidResourceGroupLocation",
                    "A group's location cannot change; keep its location or create a group with another name."),
            Map.entry("StorageAccountAlreadyTaken", "Storage account names are global: pick another, e.g. with a suffix."),
            Map.entry("StorageAccountInAnotherResourceGroup",
                    "That account is in another group of this subscription: use its group (-g), or pick another name."),
            Map.entry("AccountNameInvalid", "Use 3-24 lower-case letters and digits."),
            Map.entry("InvalidValuesForRequestParameters",
                    "Check --sku and --kind: FileStorage and BlockBlobStorage need a Premium SKU, BlobStorage a Standard one."),
            Map.entry("AccountPropertyCannotBeUpdated", "Create a new account with the setting you need instead."),
            Map.entry("VaultAlreadyExists",
                    "Key vault names are global and deleted vaults keep theirs: pick another name, or purge yours ('keyvault purge -n <name>')."),
            Map.entry("ConflictError",
                    "If a deleted key vault holds the name, purge it with 'keyvault purge -n <name>' (see 'keyvault list-deleted')."),
            Map.entry("VaultNameNotValid",
                    "Use 3-24 letters, digits and '-', starting with a letter, ending with a letter or digit, without '--'."),
            Map.entry("LocationNotAvailableForResourceType", "See the locations with 'account list-locations'."),
            Map.entry("AlreadyInUse", "Registry names are global; pick another (try one with 'acr check-name -n <name>')."),
            Map.entry("InvalidSkuName", "Use --sku Basic, Standard or Premium."),
            Map.entry("InvalidResourceLocation",
                    "A resource's location cannot change; keep its location or create it under another name."));

    private static final java.util.regex.Pattern UNREGISTERED = java.util.regex.Pattern.compile("namespace '([^']+)'");

    private ArmErrors() {
    }

    /** The user-facing form of any failure of an SDK call. */
    public static AmlshException translate(Throwable error) {
        return translate(error, null);
    }

    /**
     * As {@link #translate(Throwable)}; a network failure that does not say which host it could not
     * reach (the sign-in library's do not) is reported as one of {@code host}.
     */
    public static AmlshException translate(Throwable error, String host) {
        if (error instanceof AmlshException known) {
            return known;
        }
        if (error instanceof ManagementException arm) {
            return fromManagement(arm);
        }
        AmlshException offline = unreachable(error, host);
        if (offline != null) {
            return offline;
        }
        if (error instanceof HttpResponseException http) {
            int status = http.getResponse() == null ? 0 : http.getResponse().getStatusCode();
            return new AmlshException(faultOf(status, null), "The service answered HTTP " + status + ": "
                    + firstLine(http.getMessage()), null, http);
        }
        Throwable refused = find(error, com.azure.core.exception.ClientAuthenticationException.class);
        if (refused != null && !(error instanceof ManagementException)) {
            com.azure.core.exception.ClientAuthenticationException auth = (com.azure.core.exception.ClientAuthenticationException) refused;
            return new AmlshException(AmlshException.Fault.SERVICE, "The sign-in was refused: " + firstLine(auth.getMessage()),
                    "Check the user, secret and tenant, then run 'login' again.", auth);
        }
        Throwable msal = msal(error);
        if (msal != null) {
            return new AmlshException(AmlshException.Fault.SERVICE, "The sign-in was refused: " + firstLine(msal.getMessage()),
                    "Check the user, secret and tenant, then run 'login' again.", error);
        }
        if (error instanceof SignInException signIn) {
            return new AmlshException(AmlshException.Fault.SERVICE, signIn.getMessage(), "Sign in with 'login'.", signIn);
        }
        Throwable sent = find(error, OutcomeUnknownException.class);
        if (sent != null) {
            Throwable cause = rootIo(sent);
            return new AmlshException(AmlshException.Fault.SERVICE, "No answer to " + sent.getMessage() + " after it was sent ("
                    + (cause == null ? "connection lost" : describe(cause)) + "); whether it took effect is unknown.",
                    "Check with the matching 'show' or 'list' command before running it again.", error);
        }
        AmlshException store = SandboxStoreErrors.translate(error);
        if (store != null) {
            return store;
        }
        AmlshException local = LocalFileErrors.find(error);
        if (local != null) {
            return local;
        }
        Throwable io = rootIo(error);
        if (io != null) {
            return new AmlshException(AmlshException.Fault.SERVICE, "Cannot reach " + (host == null ? "the cloud" : host)
                    + ": " + reason(error, io) + ".", HINT_OFFLINE, error);
        }
        return new AmlshException(AmlshException.Fault.INTERNAL, "amlsh failed: " + describe(error),
                "Run the command again with --debug and report the output.", error);
    }

    private static final String HINT_OFFLINE = "Check the network or the cloud's endpoints ('cloud show').";

    /**
     * A failure to reach a host (no HTTP answer at all), named by the host: the one a request of
     * ours failed on, else {@code host}. Null for anything else, including a request that was sent
     * and may have acted (its own message says so).
     */
    private static AmlshException unreachable(Throwable error, String host) {
        if (find(error, OutcomeUnknownException.class) != null) {
            return null;
        }
        UnreachableHostException named = (UnreachableHostException) find(error, UnreachableHostException.class);
        Throwable io = rootIo(error);
        if (named == null && (io == null || !(find(error, HttpResponseException.class) instanceof HttpResponseException http)
                || http.getResponse() != null)) {
            return null;
        }
        String where = named != null ? named.host() : host == null ? "the cloud" : host;
        return new AmlshException(AmlshException.Fault.SERVICE, "Cannot reach " + where + ": "
                + reason(error, io == null ? named : io) + ".", HINT_OFFLINE, error);
    }

    /** Why a host could not be reached, in the user's words. */
    private static String reason(Throwable error, Throwable io) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof java.net.UnknownHostException || t instanceof java.nio.channels.UnresolvedAddressException) {
                return "its name could not be resolved";
            }
            if (t instanceof java.net.http.HttpConnectTimeoutException || t instanceof java.net.SocketTimeoutException
                    || t instanceof java.net.http.HttpTimeoutException) {
                return "no answer in time";
            }
            if (t instanceof javax.net.ssl.SSLHandshakeException) {
                return "its certificate is not trusted (" + firstLine(t.getMessage()) + ")";
            }
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused";
            }
        }
        String text = describe(io);
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    private static AmlshException fromManagement(ManagementException arm) {
        ManagementError value = arm.getValue();
        int status = arm.getResponse() == null ? 0 : arm.getResponse().getStatusCode();
        String code = value == null ? null : value.getCode();
        String message = value == null || value.getMessage() == null ? firstLine(arm.getMessage()) : value.getMessage();
        String text = code == null ? message : "(" + code + ") " + message;
        if ((status >= 500 || status == 429) && arm.getResponse() != null) {
            String requestId = arm.getResponse().getHeaderValue("x-ms-request-id");
            if (requestId != null && !text.contains(requestId)) {
                text = text + " (request ID " + requestId + ")";
            }
        }
        String hint = code == null ? null : HINTS.get(code);
        java.util.regex.Matcher namespace = UNREGISTERED.matcher(message == null ? "" : message);
        if ("MissingSubscriptionRegistration".equals(code) && namespace.find()) {
            hint = "Register it with 'provider register -n " + namespace.group(1) + "' and run the command again.";
        }
        return new AmlshException(faultOf(status, code), text, hint, arm);
    }

    static AmlshException.Fault faultOf(int status, String code) {
        if (status == 404 || "ResourceGroupNotFound".equals(code) || "ResourceNotFound".equals(code)) {
            return AmlshException.Fault.NOT_FOUND;
        }
        if (status == 400) {
            return AmlshException.Fault.USAGE;
        }
        return AmlshException.Fault.SERVICE;
    }

    /** The sign-in library's own refusal (MSAL), found by name so that only azure-identity depends on it. */
    private static Throwable msal(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getClass().getName().startsWith("com.microsoft.aad.msal4j.MsalServiceException")) {
                return t;
            }
        }
        return null;
    }

    private static Throwable find(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    private static Throwable rootIo(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof UncheckedIOException) {
                return t instanceof UncheckedIOException u ? u.getCause() : t;
            }
        }
        return null;
    }

    private static String describe(Throwable t) {
        if (t instanceof ConnectException) {
            return "connection refused";
        }
        String m = t.getMessage();
        if (m == null) {
            return "an unexpected " + t.getClass().getSimpleName().replaceAll("(Exception|Error)$", "").toLowerCase(java.util.Locale.ROOT)
                    + " failure";
        }
        // Messages that wrap another exception start with its class name; the user needs only the words.
        return firstLine(m).replaceAll("^([a-z][\\w$]*\\.)+[A-Z][\\w$]*(Exception|Error): ", "");
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
