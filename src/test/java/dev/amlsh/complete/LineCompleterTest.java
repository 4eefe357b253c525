package dev.amlsh.complete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amlsh.command.Dispatcher;
import dev.amlsh.session.AmlshHome;
import dev.amlsh.session.Identity;
import dev.amlsh.session.Session;
import dev.amlsh.session.SessionState;
import dev.amlsh.session.SubscriptionInfo;
import dev.amlsh.testing.ShellHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Completion on parsed lines, no terminal and no network: the tree, the index and the session state. */
class LineCompleterTest {
    static final String SUB = "0b1f6471-1bf0-4dda-aec3-111122223333";
    static final String OTHER = "6c2e7a45-9d3b-4f1a-8b2c-444455556666";
    static final String SA = "Microsoft.Storage/storageAccounts";
    static Session session;
    static LineCompleter completer;
    static ResourceIndex index;
    static SessionState state = SessionState.signedOut("Sandbox").signedIn(new Identity("admin@sandbox.amlsh", "user"), "t",
            List.of(new SubscriptionInfo(SUB, "Sandbox", "t", "Enabled"), new SubscriptionInfo(OTHER, "Sandbox Unregistered", "t", "Enabled")),
            SUB).withDefault("group", "rg-current");

    @BeforeAll
    static void build() {
        session = Session.open(new AmlshHome(ShellHarness.newHome()), Duration.ZERO);
        CommandLine tree = StandInCommands.addIfMissing(new Dispatcher(session).tree());
        if (!tree.getSubcommands().containsKey("source")) {
            tree.addSubcommand("source", new CommandLine(CommandLine.Model.CommandSpec.create().name("source")
                    .addPositional(CommandLine.Model.PositionalParamSpec.builder().paramLabel("FILE").type(String.class).build())));
        }
        index = new ResourceIndex(Duration.ofHours(1), Clock.systemUTC());
        index.replace(SUB, new IndexSource.Inventory(List.of("rg-current", "rg-other", "Team-RG"), List.of("eastus", "westus2"),
                List.of(res("rg-current", "Microsoft.MachineLearningServices/workspaces", "ws-here"),
                        res("rg-other", "Microsoft.MachineLearningServices/workspaces", "ws-there"),
                        res("rg-other", SA, "saother"),
                        res("rg-other", "Microsoft.KeyVault/vaults", "kvother"),
                        res("rg-current", SA, "sahere"))), 0);
        index.replace(OTHER, new IndexSource.Inventory(List.of("unreg-rg"), List.of("eastus"), List.of()), 0);
        index.users(List.of("alice@sandbox.amlsh", "bob@sandbox.amlsh"));
        completer = new LineCompleter(tree, index, () -> state);
    }

    @AfterAll
    static void close() {
        session.close();
    }

    static IndexedResource res(String group, String type, String name) {
        return new IndexedResource(SUB, group, type, name);
    }

    static List<String> values(String line) {
        return completer.complete(line, line.length()).matching().stream().map(Candidate::value).toList();
    }

    @Test
    void commandsAndSubcommandsAtEveryLevel() {
        assertTrue(values("").containsAll(List.of("group", "account", "tour", "help", "ml")), values("").toString());
        assertEquals(List.of("group"), values("gr"));
        assertEquals(List.of("create", "show", "exists", "list", "update", "delete"), values("group "));
        assertEquals(List.of("workspace"), values("az ml w"));
        assertEquals(List.of("create"), values("help group cr"));
    }

    @Test
    void onlyTheCommandsOwnOptionsAndNotTheOnesGiven() {
        List<String> options = values("group create -n x -");
        assertTrue(options.containsAll(List.of("-l", "--location", "--tags", "-o", "--query")), options.toString());
        assertFalse(options.contains("-n") || options.contains("--name") || options.contains("-g"), "-n was given: " + options);
        assertFalse(options.contains("--yes"), "delete's option is not create's");
        assertEquals(List.of("--no-wait"), values("group delete -n rg1 --no"));
    }

    @Test
    void groupsSubscriptionsLocationsAndEnums() {
        assertEquals(List.of("rg-current", "rg-other", "Team-RG"), values("group show -g "));
        assertEquals(List.of("Team-RG"), values("group show -g team"), "matching ignores case");
        assertEquals(List.of("unreg-rg"), values("group show --subscription 'Sandbox Unregistered' -g "), "--subscription scopes groups");
        assertEquals(List.of("Sandbox", SUB, "Sandbox Unregistered", OTHER), values("account set -s "));
        assertEquals(List.of("westus2"), values("group create -n x -l w"));
        assertEquals(List.of("table", "tsv"), values("group list -o t"));
        assertEquals(List.of("--output=table", "--output=tsv"), values("group list --output=t"));
        assertEquals(List.of("rg-current", "rg-other", "Team-RG"), values("use "), "positional GROUP");
    }

