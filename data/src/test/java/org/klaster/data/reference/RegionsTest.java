package org.klaster.data.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class RegionsTest {

    @Test
    void tableHas83SubjectsWithUniqueCodesAndCells() {
        List<Region> all = Regions.all();
        assertThat(all).hasSize(83);
        assertThat(all.stream().map(Region::iso).collect(Collectors.toSet())).hasSize(83);
        assertThat(all.stream().map(Region::shortCode).collect(Collectors.toSet())).hasSize(83);
        assertThat(all.stream().map(r -> r.gridRow() + ":" + r.gridCol()).collect(Collectors.toSet())).hasSize(83);
        assertThat(all).allSatisfy(r -> {
            assertThat(r.iso()).matches("RU-[A-Z]{2,3}");
            assertThat(r.nameRu()).containsPattern("[А-Яа-яЁё]");
            assertThat(r.nameEn()).matches("[\\p{IsLatin} .'()–—-]+");
            assertThat(r.capitalRu()).containsPattern("[А-Яа-яЁё]");
            assertThat(r.population()).isPositive();
            assertThat(r.areaThousandKm2()).isPositive();
        });
        int population = all.stream().mapToInt(Region::population).sum();
        assertThat(population).isBetween(140_000, 150_000);
    }

    @Test
    void federalDistrictsHaveTheirKnownSizes() {
        assertThat(Regions.federalDistricts()).extracting(FederalDistrict::code)
                .containsExactly("CFD", "NWFD", "SFD", "NCFD", "VFD", "UFD", "SibFD", "FEFD");
        Map<String, Long> sizes = Regions.all().stream()
                .collect(Collectors.groupingBy(Region::federalDistrict, TreeMap::new, Collectors.counting()));
        assertThat(sizes).containsExactlyInAnyOrderEntriesOf(Map.of("CFD", 18L, "NWFD", 11L, "SFD", 6L,
                "NCFD", 7L, "VFD", 14L, "UFD", 6L, "SibFD", 10L, "FEFD", 11L));
        assertThat(Regions.inDistrict("ufd")).extracting(Region::iso).contains("RU-KHM", "RU-YAN", "RU-SVE");
        assertThat(Regions.federalDistrict("sibfd")).get().extracting(FederalDistrict::nameEn)
                .isEqualTo("Siberian Federal District");
    }

    @Test
    void lookupsAreCaseInsensitiveAndAcceptShortCodes() {
        assertThat(Regions.byIso("ru-sam")).get().extracting(Region::nameEn).isEqualTo("Samara Oblast");
        assertThat(Regions.byIso("SAM")).isEmpty();
        assertThat(Regions.byCode(" sam ")).get().extracting(Region::iso).isEqualTo("RU-SAM");
        assertThat(Regions.byCode("RU-MOW")).get().extracting(Region::capitalEn).isEqualTo("Moscow");
        assertThat(Regions.byCode("RU-CR")).isEmpty();
        assertThat(Regions.byCode(null)).isEmpty();
        assertThat(Regions.require("spe").name("ru")).isEqualTo("Санкт-Петербург");
    }

    @Test
    void tileGridIsCompactAndRunsWestToEastNorthToSouth() {
        assertThat(Regions.gridRows()).isBetween(8, 10);
        assertThat(Regions.gridCols()).isBetween(18, 20);
        Region kgd = Regions.require("RU-KGD");
        Region chu = Regions.require("RU-CHU");
        assertThat(kgd.gridCol()).isZero();
        assertThat(Regions.all()).allSatisfy(r -> assertThat(r.gridCol()).isBetween(kgd.gridCol(), chu.gridCol()));
        assertThat(chu.gridCol()).isEqualTo(Regions.gridCols() - 1);
        // north above south, west left of east, for a few unambiguous pairs
        assertThat(Regions.require("MUR").gridRow()).isLessThan(Regions.require("LEN").gridRow());
        assertThat(Regions.require("KR").gridRow()).isLessThan(Regions.require("MOW").gridRow());
        assertThat(Regions.require("MOW").gridRow()).isLessThan(Regions.require("ROS").gridRow());
        assertThat(Regions.require("ROS").gridRow()).isLessThan(Regions.require("DA").gridRow());
        assertThat(Regions.require("PSK").gridCol()).isLessThan(Regions.require("KOS").gridCol());
        assertThat(Regions.require("SVE").gridCol()).isLessThan(Regions.require("NVS").gridCol());
        assertThat(Regions.require("IRK").gridCol()).isLessThan(Regions.require("KHA").gridCol());
        // district centroids run west to east
        List<String> westToEast = List.of("CFD", "VFD", "UFD", "SibFD", "FEFD");
        double previous = -1;
        for (String fd : westToEast) {
            double mean = Regions.inDistrict(fd).stream().mapToInt(Region::gridCol).average().orElseThrow();
            assertThat(mean).as("mean grid column of %s", fd).isGreaterThan(previous);
            previous = mean;
        }
    }

    @Test
    void handPickedNeighboursSitInTouchingCells() {
        String[][] pairs = {{"MOW", "MOS"}, {"SPE", "LEN"}, {"SAM", "ULY"}, {"TA", "BA"}, {"KHM", "YAN"},
                {"KHM", "TYU"}, {"SVE", "KGN"}, {"NVS", "TOM"}, {"KEM", "NVS"}, {"IRK", "BU"}, {"KHA", "PRI"},
                {"AMU", "YEV"}, {"MAG", "CHU"}, {"KAM", "CHU"}, {"KDA", "AD"}, {"SE", "KB"}, {"CE", "DA"},
                {"VOR", "BEL"}, {"MUR", "KR"}, {"ARK", "NEN"}, {"NIZ", "VLA"}, {"ROS", "VGG"}};
        for (String[] p : pairs) {
            assertThat(chebyshev(Regions.require(p[0]), Regions.require(p[1]))).as("%s–%s", p[0], p[1]).isEqualTo(1);
        }
    }

    @Test
    void isoCodesAndDistrictsMatchTheHflabsCrosswalk() throws IOException {
        List<CSVRecord> rows = SharedData.csv(SharedData.require("regions/hflabs_region.csv"));
        Set<String> theirs = new HashSet<>();
        Map<String, String> district = new HashMap<>();
        for (CSVRecord r : rows) {
            theirs.add(r.get("iso_code"));
            district.put(r.get("iso_code"), r.get("federal_district"));
        }
        theirs.removeAll(Set.of("UA-43", "UA-40", "KZ-BAY"));
        assertThat(Regions.all().stream().map(Region::iso).collect(Collectors.toSet())).isEqualTo(theirs);
        for (Region r : Regions.all()) {
            String fdName = Regions.federalDistrict(r.federalDistrict()).orElseThrow().nameRu();
            assertThat(fdName).as(r.iso()).startsWith(district.get(r.iso()));
        }
    }

    @Test
    void capitalsLieWithinHalfADegreeOfTheHflabsCityFile() throws IOException {
        Map<String, String> isoByName = new HashMap<>();
        for (CSVRecord r : SharedData.csv(SharedData.require("regions/hflabs_region.csv"))) {
            isoByName.put(r.get("name"), r.get("iso_code"));
        }
        List<CSVRecord> cities = SharedData.csv(SharedData.require("cities/hflabs_city.csv"));
        int compared = 0;
        for (CSVRecord c : cities) {
            String iso = isoByName.get(c.get("region"));
            if (iso == null) {
                continue;
            }
            Region region = Regions.byIso(iso).orElse(null);
            if (region == null) {
                continue;
            }
            boolean regionalCapital = "2".equals(c.get("capital_marker"));
            boolean federalCity = c.get("city").isEmpty() && c.get("region").equals(region.capitalRu());
            boolean sameName = c.get("city").equals(region.capitalRu());
            if (!(regionalCapital || federalCity || sameName)) {
                continue;
            }
            double lat = Double.parseDouble(c.get("geo_lat"));
            double lon = Double.parseDouble(c.get("geo_lon"));
            assertThat(Math.abs(lat - region.capitalLat())).as("latitude of %s", region.capitalEn()).isLessThan(0.5);
            assertThat(Math.abs(lon - region.capitalLon())).as("longitude of %s", region.capitalEn()).isLessThan(0.5);
            compared++;
        }
        assertThat(compared).as("capitals compared").isGreaterThanOrEqualTo(80);
    }

    /**
     * Neighbours from the shared boundary file (polygons that share a vertex): most should sit in touching
     * cells of the tile grid and none far apart.
     */
    @Test
    void mostRealNeighboursAreAdjacentInTheTileGrid() throws IOException {
        Path geojson = SharedData.require("regions/russia_adm1_geoboundaries_simplified.geojson");
        JsonNode root = new ObjectMapper().readTree(geojson.toFile());
        Map<String, Set<String>> byVertex = new HashMap<>();
        for (JsonNode f : root.get("features")) {
            String iso = f.get("properties").get("shapeISO").asText();
            collectVertices(f.get("geometry").get("coordinates"), iso, byVertex);
        }
        Set<String> pairs = new HashSet<>();
        for (Set<String> isos : byVertex.values()) {
            for (String a : isos) {
                for (String b : isos) {
                    if (a.compareTo(b) < 0) {
                        pairs.add(a + "|" + b);
                    }
                }
            }
        }
        assertThat(pairs.size()).isGreaterThan(150);
        int adjacent = 0;
        List<String> far = new ArrayList<>();
        for (String p : pairs) {
            String[] ab = p.split("\\|");
            int d = chebyshev(Regions.require(ab[0]), Regions.require(ab[1]));
            if (d == 1) {
                adjacent++;
            }
            if (d > 4) {
                far.add(p + "=" + d);
            }
        }
        assertThat((double) adjacent / pairs.size()).as("share of neighbour pairs in touching cells").isGreaterThan(0.75);
        assertThat(far).as("neighbour pairs more than 4 cells apart").isEmpty();
    }

    private static void collectVertices(JsonNode node, String iso, Map<String, Set<String>> byVertex) {
        if (node.isArray() && node.size() >= 2 && node.get(0).isNumber()) {
            String key = Math.round(node.get(0).asDouble() * 1000) + ":" + Math.round(node.get(1).asDouble() * 1000);
            byVertex.computeIfAbsent(key, k -> new HashSet<>()).add(iso);
            return;
        }
        for (JsonNode child : node) {
            collectVertices(child, iso, byVertex);
        }
    }

    private static int chebyshev(Region a, Region b) {
        return Math.max(Math.abs(a.gridRow() - b.gridRow()), Math.abs(a.gridCol() - b.gridCol()));
    }
}
