package dev.amlsh.sandbox.provider.resources;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The regions of the sandbox: the usual public ones plus one Government region (where, as in
 * Azure, private link is not offered). Names match case-insensitively, display names too.
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
     */
    public record Region(String name, String displayName, String geography, String latitude, String longitude,
                         String physical, String paired, boolean government) {
    }

    private static final List<Region> ALL = List.of(
            r("eastus", "East US", "US", "37.3719", "-79.8164", "Virginia", "westus"),
            r("eastus2", "East US 2", "US", "36.6681", "-78.3889", "Virginia", "centralus"),
            r("westus", "West US", "US", "37.783", "-122.417", "California", "eastus"),
            r("westus2", "West US 2", "US", "47.233", "-119.852", "Washington", "westcentralus"),
            r("westus3", "West US 3", "US", "33.448376", "-112.074036", "Phoenix", "eastus"),
            r("centralus", "Central US", "US", "41.5908", "-93.6208", "Iowa", "eastus2"),
            r("northeurope", "North Europe", "Europe", "53.3478", "-6.2597", "Ireland", "westeurope"),
            r("westeurope", "West Europe", "Europe", "52.3667", "4.9", "Netherlands", "northeurope"),
            r("uksouth", "UK South", "UK", "50.941", "-0.799", "London", "ukwest"),
            r("francecentral", "France Central", "Europe", "46.3772", "2.373", "Paris", "francesouth"),
            r("germanywestcentral", "Germany West Central", "Europe", "50.110924", "8.682127", "Frankfurt", "germanynorth"),
            r("swedencentral", "Sweden Central", "Europe", "60.67488", "17.14127", "Gävle", "swedensouth"),
            r("japaneast", "Japan East", "Asia Pacific", "35.68", "139.77", "Tokyo, Saitama", "japanwest"),
            r("koreacentral", "Korea Central", "Asia Pacific", "37.5665", "126.978", "Seoul", "koreasouth"),
            r("southeastasia", "Southeast Asia", "Asia Pacific", "1.283", "103.833", "Singapore", "eastasia"),
            r("australiaeast", "Australia East", "Asia Pacific", "-33.86", "151.2094", "New South Wales", "australiasoutheast"),
            r("canadacentral", "Canada Central", "Canada", "43.653", "-79.383", "Toronto", "canadaeast"),
            r("brazilsouth", "Brazil South", "South America", "-23.55", "-46.633", "Sao Paulo State", "southcentralus"),
            r("centralindia", "Central India", "Asia Pacific", "18.5822", "73.9197", "Pune", "southindia"),
            new Region("usgovvirginia", "USGov Virginia", "US", "37.3719", "-79.8164", "Virginia", "usgovtexas", true));

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
        m.addProperty("regionCategory", r.government() ? "Other" : "Recommended");
        m.addProperty("geographyGroup", r.geography());
        m.addProperty("longitude", r.longitude());
        m.addProperty("latitude", r.latitude());
        m.addProperty("physicalLocation", r.physical());
        JsonObject pair = new JsonObject();
        pair.addProperty("name", r.paired());
        pair.addProperty("id", "/subscriptions/" + subscriptionId + "/locations/" + r.paired());
        JsonArray pairs = new JsonArray();
        pairs.add(pair);
        m.add("pairedRegion", pairs);
        o.add("metadata", m);
        return o;
    }

    private static Region r(String name, String display, String geo, String lat, String lon, String physical, String paired) {
        return new Region(name, display, geo, lat, lon, physical, paired, false);
    }
}
