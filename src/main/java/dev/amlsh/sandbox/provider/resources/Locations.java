package dev.amlsh.sandbox.provider.resources;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The regions of the sandbox: every public Azure region, the canary (EUAP) ones, and the US
 * Government ones (where, as in Azure, private link is not offered). Names match case-insensitively, display names too.
 *
 * <pre>{@code
 * String name = Locations.resolve("East US").orElseThrow().name(); // "eastus"
 * boolean gov = Locations.isGovernment("usgovvirginia");             // true
 * }</pre>
 */
public final class Locations {
    /**
     * One region.
     *
     * @param name          short name, e.g. {@code eastus}
     * @param displayName   e.g. {@code East US}
     * @param geography     geography group, e.g. {@code US}
     * @param latitude      latitude as ARM prints it
     * @param longitude     longitude as ARM prints it
     * @param physical      physical location
     * @param paired        paired region's short name
     * @param government    true for a Government region
     * @param geographyName e.g. {@code United States}
     * @param category      {@code Recommended} or {@code Other}
     * @param zones         true when the region has availability zones
     */
    public record Region(String name, String displayName, String geography, String latitude, String longitude,
                         String physical, String paired, boolean government, String geographyName, String category,
                         boolean zones) {
    }

    private static final List<Region> ALL = RegionData.ALL;

    private Locations() {
    }

    /** Every region, public ones first. */
    public static List<Region> all() {
        return ALL;
    }

    /** The region named (short or display name, any casing). */
    public static Optional<Region> resolve(String nameOrDisplayName) {
        if (nameOrDisplayName == null) {
            return Optional.empty();
        }
        String wanted = nameOrDisplayName.replace(" ", "").toLowerCase(Locale.ROOT);
        return ALL.stream().filter(r -> r.name().equals(wanted)).findFirst();
    }

    /** True for a Government region. */
    public static boolean isGovernment(String name) {
        return resolve(name).map(Region::government).orElse(false);
    }

    /** Comma-separated short names, as ARM lists them in errors. */
    static String names() {
        return String.join(",", ALL.stream().map(Region::name).toList());
    }

    /** Display names of the public regions, as provider resource types list them. */
    static List<String> publicDisplayNames() {
        return ALL.stream().filter(r -> !r.government()).map(Region::displayName).toList();
    }

    /** The Location object of {@code GET /subscriptions/{id}/locations}. */
    static JsonObject toJson(Region r, String subscriptionId) {
        JsonObject o = new JsonObject();
        o.addProperty("id", "/subscriptions/" + subscriptionId + "/locations/" + r.name());
        o.addProperty("name", r.name());
        o.addProperty("type", "Region");
        o.addProperty("displayName", r.displayName());
        o.addProperty("regionalDisplayName", "(" + r.geography() + ") " + r.displayName());
        JsonObject m = new JsonObject();
        m.addProperty("regionType", "Physical");
        m.addProperty("regionCategory", r.category());
        m.addProperty("geography", r.geographyName());
        m.addProperty("geographyGroup", r.geography());
        m.addProperty("longitude", r.longitude());
        m.addProperty("latitude", r.latitude());
        m.addProperty("physicalLocation", r.physical());
        JsonObject pair = new JsonObject();
        pair.addProperty("name", r.paired());
        pair.addProperty("id", "/subscriptions/" + subscriptionId + "/locations/" + r.paired());
        JsonArray pairs = new JsonArray();
        pairs.add(pair);
        if (r.paired() != null && !r.paired().isEmpty()) {
            m.add("pairedRegion", pairs);
        }
        o.add("metadata", m);
        if (r.zones()) {
            JsonArray zones = new JsonArray();
            for (int z = 1; z <= 3; z++) {
                JsonObject zone = new JsonObject();
                zone.addProperty("logicalZone", String.valueOf(z));
                zone.addProperty("physicalZone", r.name() + "-az" + z);
                zones.add(zone);
            }
            o.add("availabilityZoneMappings", zones);
        }
        return o;
    }
}
