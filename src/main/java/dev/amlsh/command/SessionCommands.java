package dev.amlsh.command;

import com.google.gson.JsonObject;
import dev.amlsh.core.AmlshException;
import dev.amlsh.output.TableColumn;
import dev.amlsh.session.Cloud;
import dev.amlsh.session.Identity;
import dev.amlsh.session.SessionState;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The commands that change the session itself: {@code login}, {@code logout},
 * {@code configure} and {@code use}.
 *
 * <pre>{@code
 * login --sandbox
 * use rg1
 * }</pre>
 */
public final class SessionCommands {
    private static final Set<String> DEFAULT_KEYS = Set.of("group", "location", "workspace", MlDialect.DEFAULT_KEY);

    @Command(name = "login", description = "Sign in: to the sandbox, or to Azure with a browser, a device code, a service principal, a managed identity or the Azure CLI's sign-in.",
            footerHeading = "%nExamples:%n",
            footer = {"  login --sandbox", "  login --sandbox -u bob@sandbox.amlsh",
                    "  login --service-principal -u <app-id> -p <secret or PEM path> --tenant <tenant>",
                    "  login --service-principal -u a0000000-0000-4000-8000-0000000c1e04 -p ~/.amlsh/sandbox/identities/amlsh-ci.pem",
                    "  login --service-principal -u <app-id> --tenant <tenant> --federated-token \"$(cat $AZURE_FEDERATED_TOKEN_FILE)\"",
                    "  login --use-device-code -u alice@sandbox.amlsh", "  login --identity",
                    "  login --identity --username a0000000-0000-4000-8000-0000000c1e06", "  login --azure-cli"})
    static final class Login extends AmlCommand {
        @Option(names = "--sandbox", order = 1, description = "Sign in to the local sandbox cloud (as its admin unless -u).")
        boolean sandbox;

        @Option(names = {"-u", "--username"}, paramLabel = "NAME", order = 2,
                description = "User or application (client) ID; for --identity, the identity's client ID.")
        String username;

        @Option(names = {"-p", "--password"}, paramLabel = "SECRET", order = 3,
                description = "Service principal secret (kept only in a keyring), or the path of its PEM certificate (remembered).")
        String password;

        @Option(names = "--service-principal", order = 4, description = "Sign in as a service principal (-u, -p, --tenant).")
        boolean servicePrincipal;

        @Option(names = {"-t", "--tenant"}, paramLabel = "TENANT", order = 5, description = "Tenant ID or domain.")
        String tenant;

        @Option(names = "--identity", order = 6, description = "Sign in with the managed identity of this machine.")
        boolean identity;

        @Option(names = "--use-device-code", order = 7, description = "Sign in with a code typed on another device's browser.")
        boolean deviceCode;

        @Option(names = "--azure-cli", order = 8, description = "Reuse the Azure CLI's sign-in ('az login').")
        boolean azureCli;

        @Option(names = "--federated-token", paramLabel = "JWT", order = 9,
                description = "With --service-principal: a federated token (workload identity federation) instead of -p.")
        String federatedToken;

        @Override
        protected CommandResult execute() {
            Identity who = identity();
            String secret = servicePrincipal ? (federatedToken != null ? federatedToken : password) : null;
            var subscriptions = ctx.azure().account().signIn(who, secret, tenant, message -> {
                ctx.io().err().println(username == null ? message : message.replace("<user>", username));
                ctx.io().err().flush();
            });
            if (subscriptions.isEmpty()) {
                ctx.warn(global, "Signed in, but no subscription gives this identity any role. Ask an Owner for one "
                        + "('role assignment create' or 'ml workspace share').");
            }
            return new CommandResult(subscriptions, AccountCommands.TABLE);
        }

