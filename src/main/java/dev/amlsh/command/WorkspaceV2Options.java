package dev.amlsh.command;

import dev.amlsh.core.AmlshException;
import dev.amlsh.core.ResourceId;
import dev.amlsh.azure.ml.WorkspaceSpec;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code -n/--name} and {@code -g/--resource-group} of the v2 {@code ml workspace} commands,
 * with the same session fallbacks as v1's {@code -w}/{@code -g}; and the flags that v2 create and
 * update share, laid over a {@link WorkspaceSpec}.
 *
 * <pre>{@code
 * @Mixin WorkspaceV2Options target;
 * String ws = target.workspace(ctx);
 * }</pre>
 */
final class WorkspaceV2Options {
    @Completes(ValueKind.Kind.WORKSPACE)
    @Option(names = {"-n", "--name"}, paramLabel = "NAME", order = 1,
            description = "Name of the workspace. Default: the configured workspace ('configure --defaults workspace=ws1').")
    String name;

    @Mixin
    SharedOptions.Group group;

    String workspace(CommandContext ctx) {
        if (name != null && !name.isBlank()) {
            return name;
        }
        return ctx.session().state().defaultValue("workspace").orElseThrow(() -> AmlshException.usage(
                "No workspace given.", "Add -n <workspace>, or set one with 'configure --defaults workspace=<name>'."));
    }

    String group(CommandContext ctx) {
        return group.resolve(ctx);
    }

    /** The flags over the file's values: a flag given beats the file. */
    static void apply(WorkspaceSpec s, String name, String location, String displayName, String description, List<String> tags,
                      String storage, String keyVault, String insights, String registry, String imageBuildCompute,
                      String publicNetworkAccess, String primaryIdentity) {
        s.name = name != null ? name : s.name;
        s.location = location != null ? location : s.location;
        s.displayName = displayName != null ? displayName : s.displayName;
        s.description = description != null ? description : s.description;
        if (tags != null) {
            java.util.Map<String, String> t = s.tags == null ? new java.util.LinkedHashMap<>() : s.tags;
            t.putAll(Tags.parse(tags));
            s.tags = t;
        }
        s.storageAccount = storage != null ? ResourceId.parse(storage, "--storage-account") : s.storageAccount;
        s.keyVault = keyVault != null ? ResourceId.parse(keyVault, "--key-vault") : s.keyVault;
        s.applicationInsights = insights != null ? ResourceId.parse(insights, "--application-insights") : s.applicationInsights;
        s.containerRegistry = registry != null ? ResourceId.parse(registry, "--container-registry") : s.containerRegistry;
        s.imageBuildCompute = imageBuildCompute != null ? imageBuildCompute : s.imageBuildCompute;
        s.publicNetworkAccess = publicNetworkAccess != null ? WorkspaceSpec.access(publicNetworkAccess, "--public-network-access")
                : s.publicNetworkAccess;
        s.primaryUserAssignedIdentity = primaryIdentity != null
                ? ResourceId.parse(primaryIdentity, "--primary-user-assigned-identity").id() : s.primaryUserAssignedIdentity;
    }
}
