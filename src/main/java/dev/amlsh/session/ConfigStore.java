package dev.amlsh.session;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads and writes {@code config.json}. A missing file is a fresh start; an unreadable or corrupt
 * one is set aside (renamed {@code config.json.corrupt}) with a warning, so the shell still starts.
 *
 * <pre>{@code
 * ConfigStore.Loaded loaded = ConfigStore.load(home.config(), "Sandbox");
 * loaded.warning().ifPresent(System.err::println);
 * }</pre>
 */
public final class ConfigStore {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** A loaded state, and a warning to show the user when the file could not be used. */
    public record Loaded(SessionState state, java.util.Optional<String> warning) {
    }

    private ConfigStore() {
    }

    public static Loaded load(Path file, String defaultCloud) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException fresh) {
            return new Loaded(SessionState.signedOut(defaultCloud), java.util.Optional.empty());
        } catch (IOException e) {
            return new Loaded(SessionState.signedOut(defaultCloud), java.util.Optional.of(
                    "WARNING: cannot read " + file + " (" + e.getMessage() + "); starting with a fresh session."));
        }
        try {
            return new Loaded(parse(text), java.util.Optional.empty());
        } catch (RuntimeException corrupt) {
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt");
            try {
                Files.move(file, aside, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException ignored) {
                aside = file;
            }
            return new Loaded(SessionState.signedOut(defaultCloud), java.util.Optional.of(
                    "WARNING: " + file + " is corrupt and was moved to " + aside
                            + "; starting with a fresh session on the sandbox (run 'login' to sign in to another cloud again)."));
        }
    }

    public static void save(Path file, SessionState state) throws IOException {
        AmlshHome.writeAtomically(file, GSON.toJson(state) + "\n");
    }

    /**
     * Saves what changed from {@code base} to {@code next} into the file as it is now, under a lock
     * (other shells on the same home save too), and returns the state saved.
     */
    public static SessionState change(Path file, String defaultCloud, SessionState base, SessionState next) throws IOException {
        return ConfigLock.holding(file, () -> {
            SessionState disk = read(file).orElse(null);
            if (disk == null) {
                // missing, or damaged (load sets it aside): this shell's own view is the best there is
                disk = Files.exists(file) ? load(file, defaultCloud).state() : base;
            }
            SessionState merged = ConfigMerge.merge(base, next, disk);
            save(file, merged);
            return merged;
        });
    }

    /** The state in the file, or empty when it is missing, unreadable or damaged; never moves the file. */
    public static java.util.Optional<SessionState> read(Path file) {
        try {
            return java.util.Optional.of(parse(Files.readString(file)));
        } catch (IOException | RuntimeException unusable) {
            return java.util.Optional.empty();
        }
    }

    /** What identifies one version of the file (every save replaces it with a new one); null when there is none. */
    public static Object stamp(Path file) {
        try {
            var attributes = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
            return java.util.List.of(String.valueOf(attributes.fileKey()), attributes.lastModifiedTime(), attributes.size());
        } catch (IOException e) {
            return null;
        }
    }

    private static SessionState parse(String text) {
        SessionState state = GSON.fromJson(text, SessionState.class);
        if (state == null || state.cloud() == null || Cloud.find(state.cloud(), state.customClouds() == null ? java.util.List.of() : state.customClouds()).isEmpty()) {
            throw new JsonParseException("no known cloud in it");
        }
        // Records built by gson skip the canonical constructor; rebuild to normalise nulls.
        return new SessionState(state.cloud(), state.identity(), state.tenantId(),
                state.subscriptions(), state.subscriptionId(), state.defaults(), state.customClouds());
    }
}