        private Identity identity() {
            if (federatedToken != null) {
                if (!servicePrincipal || username == null || password != null) {
                    throw AmlshException.usage("--federated-token signs in a service principal: give it with --service-principal -u <app-id> and --tenant, without -p.",
                            "E.g. 'login --service-principal -u <app-id> --tenant <tenant> --federated-token <jwt>'.");
                }
                if (tenant == null && !ctx.session().cloud().isSandbox() && !ctx.session().cloud().isAdfs()) {
                    throw AmlshException.usage("A service principal sign-in needs --tenant.", "Add --tenant <tenant ID or domain>.");
                }
                return new Identity(username, "servicePrincipal", username, Identity.FEDERATED);
            }
            if (servicePrincipal) {
                if (username == null || password == null) {
                    throw AmlshException.usage("A service principal sign-in needs -u <app-id> and -p <secret or PEM path>.",
                            "Add both, and --tenant <tenant> outside the sandbox.");
                }
                if (tenant == null && !ctx.session().cloud().isSandbox() && !ctx.session().cloud().isAdfs()) {
                    throw AmlshException.usage("A service principal sign-in needs --tenant.", "Add --tenant <tenant ID or domain>.");
                }
                java.nio.file.Path pem = dev.amlsh.core.WorkingDir.resolve(password);
                boolean certificate = password.toLowerCase(Locale.ROOT).endsWith(".pem") && java.nio.file.Files.isRegularFile(pem);
                if (certificate) {
                    password = pem.toAbsolutePath().toString();
                }
                // A certificate's path is remembered (never the key); a secret only in a keyring.
                return certificate ? new Identity(username, "servicePrincipal", username, Identity.CERTIFICATE, password)
                        : new Identity(username, "servicePrincipal", username, Identity.SECRET);
            }
            if (sandbox || ctx.session().cloud().isSandbox() && !identity && !deviceCode && !azureCli) {
                try {
                    dev.amlsh.session.Credentials.seeded(username);
                } catch (dev.amlsh.session.SignInException e) {
                    throw AmlshException.usage(e.getMessage() + ".", "Sign in as one of them, e.g. 'login --sandbox -u bob@sandbox.amlsh'.");
                }
                return new Identity(username, "user", null, Identity.SANDBOX);
            }
            if (identity) {
                return new Identity(username == null ? "systemAssignedIdentity" : username, "servicePrincipal", username,
                        Identity.MANAGED_IDENTITY);
            }
            if (deviceCode) {
                return new Identity(username, "user", null, Identity.DEVICE_CODE);
            }
            if (azureCli) {
                return new Identity(username, "user", null, Identity.AZURE_CLI);
            }
            return new Identity(username, "user", null, Identity.BROWSER);
        }
    }

    @Command(name = "logout", description = "Sign out; the defaults (group, location) are kept.",
            footerHeading = "%nExamples:%n", footer = {"  logout"})
    static final class Logout extends AmlCommand {
        @Override
        protected CommandResult execute() {
            ctx.azure().account().signOut();
            return null;
        }
    }

    @Command(name = "configure", description = "Set or show the defaults that commands fall back to.",
            footerHeading = "%nExamples:%n",
            footer = {"  configure --defaults group=rg1 location=eastus", "  configure --defaults group=",
                    "  configure --list-defaults -o table"})
    static final class Configure extends AmlCommand {
        @Option(names = {"-d", "--defaults"}, arity = "1..*", paramLabel = "KEY=VALUE", order = 1,
                description = "Defaults to set: group, location, workspace, ml-cli=v1|v2 (an empty value removes one).")
        List<String> defaults;

        @Option(names = {"-l", "--list-defaults"}, order = 2, description = "Show the defaults.")
        boolean list;

