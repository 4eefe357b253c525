package dev.amlsh.command;

import dev.amlsh.output.TableColumn;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code network vnet}: virtual networks, for workspaces with a private endpoint.
 *
 * <pre>{@code
 * network vnet create -n vnet1 -g rg1 --subnet-name default
 * }</pre>
 */
@Command(name = "network", description = "Manage networks (for private endpoints).",
        footerHeading = "%nExamples:%n", footer = {"  network vnet create -n vnet1 -g rg1 --subnet-name default"},
        subcommands = NetworkCommands.Vnet.class)
public final class NetworkCommands {
    static final List<TableColumn> TABLE = List.of(new TableColumn("Name", "name"),
            new TableColumn("ResourceGroup", "resourceGroup"), new TableColumn("Location", "location"));

    @Command(name = "vnet", description = "Manage virtual networks.",
            footerHeading = "%nExamples:%n", footer = {"  network vnet create -n vnet1 -g rg1", "  network vnet list -g rg1 -o table"},
            subcommands = {VnetCreate.class, VnetShow.class, VnetList.class, VnetDelete.class})
    static final class Vnet {
    }

    @Command(name = "create", description = "Create a virtual network with one subnet.",
            footerHeading = "%nExamples:%n", footer = {"  network vnet create -n vnet1 -g rg1 --subnet-name default"})
    static final class VnetCreate extends AmlCommand {
        @Option(names = {"-n", "--name"}, required = true, paramLabel = "NAME", order = 1, description = "Name of the network.")
        String name;

        @Mixin
        SharedOptions.Group group;

        @Mixin
        SharedOptions.Location location;

        @Option(names = "--address-prefix", paramLabel = "CIDR", order = 4, defaultValue = "10.0.0.0/16",
                description = "Address space. Default: ${DEFAULT-VALUE}.")
        String addressPrefix;

        @Option(names = "--subnet-name", paramLabel = "NAME", order = 5, defaultValue = "default",
                description = "Name of its subnet. Default: ${DEFAULT-VALUE}.")
        String subnet;

        @Option(names = "--subnet-prefix", paramLabel = "CIDR", order = 6, defaultValue = "10.0.0.0/24",
                description = "Address range of the subnet. Default: ${DEFAULT-VALUE}.")
        String subnetPrefix;

        @Override
        protected CommandResult execute() {
            String g = group.resolve(ctx);
            String where = location.value != null ? location.value
                    : ctx.azure().groups(global.subscription()).show(g).get("location").getAsString();
            return new CommandResult(ctx.azure().networks(global.subscription())
                    .createVnet(g, name, where, addressPrefix, subnet, subnetPrefix), TABLE);
        }
    }

    @Command(name = "show", description = "Show a virtual network.", footerHeading = "%nExamples:%n",
            footer = {"  network vnet show -n vnet1 -g rg1"})
    static final class VnetShow extends AmlCommand {
        @Option(names = {"-n", "--name"}, required = true, paramLabel = "NAME", order = 1, description = "Name of the network.")
        String name;

        @Mixin
        SharedOptions.Group group;

        @Override
        protected CommandResult execute() {
            return new CommandResult(ctx.azure().networks(global.subscription()).showVnet(group.resolve(ctx), name), TABLE);
        }
    }

    @Command(name = "list", description = "List virtual networks.", footerHeading = "%nExamples:%n",
            footer = {"  network vnet list -g rg1 -o table"})
    static final class VnetList extends AmlCommand {
        @Mixin
        SharedOptions.GroupFilter group;

        @Override
        protected CommandResult execute() {
            return new CommandResult(ctx.azure().networks(global.subscription()).listVnets(group.value), TABLE);
        }
    }

    @Command(name = "delete", description = "Delete a virtual network.", footerHeading = "%nExamples:%n",
            footer = {"  network vnet delete -n vnet1 -g rg1"})
    static final class VnetDelete extends AmlCommand {
        @Option(names = {"-n", "--name"}, required = true, paramLabel = "NAME", order = 1, description = "Name of the network.")
        String name;

        @Mixin
        SharedOptions.Group group;

        @Override
        protected CommandResult execute() {
            ctx.azure().networks(global.subscription()).deleteVnet(group.resolve(ctx), name);
            return null;
        }
    }

    private NetworkCommands() {
    }
}
