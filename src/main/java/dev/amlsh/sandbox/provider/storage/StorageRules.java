package dev.amlsh.sandbox.provider.storage;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.provider.resources.Locations;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules of a storage account the service checks (name, sku, kind and their combinations) and
 * the server-set parts of its document (endpoints, encryption, network rules).
 *
 * <pre>{@code
 * StorageRules.checkName("mysa");
 * String sku = StorageRules.sku("standard_lrs").orElseThrow(); // "Standard_LRS"
 * }</pre>
 */
final class StorageRules {
    static final Pattern NAME = Pattern.compile("^[a-z0-9]{3,24}$");
    static final List<String> SKUS = List.of("Standard_LRS", "Standard_GRS", "Standard_RAGRS", "Standard_ZRS", "Premium_LRS",
            "Premium_ZRS", "Standard_GZRS", "Standard_RAGZRS");
    static final List<String> KINDS = List.of("Storage", "StorageV2", "BlobStorage", "FileStorage", "BlockBlobStorage");

    private StorageRules() {
    }

    static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    static void checkName(String name) {
        if (!validName(name)) {
            throw StorageErrors.accountNameInvalid(name);
        }
    }

    /** The SKU in its canonical casing, if it is one. */
    static Optional<String> sku(String name) {
        return SKUS.stream().filter(s -> s.equalsIgnoreCase(name)).findFirst();
    }

    static Optional<String> kind(String name) {
        return KINDS.stream().filter(k -> k.equalsIgnoreCase(name)).findFirst();
    }

    static boolean premium(String sku) {
        return sku.startsWith("Premium_");
    }

    /** Kinds that only exist on premium storage, and blob accounts that only exist on standard. */
    static void checkCombination(String kind, String sku, boolean hns) {
        boolean premiumOnly = kind.equals("FileStorage") || kind.equals("BlockBlobStorage");
        if (premiumOnly && !premium(sku) || kind.equals("BlobStorage") && (premium(sku) || sku.contains("ZRS"))) {
            throw StorageErrors.invalidValues("kind, sku");
        }
        if (hns && (kind.equals("Storage") || kind.equals("FileStorage") || premium(sku) && !kind.equals("BlockBlobStorage"))) {
            throw StorageErrors.valueNotAllowed("True", "isHnsEnabled");
        }
    }

    static JsonObject skuJson(String sku) {
        JsonObject o = new JsonObject();
        o.addProperty("name", sku);
        o.addProperty("tier", premium(sku) ? "Premium" : "Standard");
        return o;
    }

    /** The service endpoints of an account of this kind: general-purpose v1 has no dfs and web (recorded). */
    static JsonObject endpoints(String name, String suffix, String kind) {
        JsonObject e = new JsonObject();
        String[] services = "Storage".equals(kind) ? new String[] {"blob", "queue", "table", "file"}
                : new String[] {"blob", "dfs", "file", "queue", "table", "web"};
        for (String service : services) {
            e.addProperty(service, "https://" + name + suffix + "." + service + ".core.windows.net/");
        }
        return e;
    }

    /** Secondary location and endpoints of geo-redundant SKUs (read access only for RA-*). */
    static void addSecondary(JsonObject props, String name, String sku, String location, String kind) {
        props.remove("secondaryLocation");
        props.remove("statusOfSecondary");
        props.remove("secondaryEndpoints");
        if (!sku.contains("GRS") && !sku.contains("GZRS")) {
            return;
        }
        String paired = Locations.resolve(location).map(Locations.Region::paired).orElse(location);
        props.addProperty("secondaryLocation", paired);
        props.addProperty("statusOfSecondary", "available");
        if (sku.startsWith("Standard_RA")) {
            JsonObject e = endpoints(name, "-secondary", kind);
            e.remove("file");
            props.add("secondaryEndpoints", e);
        }
    }

    static JsonObject encryption(Instant now) {
        JsonObject services = new JsonObject();
        for (String s : new String[] {"blob", "file"}) {
            JsonObject svc = new JsonObject();
            svc.addProperty("enabled", true);
            svc.addProperty("keyType", "Account");
            svc.addProperty("lastEnabledTime", now.toString());
            services.add(s, svc);
        }
        JsonObject enc = new JsonObject();
        enc.addProperty("keySource", "Microsoft.Storage");
        enc.add("services", services);
        return enc;
    }

    static JsonObject networkAcls() {
        JsonObject n = new JsonObject();
        n.addProperty("bypass", "AzureServices");
        n.addProperty("defaultAction", "Allow");
        n.add("ipRules", new JsonArray());
        n.add("ipv6Rules", new JsonArray());
        n.add("virtualNetworkRules", new JsonArray());
        return n;
    }

    static String accessTier(String kind, String sku, String requested) {
        if (kind.equals("Storage") || kind.equals("FileStorage") || kind.equals("BlockBlobStorage")) {
            return null;
        }
        if (premium(sku)) {
            return "Premium";
        }
        if (requested == null) {
            return "Hot";
        }
        return List.of("Hot", "Cool", "Cold").stream().filter(t -> t.equalsIgnoreCase(requested)).findFirst()
                .orElseThrow(() -> StorageErrors.invalidValues("accessTier"));
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