        @Override
        protected CommandResult execute() {
            SessionState next = ctx.session().state();
            for (String pair : defaults == null ? List.<String>of() : defaults) {
                int eq = pair.indexOf('=');
                String key = (eq < 0 ? pair : pair.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
                if (eq < 0 || !DEFAULT_KEYS.contains(key)) {
                    throw AmlshException.usage("'" + pair + "' is not a default amlsh knows.",
                            "Write key=value with key one of group, location, workspace, ml-cli, e.g. --defaults group=rg1.");
                }
                String value = pair.substring(eq + 1).trim();
                next = next.withDefault(key, key.equals(MlDialect.DEFAULT_KEY) ? MlDialect.checkDefault(value) : value);
            }
            if (defaults != null) {
                ctx.session().update(next);
            }
            if (list || defaults == null) {
                com.google.gson.JsonArray out = new com.google.gson.JsonArray();
                for (Map.Entry<String, String> e : ctx.session().state().defaults().entrySet()) {
                    JsonObject item = new JsonObject();
                    item.addProperty("name", e.getKey());
                    item.addProperty("source", ctx.session().home().config().toString());
                    item.addProperty("value", e.getValue());
                    out.add(item);
                }
                if (ctx.session().state().defaultValue(MlDialect.DEFAULT_KEY).isEmpty()) {
                    // the dialect of 'ml workspace' lines that do not decide it themselves: v1 out of the box
                    JsonObject item = new JsonObject();
                    item.addProperty("name", MlDialect.DEFAULT_KEY);
                    item.addProperty("source", "built-in");
                    item.addProperty("value", "v1");
                    out.add(item);
                }
                return new CommandResult(out, List.of(new TableColumn("Name", "name"), new TableColumn("Value", "value")));
            }
            return null;
        }
    }

    @Command(name = "use", description = "Make a resource group the current one (shown in the prompt, used when -g is left out).",
            footerHeading = "%nExamples:%n", footer = {"  use rg1", "  use --none"})
    static final class Use extends AmlCommand {
        @Parameters(arity = "0..1", paramLabel = "GROUP", description = "The resource group.")
        String group;

        @Option(names = "--none", order = 1, description = "Clear the current group.")
        boolean none;

        @Override
        protected CommandResult execute() {
            if (none) {
                ctx.session().update(ctx.session().state().withDefault("group", null));
                return null;
            }
            if (group == null) {
                throw AmlshException.usage("Which group?", "Give one, e.g. 'use rg1' (see 'group list'), or 'use --none'.");
            }
            if (!ctx.azure().groups(global.subscription()).exists(group)) {
                throw AmlshException.notFound("Resource group '" + group + "' could not be found.",
                        "Create it with 'group create -n " + group + " -l <location>', or see 'group list'.");
            }
            ctx.session().update(ctx.session().state().withDefault("group", group));
            return null;
        }
    }

    @Command(name = "cloud", description = "Manage the clouds amlsh can talk to.",
            footerHeading = "%nExamples:%n", footer = {"  cloud list -o table", "  cloud set --name AzureCloud"},
            subcommands = {CloudList.class, CloudShow.class, CloudSet.class, CloudRegister.class})
    static final class CloudCommands {
    }

    @Command(name = "list", description = "List the clouds amlsh knows.", footerHeading = "%nExamples:%n", footer = {"  cloud list -o table"})
    static final class CloudList extends AmlCommand {
        @Override
        protected CommandResult execute() {
            com.google.gson.JsonArray out = new com.google.gson.JsonArray();
            for (Cloud c : Cloud.KNOWN) {
                out.add(shape(c));
            }
            for (Cloud c : ctx.session().state().customClouds()) {
                out.add(shape(c));
            }
            return new CommandResult(out, List.of(new TableColumn("IsActive", "isActive"), new TableColumn("Name", "name")));
        }

        JsonObject shape(Cloud c) {
            JsonObject o = new JsonObject();
            o.addProperty("isActive", c.name().equals(ctx.session().state().cloud()));
            o.addProperty("name", c.name());
            JsonObject endpoints = new JsonObject();
            String arm = c.isSandbox() ? ctx.session().endpoint().map(Object::toString).orElse("(started on first use)")
                    : c.resourceManager();
            endpoints.addProperty("resourceManager", arm);
            endpoints.addProperty("activeDirectory", c.isSandbox()
                    ? ctx.session().endpoint().map(e -> e + "adfs").orElse("(started on first use)") : c.authority());
            o.add("endpoints", endpoints);
            return o;
        }
    }

