package dev.amlsh.command;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.amlsh.core.AmlshException;
import dev.amlsh.core.ResourceId;
import dev.amlsh.azure.ml.ManagedNetworkShapes;
import dev.amlsh.output.TableColumn;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * v2 {@code ml workspace outbound-rule list|show|set|remove}: the outbound rules of a workspace's
 * managed network. As in the v2 CLI, this group names the workspace with {@code -w}.
 *
 * <pre>{@code
 * ml workspace outbound-rule set -w ws1 -g rg1 --rule pypi --type fqdn --destination pypi.org
 * }</pre>
 */
final class OutboundRuleCommands {
    static final List<TableColumn> TABLE = List.of(new TableColumn("Name", "name"), new TableColumn("Type", "type"),
            new TableColumn("Category", "category"), new TableColumn("Status", "status"));

    /** {@code -w} and {@code -g}: this group names the workspace with {@code -w} in v2 as well. */
    static final class Target {
        @Option(names = {"-w", "--workspace-name"}, paramLabel = "WORKSPACE", order = 1, description = "Name of the workspace.")
        String workspace;

        @Mixin
        SharedOptions.Group group;

        String workspace(CommandContext ctx) {
            if (workspace != null && !workspace.isBlank()) {
                return workspace;
            }
            return ctx.session().state().defaultValue("workspace").orElseThrow(() -> AmlshException.usage(
                    "No workspace given.", "Add -w <workspace>, or set one with 'configure --defaults workspace=<name>'."));
        }
    }

    @Command(name = "list", description = "List the outbound rules of a workspace.",
            footerHeading = "%nExamples:%n", footer = {"  ml workspace outbound-rule list -w ws1 -g rg1"})
    static final class ListRules extends AmlCommand {
        @Mixin
        Target target;

        @Override
        protected CommandResult execute() {
            JsonArray rules = ctx.azure().workspaces(global.subscription()).outboundRules(target.group.resolve(ctx), target.workspace(ctx));
            return new CommandResult(rules, TABLE);
        }
    }

    @Command(name = "show", description = "Show one outbound rule.",
            footerHeading = "%nExamples:%n", footer = {"  ml workspace outbound-rule show -w ws1 -g rg1 --rule pypi"})
    static final class Show extends AmlCommand {
        @Mixin
        Target target;

        @Option(names = "--rule", required = true, paramLabel = "RULE", order = 3, description = "Name of the rule.")
        String rule;

        @Override
        protected CommandResult execute() {
            return new CommandResult(ctx.azure().workspaces(global.subscription())
                    .outboundRule(target.group.resolve(ctx), target.workspace(ctx), rule), TABLE);
        }
    }

    @Command(name = "set", description = "Add or replace an outbound rule (fqdn and service_tag rules need allow_only_approved_outbound).",
            footerHeading = "%nExamples:%n",
            footer = {"  ml workspace outbound-rule set -w ws1 -g rg1 --rule pypi --type fqdn --destination pypi.org",
                    "  ml workspace outbound-rule set -w ws1 -g rg1 --rule adf --type service_tag --service-tag DataFactory --protocol TCP --port-ranges 443",
                    "  ml workspace outbound-rule set -w ws1 -g rg1 --rule blob --type private_endpoint --service-resource-id <storage id> --subresource-target blob"})
    static final class Set extends AmlCommand {
        @Mixin
        Target target;

        @Option(names = "--rule", required = true, paramLabel = "RULE", order = 3, description = "Name of the rule.")
        String rule;

        @Completes(value = ValueKind.Kind.ENUM, values = {"fqdn", "service_tag", "private_endpoint"})
        @Option(names = "--type", required = true, paramLabel = "TYPE", order = 4, description = "fqdn, service_tag or private_endpoint.")
        String type;

        @Option(names = "--destination", paramLabel = "FQDN", order = 5, description = "fqdn: the host name.")
        String destination;

        @Option(names = "--service-tag", paramLabel = "TAG", order = 6, description = "service_tag: the tag, e.g. DataFactory.")
        String serviceTag;

        @Completes(value = ValueKind.Kind.ENUM, values = {"TCP", "UDP", "ICMP", "*"})
        @Option(names = "--protocol", paramLabel = "TCP|UDP|ICMP|*", order = 7, description = "service_tag: the protocol.")
        String protocol;

        @Option(names = "--port-ranges", paramLabel = "PORTS", order = 8, description = "service_tag: ports, e.g. \"80,1024-65535\".")
        String portRanges;

        @Option(names = "--address-prefixes", paramLabel = "CIDRS", order = 9, description = "service_tag: address prefixes, comma-separated.")
        String addressPrefixes;

        @Completes(value = ValueKind.Kind.RESOURCE_ID, type = "")
        @Option(names = "--service-resource-id", paramLabel = "ID", order = 10, description = "private_endpoint: the resource's ID.")
        String serviceResourceId;

