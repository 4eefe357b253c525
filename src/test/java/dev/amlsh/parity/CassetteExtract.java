package dev.amlsh.parity;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Turns one Azure CLI scenario-test cassette (vcrpy YAML) into an extract in the format of
 * {@link dev.amlsh.recorded.Recording}: only ARM interactions on resource types the sandbox serves,
 * consecutive polls of a long-running operation collapsed into the last one, response headers cut
 * down to the LRO ones. A tool for maintainers, not a test:
 *
 * <pre>{@code
 * java -cp target/test-classes:target/classes:target/lib/* dev.amlsh.parity.CassetteExtract \
 *     cassette.yaml "Azure/azure-cli src/.../test_x.yaml" <commit> 2026-12-05 out.json
 * }</pre>
 */
public final class CassetteExtract {
    /** Namespace (lower case) to the type chains (lower case, '/'-joined) the sandbox serves. */
    static final Map<String, Set<String>> SERVED = Map.of(
            "microsoft.storage", Set.of("storageaccounts", "checknameavailability", "deletedaccounts"),
            "microsoft.keyvault", Set.of("vaults", "deletedvaults", "locations/deletedvaults", "checknameavailability"),
            "microsoft.insights", Set.of("components"),
            "microsoft.containerregistry", Set.of("registries", "checknameavailability"),
            "microsoft.authorization", Set.of("roleassignments", "roledefinitions"),
            "microsoft.network", Set.of("virtualnetworks", "virtualnetworks/subnets", "privateendpoints"),
            "microsoft.machinelearningservices", Set.of("workspaces"));
    private static final Set<String> LRO_HEADERS = Set.of("azure-asyncoperation", "location", "retry-after");

    private CassetteExtract() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: CassetteExtract CASSETTE.yaml SOURCE COMMIT DATE OUT.json");
            System.exit(2);
        }
        Object doc = new Load(LoadSettings.builder().setCodePointLimit(64 * 1024 * 1024).build())
                .loadFromString(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
        List<?> raw = (List<?>) ((Map<?, ?>) doc).get("interactions");
        JsonArray out = new JsonArray();
        int dropped = 0;
        int polls = 0;
        String lastLro = null;
        for (Object o : raw) {
            Map<?, ?> req = (Map<?, ?>) ((Map<?, ?>) o).get("request");
            Map<?, ?> res = (Map<?, ?>) ((Map<?, ?>) o).get("response");
            String uri = String.valueOf(req.get("uri"));
            String method = String.valueOf(req.get("method"));
            boolean poll = lastLro != null && method.equals("GET") && isPoll(uri, lastLro);
            if (!poll && !served(method, uri)) {
                dropped++;
                continue;
            }
            JsonObject i = new JsonObject();
            i.addProperty("name", poll ? "poll" : commandName(req) + " " + method);
            i.addProperty("method", method);
            i.addProperty("uri", uri);
            i.add("requestBody", json(req.get("body")));
            i.addProperty("status", ((Number) ((Map<?, ?>) res.get("status")).get("code")).intValue());
            JsonObject headers = new JsonObject();
            Map<?, ?> h = (Map<?, ?>) res.get("headers");
            if (h != null) {
                h.forEach((k, v) -> {
                    if (LRO_HEADERS.contains(String.valueOf(k).toLowerCase(Locale.ROOT))) {
                        headers.addProperty(String.valueOf(k), String.valueOf(v instanceof List<?> l ? l.get(0) : v));
                    }
                });
            }
            i.add("responseHeaders", headers);
            Object body = res.get("body");
            i.add("responseBody", json(body instanceof Map<?, ?> m ? m.get("string") : body));
            if (poll && out.size() > 0 && out.get(out.size() - 1).getAsJsonObject().get("name").getAsString().equals("poll")) {
                out.remove(out.size() - 1);
                polls++;
            }
            out.add(i);
            String next = header(headers, "azure-asyncoperation");
            if (next == null) {
                next = header(headers, "location");
            }
            if (next != null) {
                lastLro = next;
            } else if (!poll) {
                lastLro = null;
            }
        }
        JsonObject file = new JsonObject();
        file.addProperty("source", args[1]);
        file.addProperty("commit", args[2]);
        file.addProperty("retrieved", args[3]);
        file.addProperty("notes", "ARM interactions on the types the sandbox serves; " + dropped
                + " other interactions (Graph, data plane, other types) left out; " + polls
                + " intermediate LRO polls collapsed into the last (interactions named 'poll'); "
                + "response headers cut to Azure-AsyncOperation, Location, Retry-After.");
        file.add("interactions", out);
        Files.writeString(Path.of(args[4]), new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
                .create().toJson(file) + "\n", StandardCharsets.UTF_8);
        System.out.println(args[4] + ": " + out.size() + " interactions");
    }

    private static String commandName(Map<?, ?> req) {
        Map<?, ?> h = (Map<?, ?>) req.get("headers");
        Object c = h == null ? null : h.get("CommandName");
        return c instanceof List<?> l && !l.isEmpty() ? String.valueOf(l.get(0)) : "request";
    }

    private static boolean isPoll(String uri, String lro) {
        return strip(uri).equalsIgnoreCase(strip(lro));
    }

    private static String strip(String u) {
        int q = u.indexOf('?');
        return q < 0 ? u : u.substring(0, q);
    }

    private static String header(JsonObject headers, String name) {
        for (Map.Entry<String, JsonElement> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue().getAsString();
            }
        }
        return null;
    }

    /** True for ARM requests on subscriptions, groups, providers, locations and the served provider types. */
    static boolean served(String method, String uri) {
        URI u = URI.create(uri.replace(" ", "%20"));
        if (!"management.azure.com".equalsIgnoreCase(u.getHost())) {
            return false;
        }
        List<String> s = new ArrayList<>();
        for (String part : u.getRawPath().split("/")) {
            if (!part.isEmpty()) {
                s.add(part.toLowerCase(Locale.ROOT));
            }
        }
        if (s.isEmpty() || !s.get(0).equals("subscriptions") && !s.get(0).equals("providers")) {
            return false;
        }
        int p = s.lastIndexOf("providers");
        if (p < 0) {
            // subscriptions[/s[/locations|/resourcegroups[/g[/resources]]|/resources]]
            if (s.size() <= 2) {
                return true;
            }
            String k = s.get(2);
            return k.equals("locations") && s.size() == 3 || k.equals("resources") && s.size() == 3
                    || k.equals("resourcegroups") && (s.size() <= 4 || s.size() == 5 && s.get(4).equals("resources"));
        }
        if (p == 2 && (s.size() <= 4 || s.size() == 5 && (s.get(4).equals("register") || s.get(4).equals("unregister")))) {
            // the provider list, or one served namespace and its register/unregister action
            return s.size() == 3 || SERVED.containsKey(s.get(3));
        }
        if (p == s.size() - 1) {
            return false;
        }
        Set<String> types = SERVED.get(s.get(p + 1));
        if (types == null) {
            return false;
        }
        List<String> rest = s.subList(p + 2, s.size());
        StringBuilder chain = new StringBuilder();
        for (int i = 0; i < rest.size(); i += 2) {
            String candidate = chain.length() == 0 ? rest.get(i) : chain + "/" + rest.get(i);
            if (i + 1 >= rest.size()) {
                // a collection of a served type, or an action (POST listKeys) on one
                return types.contains(candidate) || method.equals("POST") && chain.length() > 0 && types.contains(chain.toString());
            }
            chain.setLength(0);
            chain.append(candidate);
        }
        return types.contains(chain.toString());
    }

    private static JsonElement json(Object body) {
        if (body == null) {
            return JsonNull.INSTANCE;
        }
        String text = body instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(body);
        if (text.isBlank()) {
            return JsonNull.INSTANCE;
        }
        try {
            return JsonParser.parseString(text);
        } catch (RuntimeException e) {
            return new com.google.gson.JsonPrimitive(text);
        }
    }
}
