package dev.amlsh.command;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares what an option's value is, for completion, when its name alone does not say it
 * ({@link ValueKinds} already knows {@code -g}, {@code -l}, {@code -w}, {@code --storage-account},
 * {@code --ids}, {@code --role}...; picocli enums and {@code completionCandidates} are used as they are).
 *
 * <pre>{@code
 * @Completes(value = ValueKind.Kind.RESOURCE_ID, type = "Microsoft.Network/virtualNetworks")
 * @Option(names = "--pe-vnet-id") String vnet;
 *
 * @Completes(value = ValueKind.Kind.ENUM, values = {"Standard_LRS", "Standard_GRS"})
 * @Option(names = "--sku") String sku;
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Completes {
    ValueKind.Kind value();

    /** For {@link ValueKind.Kind#RESOURCE_ID}: the {@code Namespace/type}; empty for any. */
    String type() default "";

    /** For {@link ValueKind.Kind#ENUM}: the values. */
    String[] values() default {};
}