    @Command(name = "show", description = "Show the active cloud.", footerHeading = "%nExamples:%n", footer = {"  cloud show"})
    static final class CloudShow extends AmlCommand {
        @Override
        protected CommandResult execute() {
            CloudList list = new CloudList();
            list.bind(ctx);
            return CommandResult.of(list.shape(ctx.session().cloud()));
        }
    }

    @Command(name = "set", description = "Make a cloud the active one (you sign in to it again).",
            footerHeading = "%nExamples:%n", footer = {"  cloud set --name AzureCloud", "  cloud set -n Sandbox"})
    static final class CloudSet extends AmlCommand {
        @Option(names = {"-n", "--name"}, required = true, paramLabel = "CLOUD", order = 1,
                description = "AzureCloud, AzureChinaCloud, AzureUSGovernment, Sandbox, or a registered cloud.")
        String name;

        @Override
        protected CommandResult execute() {
            SessionState state = ctx.session().state();
            Cloud cloud = Cloud.find(name, state.customClouds()).orElseThrow(() -> AmlshException.notFound(
                    "Cloud '" + name + "' is not known.", "See 'cloud list', or add it with 'cloud register'."));
            if (!cloud.name().equals(state.cloud())) {
                ctx.session().update(state.withCloud(cloud.name()));
                ctx.warn(global, "Switched to " + cloud.name() + "; sign in with 'login'.");
            }
            return null;
        }
    }

    @Command(name = "register", description = "Register an ARM-compatible cloud, such as another machine's sandbox ('amlsh sandbox serve').",
            footerHeading = "%nExamples:%n",
            footer = {"  cloud register -n OtherSandbox --endpoint-resource-manager https://127.0.0.1:8443/ \\",
                    "      --endpoint-active-directory https://127.0.0.1:8443/adfs --ca-cert /path/to/certificate.pem"})
    static final class CloudRegister extends AmlCommand {
        @Option(names = {"-n", "--name"}, required = true, paramLabel = "NAME", order = 1, description = "Name for the cloud.")
        String name;

        @Option(names = "--endpoint-resource-manager", required = true, paramLabel = "URL", order = 2,
                description = "The ARM endpoint, e.g. https://127.0.0.1:8443/.")
        String resourceManager;

        @Option(names = "--endpoint-active-directory", required = true, paramLabel = "URL", order = 3,
                description = "The authority: Microsoft Entra's host, or an ADFS-style .../adfs URL.")
        String authority;

        @Option(names = "--ca-cert", paramLabel = "PEM", order = 4, description = "Certificates to trust for it (PEM file).")
        String caCert;

        @Override
        protected CommandResult execute() {
            if (Cloud.KNOWN.stream().anyMatch(c -> c.name().equalsIgnoreCase(name))) {
                throw AmlshException.usage("'" + name + "' is a built-in cloud.", "Pick another name.");
            }
            for (String url : new String[] {resourceManager, authority}) {
                if (!url.toLowerCase(Locale.ROOT).startsWith("https://")) {
                    throw AmlshException.usage("'" + url + "' is not an https URL.", "ARM endpoints are reached over HTTPS only.");
                }
            }
            String ca = null;
            if (caCert != null) {
                java.nio.file.Path pem = dev.amlsh.core.WorkingDir.resolve(caCert).toAbsolutePath();
                if (!java.nio.file.Files.isReadable(pem)) {
                    throw AmlshException.usage("--ca-cert: cannot read '" + caCert + "'.", "Give the path of a PEM file.");
                }
                ca = pem.toString();
            }
            String arm = resourceManager.endsWith("/") ? resourceManager : resourceManager + "/";
            ctx.session().update(ctx.session().state().withCustomCloud(new Cloud(name, arm, authority, ca)));
            return null;
        }
    }

    private SessionCommands() {
    }
}
