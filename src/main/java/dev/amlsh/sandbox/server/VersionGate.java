package dev.amlsh.sandbox.server;

import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.provider.resources.ApiVersions;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The api-version check the router makes before anything else looks at a request. ARM's own API
 * (no provider namespace in the path, {@code Microsoft.Resources}, a provider's get, register and
 * unregister) serves ARM's versions only ({@code InvalidApiVersionParameter} naming them); a
 * provider's operation-status URLs serve the provider's versions; every other provider request is
 * checked against its type after ARM's generic checks ({@code ResourcesApi.checkProviderRequest}).
 *
 * <pre>{@code
 * VersionGate.check(raw.segments(), "2099-01-01"); // /subscriptions/s/resourcegroups/g: InvalidApiVersionParameter
 * }</pre>
 */
final class VersionGate {
    private static final Pattern DATE_SHAPED = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}(-preview|-beta|-alpha|-privatepreview)?$");

    private VersionGate() {
    }

    static void check(List<String> s, String apiVersion) {
        int p = -1;
        for (int i = 0; i < s.size() - 1; i++) {
            if (s.get(i).equalsIgnoreCase("providers")) {
                p = i;
            }
        }
        String ns = p < 0 ? null : s.get(p + 1);
        boolean registration = s.size() == p + 3
                && (s.get(p + 2).equalsIgnoreCase("register") || s.get(p + 2).equalsIgnoreCase("unregister"));
        if (p < 0 || ns.equalsIgnoreCase("Microsoft.Resources") || s.size() == p + 2 || registration) {
            ApiVersions.checkArm(apiVersion);
            return;
        }
        if (!DATE_SHAPED.matcher(apiVersion).matches()) {
            throw ArmErrors.invalidApiVersion(apiVersion);
        }
        // /subscriptions/{s}/providers/{ns}/locations/{l}/operationStatuses|operationResults/{id}: the router answers them itself
        if (p == 2 && s.size() == 8 && s.get(4).equalsIgnoreCase("locations")) {
            ApiVersions.check(ns, "locations/" + s.get(6), apiVersion, null);
        }
    }
}