        @Option(names = "--subresource-target", paramLabel = "TARGET", order = 11, description = "private_endpoint: blob, file, vault, ...")
        String subresourceTarget;

        @Option(names = "--spark-enabled", paramLabel = "true|false", order = 12, description = "private_endpoint: reachable from Spark.")
        Boolean sparkEnabled;

        @Option(names = "--no-wait", order = 13, description = "Do not wait for the rule to be set.")
        boolean noWait;

        @Override
        protected CommandResult execute() {
            String armType = ManagedNetworkShapes.typeToArm(type);
            JsonObject props = new JsonObject();
            props.addProperty("type", armType);
            props.addProperty("category", "UserDefined");
            List<String> foreign = new ArrayList<>();
            switch (armType) {
                case "FQDN" -> {
                    need(destination, "--destination", "fqdn");
                    foreign(foreign, serviceTag, "--service-tag", protocol, "--protocol", portRanges, "--port-ranges",
                            addressPrefixes, "--address-prefixes", serviceResourceId, "--service-resource-id",
                            subresourceTarget, "--subresource-target", sparkEnabled, "--spark-enabled");
                    props.addProperty("destination", destination);
                }
                case "ServiceTag" -> {
                    need(serviceTag, "--service-tag", "service_tag");
                    need(protocol, "--protocol", "service_tag");
                    need(portRanges, "--port-ranges", "service_tag");
                    foreign(foreign, destination, "--destination", serviceResourceId, "--service-resource-id",
                            subresourceTarget, "--subresource-target", sparkEnabled, "--spark-enabled");
                    JsonObject d = new JsonObject();
                    d.addProperty("serviceTag", serviceTag);
                    d.addProperty("protocol", protocol);
                    d.addProperty("portRanges", portRanges);
                    if (addressPrefixes != null) {
                        JsonArray a = new JsonArray();
                        for (String p : addressPrefixes.split(",")) {
                            a.add(p.strip());
                        }
                        d.add("addressPrefixes", a);
                    }
                    props.add("destination", d);
                }
                default -> {
                    need(serviceResourceId, "--service-resource-id", "private_endpoint");
                    need(subresourceTarget, "--subresource-target", "private_endpoint");
                    foreign(foreign, destination, "--destination", serviceTag, "--service-tag", protocol, "--protocol",
                            portRanges, "--port-ranges", addressPrefixes, "--address-prefixes");
                    JsonObject d = new JsonObject();
                    d.addProperty("serviceResourceId", ResourceId.parse(serviceResourceId, "--service-resource-id").id());
                    d.addProperty("subresourceTarget", subresourceTarget);
                    d.addProperty("sparkEnabled", Boolean.TRUE.equals(sparkEnabled));
                    props.add("destination", d);
                }
            }
            if (!foreign.isEmpty()) {
                throw AmlshException.usage(String.join(", ", foreign) + (foreign.size() == 1 ? " does" : " do")
                        + " not apply to --type " + type + ".", "Leave out what belongs to another rule type.");
            }
            JsonObject out = ctx.azure().workspaces(global.subscription()).setOutboundRule(target.group.resolve(ctx),
                    target.workspace(ctx), rule, props, !noWait);
            return out == null ? null : new CommandResult(out, TABLE);
        }

        @Override
        protected boolean longRunning() {
            return !noWait;
        }

        private static void need(Object value, String option, String ruleType) {
            if (value == null) {
                throw AmlshException.usage("--type " + ruleType + " needs " + option + ".", "See 'ml workspace outbound-rule set -h'.");
            }
        }

        private static void foreign(List<String> found, Object... pairs) {
            for (int i = 0; i < pairs.length; i += 2) {
                if (pairs[i] != null) {
                    found.add((String) pairs[i + 1]);
                }
            }
        }
    }

    @Command(name = "remove", description = "Remove an outbound rule. Asks unless --yes.",
            footerHeading = "%nExamples:%n", footer = {"  ml workspace outbound-rule remove -w ws1 -g rg1 --rule pypi --yes"})
    static final class Remove extends AmlCommand {
        @Mixin
        Target target;

        @Option(names = "--rule", required = true, paramLabel = "RULE", order = 3, description = "Name of the rule.")
        String rule;

        @Option(names = "--no-wait", order = 4, description = "Do not wait for the removal.")
        boolean noWait;

        @Mixin
        SharedOptions.Yes yes;

        @Override
        protected void prepare() {
            Confirmation.require(ctx, yes.value, "ml workspace outbound-rule remove", "Are you sure you want to perform this operation? (y/n): ");
        }

        @Override
        protected CommandResult execute() {
            ctx.azure().workspaces(global.subscription()).removeOutboundRule(target.group.resolve(ctx), target.workspace(ctx), rule, !noWait);
            return null;
        }

        @Override
        protected boolean longRunning() {
            return !noWait;
        }
    }

    private OutboundRuleCommands() {
    }
}
