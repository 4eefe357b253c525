package dev.amlsh.sandbox.provider.storage;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmException;
import dev.amlsh.sandbox.arm.Json;
import java.util.List;

/**
 * The service's rules for account-level immutability ({@code properties.immutableStorageWithVersioning}):
 * a default policy needs version-level immutability enabled, a retention of 1 to 146000 days, a
 * state of Unlocked, Locked or Disabled; a policy is locked only from Unlocked, and once Locked it
 * stays Locked and its retention only grows. Refusals answer 400 {@code InvalidStorageAccountImmutabilityPolicy}.
 *
 * <pre>{@code
 * StorageImmutability.check(requestedProperties, storedPropertiesOrNull);
 * }</pre>
 */
final class StorageImmutability {
    static final String MEMBER = "immutableStorageWithVersioning";
    private static final List<String> STATES = List.of("Unlocked", "Locked", "Disabled");
    private static final int MAX_DAYS = 146000;

    private StorageImmutability() {
    }

    /** Checks the requested immutability settings against the stored ones ({@code null} for a new account). */
    static void check(JsonObject requested, JsonObject stored) {
        JsonElement given = requested == null ? null : requested.get(MEMBER);
        if (given == null || given.isJsonNull()) {
            return;
        }
        if (!given.isJsonObject()) {
            throw ArmErrors.invalidRequestContent("'" + MEMBER + "' must be an object");
        }
        JsonObject old = stored != null && stored.has(MEMBER) && stored.get(MEMBER).isJsonObject() ? stored.getAsJsonObject(MEMBER) : null;
        JsonObject g = given.getAsJsonObject();
        boolean enabled = g.has("enabled") ? bool(g, "enabled") : old != null && bool(old, "enabled");
        JsonObject policy = object(g, "immutabilityPolicy");
        JsonObject oldPolicy = old == null ? null : object(old, "immutabilityPolicy");
        if (old != null && bool(old, "enabled") && g.has("enabled") && !enabled) {
            throw invalid("Account level version-level immutability cannot be disabled once it is enabled.");
        }
        if (policy == null) {
            return;
        }
        if (!enabled) {
            throw invalid("Storage account level default immutability policy cannot be set as account level WORM is disabled."
                    + " Set immutableStorageWithVersioning.enabled to true.");
        }
        String state = policy.has("state") ? Json.string(policy, "state") : oldPolicy == null ? "Unlocked" : Json.string(oldPolicy, "state");
        String canonical = STATES.stream().filter(s -> s.equalsIgnoreCase(state)).findFirst()
                .orElseThrow(() -> invalid("The immutability policy state '" + state + "' is not one of Unlocked, Locked, Disabled."));
        Integer days = days(policy, oldPolicy);
        if (days == null || days < 1 || days > MAX_DAYS) {
            throw invalid("immutabilityPeriodSinceCreationInDays must be a whole number of days from 1 to " + MAX_DAYS + ".");
        }
        String oldState = oldPolicy == null ? "Disabled" : String.valueOf(Json.string(oldPolicy, "state"));
        if (oldState.equalsIgnoreCase("Locked")) {
            if (!canonical.equals("Locked")) {
                throw invalid("The immutability policy is Locked; a locked policy cannot be unlocked or disabled.");
            }
            Integer before = days(oldPolicy, null);
            if (before != null && days < before) {
                throw invalid("The retention of a locked immutability policy can only be extended, not shortened below " + before + " days.");
            }
        } else if (canonical.equals("Locked") && !oldState.equalsIgnoreCase("Unlocked")) {
            throw invalid("The immutability policy state can only be changed to Locked from Unlocked; create it Unlocked first.");
        }
    }

    private static Integer days(JsonObject policy, JsonObject fallback) {
        JsonElement e = policy.get("immutabilityPeriodSinceCreationInDays");
        if (e == null || e.isJsonNull()) {
            return fallback == null ? null : days(fallback, null);
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            return null;
        }
        double d = e.getAsDouble();
        return d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE ? (int) d : null;
    }

    private static JsonObject object(JsonObject o, String member) {
        JsonElement e = o.get(member);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonObject()) {
            throw ArmErrors.invalidRequestContent("'" + member + "' must be an object");
        }
        return e.getAsJsonObject();
    }

    private static boolean bool(JsonObject o, String member) {
        JsonElement e = o.get(member);
        if (e == null || e.isJsonNull()) {
            return false;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw ArmErrors.invalidRequestContent("'" + member + "' must be true or false");
        }
        return e.getAsBoolean();
    }

    private static ArmException invalid(String message) {
        return ArmErrors.of(400, "InvalidStorageAccountImmutabilityPolicy", message);
    }
}
