package dev.amlsh.recorded;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One extract of recorded real Azure traffic, as kept under {@code src/test/resources/recorded/}.
 * The same files feed both sides: the client replays them as Azure's answers (a local HTTPS
 * server that answers with {@link Interaction#responseBody()}), and the parity suite replays the
 * requests against the sandbox and compares its answers with them.
 *
 * <p>File format (JSON):
 * <pre>{@code
 * {
 *   "source": "Azure/azure-powershell src/MachineLearningServices/.../Get-AzMLWorkspace.Recording.json",
 *   "commit": "b7ee16ad5e22f07179560f6cf6a87cec63365a76",
 *   "retrieved": "2026-12-05",
 *   "notes": "what was kept or left out",
 *   "interactions": [
 *     {"name": "create", "method": "PUT",
 *      "uri": "https://management.azure.com/subscriptions/.../workspaces/ws?api-version=2024-04-01",
 *      "requestBody": {...} | null,
 *      "status": 202,
 *      "responseHeaders": {"Azure-AsyncOperation": "...", "Location": "...", "Retry-After": "..."},
 *      "responseBody": {...} | "text" | null}
 *   ]
 * }
 * }</pre>
 * Only ARM (and, where a file says so, Graph) interactions are kept; secrets in the public
 * recordings were already sanitized by their authors.
 *
 * <pre>{@code
 * Recording r = Recording.load(Recording.root().resolve("machinelearningservices/workspace-crud.json"));
 * for (Interaction i : r.interactions()) { ... }
 * }</pre>
 */
public record Recording(Path file, String source, String commit, String retrieved, String notes,
                        List<Interaction> interactions) {

    /** One request and Azure's answer to it. Header names keep the recording's casing. */
    public record Interaction(String name, String method, String uri, JsonElement requestBody,
                              int status, Map<String, String> responseHeaders,
                              JsonElement responseBody) {
        /** A response header, looked up without regard to case; null when absent. */
        public String header(String name) {
            for (Map.Entry<String, String> e : responseHeaders.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue();
                }
            }
            return null;
        }
    }

    private static final Gson GSON = new Gson();

    /** Where the extracts are kept in the source tree (tests run from the project root). */
    public static Path root() {
        return Path.of("src", "test", "resources", "recorded");
    }

    /** Reads one extract. */
    public static Recording load(Path file) {
        try {
            JsonObject o = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), JsonObject.class);
            List<Interaction> list = new ArrayList<>();
            for (JsonElement e : o.getAsJsonArray("interactions")) {
                JsonObject i = e.getAsJsonObject();
                Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                if (i.has("responseHeaders") && i.get("responseHeaders").isJsonObject()) {
                    i.getAsJsonObject("responseHeaders").entrySet()
                            .forEach(h -> headers.put(h.getKey(), h.getValue().getAsString()));
                }
                list.add(new Interaction(text(i, "name"), text(i, "method"), text(i, "uri"),
                        nullable(i, "requestBody"), i.get("status").getAsInt(), headers,
                        nullable(i, "responseBody")));
            }
            return new Recording(file, text(o, "source"), text(o, "commit"), text(o, "retrieved"),
                    text(o, "notes"), List.copyOf(list));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every extract under a folder of {@link #root()} (e.g. "machinelearningservices"), by name. */
    public static List<Recording> loadAll(String folder) {
        Path dir = root().resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().map(Recording::load).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    private static JsonElement nullable(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e;
    }
}
