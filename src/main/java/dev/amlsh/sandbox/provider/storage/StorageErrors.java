package dev.amlsh.sandbox.provider.storage;

import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmException;
import dev.amlsh.sandbox.provider.resources.Locations;
import java.util.List;

/**
 * The errors Microsoft.Storage answers with, codes and messages as the real service sends them
 * (see {@code reference/research/arm-api.md} §2.2). Built on {@link ArmErrors#of}, the one factory.
 *
 * <pre>{@code
 * throw StorageErrors.alreadyTaken("mysa");
 * }</pre>
 */
final class StorageErrors {
    private StorageErrors() {
    }

    static String invalidNameMessage(String name) {
        return name + " is not a valid storage account name. Storage account name must be between 3 and 24 characters in length"
                + " and use numbers and lower-case letters only.";
    }

    static ArmException accountNameInvalid(String name) {
        return ArmErrors.of(400, "AccountNameInvalid", invalidNameMessage(name));
    }

    static String takenMessage(String name) {
        return "The storage account named " + name + " is already taken.";
    }

    static ArmException alreadyTaken(String name) {
        return ArmErrors.of(409, "StorageAccountAlreadyTaken", takenMessage(name));
    }

    static ArmException inAnotherResourceGroup(String name) {
        return ArmErrors.of(409, "StorageAccountInAnotherResourceGroup",
                "The account " + name + " is already in another resource group in this subscription.");
    }

    /** Unknown or incompatible {@code sku}/{@code kind} values, e.g. {@code "kind, sku"}. */
    static ArmException invalidValues(String parameters) {
        return ArmErrors.of(400, "InvalidValuesForRequestParameters", "Values for request parameters are invalid: " + parameters
                + ". For more information, see - https://aka.ms/storageaccounttypes");
    }

    static ArmException propertyCannotBeUpdated(String property) {
        return ArmErrors.of(400, "AccountPropertyCannotBeUpdated", "The property '" + property
                + "' was specified in the input, but it cannot be updated as it is read-only. For more information, see - "
                + "https://aka.ms/storageaccountupdate");
    }

    static ArmException valueNotAllowed(String value, String property) {
        return ArmErrors.of(400, "InvalidRequestPropertyValue", "The value '" + value + "' is not allowed for property " + property
                + ". For more information, see - https://aka.ms/storageaccounthns");
    }

    static ArmException locationNotAvailable(String location, String type) {
        String all = String.join(",", Locations.all().stream().map(Locations.Region::displayName).toList());
        return ArmErrors.of(400, "LocationNotAvailableForResourceType", "The provided location '" + location
                + "' is not available for resource type '" + type + "'. List of available regions for the resource type is '"
                + all.toLowerCase(java.util.Locale.ROOT).replace(" ", "") + "'.");
    }

    static ArmException invalidResourceLocation(String name, String existing, String group, String requested) {
        return ArmErrors.of(409, "InvalidResourceLocation", "The resource '" + name + "' already exists in location '" + existing
                + "' in resource group '" + group + "'. A resource with the same name cannot be created in location '" + requested
                + "'. Please select a new resource name.");
    }

    static ArmException notFound(String name, String group) {
        return ArmErrors.resourceNotFound(StorageHandler.TYPE, name, group);
    }

    static ArmException invalidKeyName(String keyName) {
        return ArmErrors.of(400, "InvalidValuesForRequestParameters", "Values for request parameters are invalid: keyName. '"
                + keyName + "' is not 'key1' or 'key2'.", "keyName", List.of());
    }
}
