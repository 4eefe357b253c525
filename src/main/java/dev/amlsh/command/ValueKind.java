package dev.amlsh.command;

import java.util.List;

/**
 * What kind of value an option or positional parameter takes, for completion: declared once per
 * shared argument (by name in {@link ValueKinds}, or with {@link Completes} on the field).
 *
 * <pre>{@code
 * ValueKind sa = ValueKind.resourceId("Microsoft.Storage/storageAccounts");
 * ValueKind sku = ValueKind.oneOf("Standard_LRS", "Standard_GRS");
 * }</pre>
 *
 * @param kind         the kind
 * @param resourceType for {@link Kind#RESOURCE_ID}: {@code Namespace/type}, or "" for any type
 * @param values       for {@link Kind#ENUM}: the allowed values
 */
public record ValueKind(Kind kind, String resourceType, List<String> values) {
    /** The kinds of value completion knows. */
    public enum Kind {
        /** Free text: nothing to complete. */
        NONE,
        /** A subscription name or ID of the sign-in. */
        SUBSCRIPTION,
        /** A location (region) of the subscription. */
        LOCATION,
        /** A resource group of the subscription. */
        GROUP,
        /** An Azure ML workspace name, in the group given by {@code -g} on the line, else the current group. */
        WORKSPACE,
        /** A full resource ID, completed segment by segment. */
        RESOURCE_ID,
        /** A user of the tenant (user principal name). */
        USER,
        /** A role name (built-in roles). */
        ROLE,
        /** One of a fixed list of values. */
        ENUM,
        /** A local file path. */
        FILE
    }

    public static final ValueKind NONE = of(Kind.NONE);

    public ValueKind {
        resourceType = resourceType == null ? "" : resourceType;
        values = values == null ? List.of() : List.copyOf(values);
    }

    public static ValueKind of(Kind kind) {
        return new ValueKind(kind, "", List.of());
    }

    /** A resource ID of this type ({@code ""} = any type). */
    public static ValueKind resourceId(String type) {
        return new ValueKind(Kind.RESOURCE_ID, type, List.of());
    }

    public static ValueKind oneOf(String... values) {
        return new ValueKind(Kind.ENUM, "", List.of(values));
    }

    public static ValueKind oneOf(List<String> values) {
        return new ValueKind(Kind.ENUM, "", values);
    }
}
