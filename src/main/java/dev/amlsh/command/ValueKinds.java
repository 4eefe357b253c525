package dev.amlsh.command;

import dev.amlsh.command.ValueKind.Kind;
import dev.amlsh.output.OutputFormat;
import java.io.File;
import java.lang.reflect.AnnotatedElement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The shared argument types of amlsh, declared once: which value an option takes, for
 * completion. Any command that names its options the Azure CLI's way gets completion with no
 * code of its own. In order: {@link Completes} on the field, picocli's enum values or
 * {@code completionCandidates}, the option's name in {@link #BY_NAME}, the positional's label
 * ({@code GROUP}, {@code FILE}...), a {@code File}/{@code Path} type.
 *
 * <pre>{@code
 * ValueKinds.of(optionSpec); // --storage-account -> RESOURCE_ID Microsoft.Storage/storageAccounts
 * }</pre>
 */
public final class ValueKinds {
    /** Option names and what their values are, as the Azure CLI's shared parameters define them. */
    public static final Map<String, ValueKind> BY_NAME = Map.ofEntries(
            Map.entry("-g", ValueKind.of(Kind.GROUP)),
            Map.entry("--resource-group", ValueKind.of(Kind.GROUP)),
            Map.entry("--pe-resource-group", ValueKind.of(Kind.GROUP)),
            Map.entry("-l", ValueKind.of(Kind.LOCATION)),
            Map.entry("--location", ValueKind.of(Kind.LOCATION)),
            Map.entry("-s", ValueKind.of(Kind.SUBSCRIPTION)),
            Map.entry("--subscription", ValueKind.of(Kind.SUBSCRIPTION)),
            Map.entry("-w", ValueKind.of(Kind.WORKSPACE)),
            Map.entry("--workspace-name", ValueKind.of(Kind.WORKSPACE)),
            Map.entry("--storage-account", ValueKind.resourceId("Microsoft.Storage/storageAccounts")),
            Map.entry("--keyvault", ValueKind.resourceId("Microsoft.KeyVault/vaults")),
            Map.entry("--cmk-keyvault", ValueKind.resourceId("Microsoft.KeyVault/vaults")),
            Map.entry("--application-insights", ValueKind.resourceId("Microsoft.Insights/components")),
            Map.entry("--container-registry", ValueKind.resourceId("Microsoft.ContainerRegistry/registries")),
            Map.entry("--ids", ValueKind.resourceId("")),
            Map.entry("--scope", ValueKind.resourceId("")),
            Map.entry("--user", ValueKind.of(Kind.USER)),
            Map.entry("--assignee", ValueKind.of(Kind.USER)),
            Map.entry("--role", ValueKind.of(Kind.ROLE)),
            Map.entry("-f", ValueKind.of(Kind.FILE)),
            Map.entry("--file", ValueKind.of(Kind.FILE)),
            Map.entry("-o", ValueKind.oneOf(Arrays.stream(OutputFormat.values()).map(OutputFormat::cliName).toList())),
            Map.entry("--output", ValueKind.oneOf(Arrays.stream(OutputFormat.values()).map(OutputFormat::cliName).toList())));

    private static final Map<String, ValueKind> BY_LABEL = Map.of(
            "GROUP", ValueKind.of(Kind.GROUP), "LOCATION", ValueKind.of(Kind.LOCATION),
            "SUBSCRIPTION", ValueKind.of(Kind.SUBSCRIPTION), "WORKSPACE", ValueKind.of(Kind.WORKSPACE),
            "FILE", ValueKind.of(Kind.FILE), "SCRIPT", ValueKind.of(Kind.FILE), "SOURCE", ValueKind.of(Kind.FILE));

    private ValueKinds() {
    }

    /** What the option or positional parameter takes; {@link ValueKind#NONE} for flags and free text. */
    public static ValueKind of(ArgSpec arg) {
        if (arg.arity().max() == 0) {
            return ValueKind.NONE;
        }
        if (arg.userObject() instanceof AnnotatedElement element && element.getAnnotation(Completes.class) != null) {
            Completes c = element.getAnnotation(Completes.class);
            return new ValueKind(c.value(), c.type(), List.of(c.values()));
        }
        Iterable<String> candidates = arg.completionCandidates();
        if (candidates != null) {
            List<String> values = new ArrayList<>();
            candidates.forEach(values::add);
            if (!values.isEmpty()) {
                return ValueKind.oneOf(values);
            }
        }
        if (arg instanceof OptionSpec option) {
            for (String name : option.names()) {
                ValueKind known = BY_NAME.get(name);
                if (known != null) {
                    return known;
                }
            }
        } else if (arg instanceof PositionalParamSpec positional) {
            String label = positional.paramLabel().replaceAll("[<>.\\[\\]]", "").toUpperCase(Locale.ROOT);
            ValueKind known = BY_LABEL.get(label);
            if (known != null) {
                return known;
            }
        }
        Class<?> type = arg.type();
        if (type == File.class || type == Path.class) {
            return ValueKind.of(Kind.FILE);
        }
        return ValueKind.NONE;
    }
}
