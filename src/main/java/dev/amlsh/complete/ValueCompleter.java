package dev.amlsh.complete;

import dev.amlsh.command.ValueKind;
import dev.amlsh.session.SubscriptionInfo;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The values of one kind in scope: subscriptions from the session, groups, locations, workspaces,
 * resource IDs and users from the index, role names, enum values, files from the disk.
 *
 * <pre>{@code
 * values.complete(ValueKind.of(Kind.GROUP), "", scope);
 * }</pre>
 */
final class ValueCompleter {
    static final String WORKSPACES = "Microsoft.MachineLearningServices/workspaces";
    private final ResourceIndex index;
    private final IdCompleter ids;

    ValueCompleter(ResourceIndex index) {
        this.index = index;
        this.ids = new IdCompleter(index);
    }

    List<Candidate> complete(ValueKind kind, String word, Scope scope) {
        String sub = scope.subscriptionId();
        return switch (kind.kind()) {
            case SUBSCRIPTION -> subscriptions(scope);
            case LOCATION -> names(sub == null ? List.of() : index.locations(sub));
            case GROUP -> names(sub == null ? List.of() : index.groups(sub));
            case WORKSPACE -> workspaces(scope);
            case RESOURCE_ID -> ids.complete(word, kind.resourceType(), scope);
            case USER -> names(index.users());
            case ROLE -> names(Roles.BUILT_IN);
            case ENUM -> names(kind.values());
            case FILE -> files(word);
            case NONE -> List.of();
        };
    }

    private static List<Candidate> subscriptions(Scope scope) {
        List<Candidate> out = new ArrayList<>();
        for (SubscriptionInfo s : scope.subscriptions()) {
            out.add(Candidate.of(s.name(), s.id()));
            out.add(Candidate.of(s.id(), s.name()));
        }
        return out;
    }

    private List<Candidate> workspaces(Scope scope) {
        if (scope.subscriptionId() == null) {
            return List.of();
        }
        Collection<IndexedResource> found = scope.group() != null
                ? index.inGroup(scope.subscriptionId(), scope.group(), WORKSPACES)
                : index.ofType(scope.subscriptionId(), WORKSPACES);
        List<Candidate> out = new ArrayList<>(found.size());
        for (IndexedResource r : found) {
            out.add(Candidate.of(r.name(), r.group()));
        }
        return out;
    }

    private static List<Candidate> names(Collection<String> names) {
        List<Candidate> out = new ArrayList<>(names.size());
        for (String n : names) {
            out.add(Candidate.of(n));
        }
        return out;
    }

    /** Files and folders next to what is typed; a folder goes on with "/". */
    private static List<Candidate> files(String word) {
        int slash = word.lastIndexOf('/');
        String dirPart = slash < 0 ? "" : word.substring(0, slash + 1);
        Path dir = dev.amlsh.core.WorkingDir.resolve(dirPart.isEmpty() ? "." : dirPart.startsWith("~/")
                ? System.getProperty("user.home") + dirPart.substring(1) : dirPart);
        List<Candidate> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                boolean folder = Files.isDirectory(p);
                out.add(new Candidate(dirPart + name + (folder ? "/" : ""), name + (folder ? "/" : ""), null, !folder));
            }
        } catch (IOException | RuntimeException unreadable) {
            return List.of();
        }
        out.sort(java.util.Comparator.comparing(Candidate::value));
        return out;
    }
}
