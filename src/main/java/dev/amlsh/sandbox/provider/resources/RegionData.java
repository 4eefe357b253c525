package dev.amlsh.sandbox.provider.resources;

import java.util.List;

/**
 * The table of Azure regions the sandbox serves: every public physical region as
 * {@code GET /subscriptions/{id}/locations?api-version=2022-12-01} lists them (names, display
 * names, geography, coordinates, physical location, pair, category, whether zones are mapped;
 * taken from a public recording of that answer), the canary (EUAP) regions some recordings use,
 * and the US Government and DoD regions.
 */
final class RegionData {
    private RegionData() {
    }

    static final List<Locations.Region> ALL = List.of(
            r("eastus", "East US", "US", "United States", "37.3719", "-79.8164", "Virginia", "westus", "Recommended", true),
            r("eastus2", "East US 2", "US", "United States", "36.6681", "-78.3889", "Virginia", "centralus", "Recommended", true),
            r("southcentralus", "South Central US", "US", "United States", "29.4167", "-98.5", "Texas", "northcentralus", "Recommended", true),
            r("westus2", "West US 2", "US", "United States", "47.233", "-119.852", "Washington", "westcentralus", "Recommended", true),
            r("westus3", "West US 3", "US", "United States", "33.448376", "-112.074036", "Phoenix", "eastus", "Recommended", true),
            r("australiaeast", "Australia East", "Asia Pacific", "Australia", "-33.86", "151.2094", "New South Wales", "australiasoutheast", "Recommended", true),
            r("southeastasia", "Southeast Asia", "Asia Pacific", "Asia Pacific", "1.283", "103.833", "Singapore", "eastasia", "Recommended", true),
            r("northeurope", "North Europe", "Europe", "Europe", "53.3478", "-6.2597", "Ireland", "westeurope", "Recommended", true),
            r("swedencentral", "Sweden Central", "Europe", "Sweden", "60.67488", "17.14127", "Gävle", "swedensouth", "Recommended", true),
            r("uksouth", "UK South", "Europe", "United Kingdom", "50.941", "-0.799", "London", "ukwest", "Recommended", true),
            r("westeurope", "West Europe", "Europe", "Europe", "52.3667", "4.9", "Netherlands", "northeurope", "Recommended", true),
            r("centralus", "Central US", "US", "United States", "41.5908", "-93.6208", "Iowa", "eastus2", "Recommended", true),
            r("southafricanorth", "South Africa North", "Africa", "South Africa", "-25.73134", "28.21837", "Johannesburg", "southafricawest", "Recommended", true),
            r("centralindia", "Central India", "Asia Pacific", "India", "18.5822", "73.9197", "Pune", "southindia", "Recommended", true),
            r("eastasia", "East Asia", "Asia Pacific", "Asia Pacific", "22.267", "114.188", "Hong Kong", "southeastasia", "Recommended", true),
            r("japaneast", "Japan East", "Asia Pacific", "Japan", "35.68", "139.77", "Tokyo, Saitama", "japanwest", "Recommended", true),
            r("koreacentral", "Korea Central", "Asia Pacific", "Korea", "37.5665", "126.978", "Seoul", "koreasouth", "Recommended", true),
            r("canadacentral", "Canada Central", "Canada", "Canada", "43.653", "-79.383", "Toronto", "canadaeast", "Recommended", true),
            r("francecentral", "France Central", "Europe", "France", "46.3772", "2.373", "Paris", "francesouth", "Recommended", true),
            r("germanywestcentral", "Germany West Central", "Europe", "Germany", "50.110924", "8.682127", "Frankfurt", "germanynorth", "Recommended", true),
            r("italynorth", "Italy North", "Europe", "Italy", "45.46888", "9.18109", "Milan", "", "Recommended", true),
            r("norwayeast", "Norway East", "Europe", "Norway", "59.913868", "10.752245", "Norway", "norwaywest", "Recommended", true),
            r("polandcentral", "Poland Central", "Europe", "Poland", "52.23334", "21.01666", "Warsaw", "", "Recommended", true),
            r("switzerlandnorth", "Switzerland North", "Europe", "Switzerland", "47.451542", "8.564572", "Zurich", "switzerlandwest", "Recommended", true),
            r("uaenorth", "UAE North", "Middle East", "UAE", "25.266666", "55.316666", "Dubai", "uaecentral", "Recommended", true),
            r("brazilsouth", "Brazil South", "South America", "Brazil", "-23.55", "-46.633", "Sao Paulo State", "southcentralus", "Recommended", true),
            r("centraluseuap", "Central US EUAP", "US", "Canary (US)", "41.5908", "-93.6208", "", "eastus2euap", "Recommended", true),
            r("qatarcentral", "Qatar Central", "Middle East", "Qatar", "25.551462", "51.439327", "Doha", "", "Recommended", true),
            r("northcentralus", "North Central US", "US", "United States", "41.8819", "-87.6278", "Illinois", "southcentralus", "Other", true),
            r("westus", "West US", "US", "United States", "37.783", "-122.417", "California", "eastus", "Other", true),
            r("jioindiawest", "Jio India West", "Asia Pacific", "India", "22.470701", "70.05773", "Jamnagar", "jioindiacentral", "Other", false),
            r("eastus2euap", "East US 2 EUAP", "US", "Canary (US)", "36.6681", "-78.3889", "", "centraluseuap", "Other", true),
            r("westcentralus", "West Central US", "US", "United States", "40.89", "-110.234", "Wyoming", "westus2", "Other", false),
            r("southafricawest", "South Africa West", "Africa", "South Africa", "-34.075691", "18.843266", "Cape Town", "southafricanorth", "Other", false),
            r("australiacentral", "Australia Central", "Asia Pacific", "Australia", "-35.3075", "149.1244", "Canberra", "australiacentral2", "Other", false),
            r("australiacentral2", "Australia Central 2", "Asia Pacific", "Australia", "-35.3075", "149.1244", "Canberra", "australiacentral", "Other", false),
            r("australiasoutheast", "Australia Southeast", "Asia Pacific", "Australia", "-37.8136", "144.9631", "Victoria", "australiaeast", "Other", false),
            r("japanwest", "Japan West", "Asia Pacific", "Japan", "34.6939", "135.5022", "Osaka", "japaneast", "Other", false),
            r("jioindiacentral", "Jio India Central", "Asia Pacific", "India", "21.146633", "79.08886", "Nagpur", "jioindiawest", "Other", false),
            r("koreasouth", "Korea South", "Asia Pacific", "Korea", "35.1796", "129.0756", "Busan", "koreacentral", "Other", false),
            r("southindia", "South India", "Asia Pacific", "India", "12.9822", "80.1636", "Chennai", "centralindia", "Other", false),
            r("westindia", "West India", "Asia Pacific", "India", "19.088", "72.868", "Mumbai", "southindia", "Other", false),
            r("canadaeast", "Canada East", "Canada", "Canada", "46.817", "-71.217", "Quebec", "canadacentral", "Other", false),
            r("francesouth", "France South", "Europe", "France", "43.8345", "2.1972", "Marseille", "francecentral", "Other", false),
            r("germanynorth", "Germany North", "Europe", "Germany", "53.073635", "8.806422", "Berlin", "germanywestcentral", "Other", false),
            r("norwaywest", "Norway West", "Europe", "Norway", "58.969975", "5.733107", "Norway", "norwayeast", "Other", false),
            r("switzerlandwest", "Switzerland West", "Europe", "Switzerland", "46.204391", "6.143158", "Geneva", "switzerlandnorth", "Other", false),
            r("ukwest", "UK West", "Europe", "United Kingdom", "53.427", "-3.084", "Cardiff", "uksouth", "Other", false),
            r("uaecentral", "UAE Central", "Middle East", "UAE", "24.466667", "54.366669", "Abu Dhabi", "uaenorth", "Other", false),
            r("brazilsoutheast", "Brazil Southeast", "South America", "Brazil", "-22.90278", "-43.2075", "Rio", "brazilsouth", "Other", false),
            r("mexicocentral", "Mexico Central", "Mexico", "Mexico", "20.588818", "-100.389888", "Querétaro State", "", "Recommended", true),
            r("spaincentral", "Spain Central", "Europe", "Spain", "40.4259", "-3.4758", "Madrid", "", "Recommended", true),
            r("israelcentral", "Israel Central", "Middle East", "Israel", "31.2655698", "33.4506633", "Israel", "", "Recommended", true),
            r("newzealandnorth", "New Zealand North", "Asia Pacific", "New Zealand", "-36.84853", "174.76349", "Auckland", "", "Recommended", true),
            r("indonesiacentral", "Indonesia Central", "Asia Pacific", "Indonesia", "-6.2088", "106.8456", "Jakarta", "", "Recommended", true),
            r("malaysiawest", "Malaysia West", "Asia Pacific", "Malaysia", "3.1390", "101.6869", "Kuala Lumpur", "", "Recommended", true),
            r("chilecentral", "Chile Central", "South America", "Chile", "-33.4489", "-70.6693", "Santiago", "", "Recommended", true),            gov("usgovvirginia", "USGov Virginia", "37.3719", "-79.8164", "Virginia", "usgovtexas"),
            gov("usgoviowa", "USGov Iowa", "41.5908", "-93.6208", "Iowa", "usgovvirginia"),
            gov("usgovarizona", "USGov Arizona", "33.4484", "-112.074", "Arizona", "usgovtexas"),
            gov("usgovtexas", "USGov Texas", "29.4241", "-98.4936", "Texas", "usgovarizona"),
            gov("usdodcentral", "USDoD Central", "41.5908", "-93.6208", "Iowa", "usdodeast"),
            gov("usdodeast", "USDoD East", "36.6676", "-78.3875", "Virginia", "usdodcentral"));

    private static Locations.Region r(String name, String display, String group, String geography, String lat, String lon,
                                      String physical, String paired, String category, boolean zones) {
        return new Locations.Region(name, display, group, lat, lon, physical, paired, false, geography, category, zones);
    }

    private static Locations.Region gov(String name, String display, String lat, String lon, String physical, String paired) {
        return new Locations.Region(name, display, "US", lat, lon, physical, paired, true, "United States", "Other", false);
    }
}