    @Test
    void workspacesComeFromTheGroupOnTheLineElseTheCurrentGroup() {
        assertEquals(List.of("ws-here"), values("ml workspace show -w "));
        assertEquals(List.of("ws-there"), values("ml workspace show -g rg-other -w "));
        assertEquals(List.of("ws-there"), values("ml workspace show --resource-group=rg-other -w "));
    }

    @Test
    void resourceIdsSegmentBySegment() {
        String base = "/subscriptions/" + SUB + "/resourceGroups/rg-other/providers/" + SA + "/saother";
        List<String> start = values("ml workspace create -w w --storage-account ");
        assertEquals("/subscriptions/", start.get(0));
        assertTrue(start.contains("/subscriptions/" + SUB + "/resourceGroups/rg-current/providers/" + SA + "/sahere"),
                "the current group's accounts come at once: " + start);
        assertEquals(List.of("/subscriptions/" + SUB + "/", "/subscriptions/" + OTHER + "/"),
                values("ml workspace create --storage-account /subscriptions/"));
        assertEquals(List.of("/subscriptions/" + SUB + "/resourceGroups/"),
                values("ml workspace create --storage-account /subscriptions/" + SUB + "/"));
        assertEquals(List.of("/subscriptions/" + SUB + "/resourceGroups/rg-current/", "/subscriptions/" + SUB + "/resourceGroups/rg-other/"),
                values("ml workspace create --storage-account /subscriptions/" + SUB + "/resourceGroups/rg-"));
        assertEquals(List.of(base), values("ml workspace create --storage-account /subscriptions/" + SUB + "/resourceGroups/rg-other/"),
                "only storage accounts, not the vault");
        assertEquals(List.of("/subscriptions/" + SUB + "/resourceGroups/rg-other/providers/Microsoft.KeyVault/vaults/kvother"),
                values("ml workspace create --cmk-keyvault /subscriptions/" + SUB + "/resourceGroups/rg-other/providers/"));
        assertEquals(3, values("storage account show --ids /subscriptions/" + SUB + "/resourceGroups/rg-other/").size(),
                "--ids takes any type");
        assertEquals(List.of(base), values("ml workspace create --storage-account /SUBSCRIPTIONS/" + SUB
                + "/resourceGroups/rg-other/providers/microsoft.storage/").stream().map(v -> v.replace("/SUBSCRIPTIONS/", "/subscriptions/"))
                .toList(), "typed casing is kept and matching ignores case");
        String line = "ml workspace create --storage-account /subscriptions/";
        assertFalse(completer.complete(line, line.length()).candidates().get(0).complete(), "segments go on without a space");
    }

    @Test
    void usersRolesAndFiles() throws Exception {
        assertEquals(List.of("alice@sandbox.amlsh"), values("ml workspace share -w ws --user al"));
        assertTrue(values("ml workspace share -w ws --role AzureML").containsAll(List.of("AzureML Data Scientist",
                "AzureML Compute Operator")));
        Path dir = Files.createTempDirectory("amlsh-files");
        Files.writeString(dir.resolve("deploy.amlsh"), "group list\n");
        Files.createDirectory(dir.resolve("sub"));
        assertEquals(List.of(dir + "/deploy.amlsh", dir + "/sub/"), values("source " + dir + "/"), "a positional FILE");
        assertEquals(List.of(dir + "/deploy.amlsh"), values("source " + dir + "/d"));
    }

    @Test
    void highlightingTellsCommandsOptionsValuesAndErrors() {
        List<Span> spans = completer.spans("group show -g rg1 --nope");
        assertEquals(List.of(Span.Kind.COMMAND, Span.Kind.COMMAND, Span.Kind.OPTION, Span.Kind.VALUE, Span.Kind.ERROR),
                spans.stream().map(Span::kind).toList());
        assertEquals(Span.Kind.ERROR, completer.spans("grop list").get(0).kind());
        assertEquals(Span.Kind.ERROR, completer.spans("group craete").get(1).kind());
        assertEquals(List.of(Span.Kind.COMMAND, Span.Kind.VALUE), completer.spans("?? [].name").stream().map(Span::kind).toList());
    }
}
