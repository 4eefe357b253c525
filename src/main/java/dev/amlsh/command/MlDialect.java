package dev.amlsh.command;

import dev.amlsh.core.AmlshException;
import dev.amlsh.session.SessionState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which CLI dialect an {@code ml workspace} line speaks: v1 ({@code azure-cli-ml}: {@code -w},
 * {@code --friendly-name}, ...) or v2 (the {@code ml} extension: {@code -n}, {@code --file},
 * ...). Decided from the line when it can be, else by the session's default
 * ({@code configure --defaults ml-cli=v2}); v1 out of the box. Short options that mean different
 * things in the two ({@code -f}, {@code -d}, {@code -y}, {@code -p}, ...) follow the decision.
 *
 * <pre>{@code
 * MlDialect d = MlDialect.of(List.of("ml", "workspace", "show", "-n", "ws1"), state); // V2
 * }</pre>
 */
enum MlDialect {
    V1, V2;

    /** The session default's key, as {@code configure --defaults ml-cli=v2} writes it. */
    static final String DEFAULT_KEY = "ml-cli";

    static final Set<String> V1_ONLY = Set.of("-w", "--workspace-name", "--friendly-name", "--keyvault", "--exist-ok", "--sku",
            "-t", "--pe-name", "--pe-auto-approval", "--pe-resource-group", "--pe-vnet-name", "--pe-subnet-name",
            "--pe-subscription-id", "--cmk-keyvault", "--resource-cmk-uri", "--allow-public-access", "-v", "--v1-legacy-mode",
            "--user", "--role", "--path", "--subscription-id", "--user-assigned-identity-for-cmk-encryption", "--adb-workspace",
            "--output-metadata-file");
    static final Set<String> V2_ONLY = Set.of("-n", "--name", "--file", "--display-name", "--key-vault", "-m", "--managed-network",
            "-u", "--update-dependent-resources", "--set", "--kind", "--include-spark", "-s", "-k", "-a", "-c", "-i", "-e",
            "--enable-data-isolation", "--provision-network-now", "--system-datastores-auth-mode", "--allow-roleassignment-on-rg",
            "--network-acls", "--max-results", "--filtered-kinds", "--hub-id", "--default-resource-group");
    private static final Set<String> V1_COMMANDS = Set.of("share");
    private static final Set<String> V2_COMMANDS = Set.of("provision-network", "outbound-rule");

    /** True for words (after {@code az}) that start an {@code ml workspace} line. */
    static boolean applies(List<String> words) {
        return words.size() >= 2 && words.get(0).equals("ml") && words.get(1).equals("workspace");
    }

    /** The session's default dialect: v1 unless {@code ml-cli=v2} was configured. */
    static MlDialect sessionDefault(SessionState state) {
        return state.defaultValue(DEFAULT_KEY).map(v -> v.equalsIgnoreCase("v2") ? V2 : V1).orElse(V1);
    }

    /** Checks a value given to {@code configure --defaults ml-cli=...}. */
    static String checkDefault(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!v.isEmpty() && !v.equals("v1") && !v.equals("v2")) {
            throw AmlshException.usage("ml-cli: '" + value + "' is not a CLI dialect.", "Use ml-cli=v1 or ml-cli=v2.");
        }
        return v;
    }

    /**
     * The dialect of an {@code ml workspace} line; a line that mixes the two is a usage error
     * naming which options belong to which.
     */
    static MlDialect of(List<String> words, SessionState state) {
        List<String> v1 = new ArrayList<>();
        List<String> v2 = new ArrayList<>();
        String sub = words.size() > 2 ? words.get(2) : "";
        if (V1_COMMANDS.contains(sub)) {
            v1.add("'" + sub + "'");
        } else if (V2_COMMANDS.contains(sub)) {
            v2.add("'" + sub + "'");
        }
        // outbound-rule names its workspace with -w in v2 too
        boolean ruleGroup = sub.equals("outbound-rule");
        for (int i = 3; i < words.size(); i++) {
            String w = words.get(i);
            if (!w.startsWith("-") || w.length() < 2 || Character.isDigit(w.charAt(1))) {
                continue;
            }
            String name = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
            if (V1_ONLY.contains(name) && !(ruleGroup && (name.equals("-w") || name.equals("--workspace-name")))) {
                v1.add(name);
            } else if (V2_ONLY.contains(name)) {
                v2.add(name);
            }
        }
        if (!v1.isEmpty() && !v2.isEmpty()) {
            throw AmlshException.usage("This line mixes the two 'ml workspace' dialects: " + String.join(", ", v1.stream().distinct().toList())
                    + (v1.size() == 1 ? " is" : " are") + " v1 (azure-cli-ml), " + String.join(", ", v2.stream().distinct().toList())
                    + (v2.size() == 1 ? " is" : " are") + " v2 (the ml extension).",
                    "Write the line in one dialect: v1 names the workspace with -w, v2 with -n; 'migrate' translates v1 lines.");
        }
        if (!v1.isEmpty()) {
            return V1;
        }
        if (!v2.isEmpty()) {
            return V2;
        }
        return sessionDefault(state);
    }
}
