package org.klaster.data.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.data.store.Store;

class BoundariesReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String json) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, json);
        return f;
    }

    private static final String SQUARE = "[[[30,50],[40,50],[40,60],[30,60],[30,50]]]";

    @Test
    void readsPolygonsAndMultiPolygonsKeyedByIsoCode() throws Exception {
        Path f = write("b.geojson", "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"properties\":{\"shapeISO\":\"ru-sam\",\"shapeName\":\"Samara\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + SQUARE + "}},"
                + "{\"type\":\"Feature\",\"properties\":{\"iso_3166_2\":\"RU-CHU\"},\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[" + SQUARE + "," + SQUARE + "]}},"
                + "{\"type\":\"Feature\",\"properties\":{\"name\":\"no code\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + SQUARE + "}}]}");
        BoundariesReader.Boundaries b = BoundariesReader.read(f);
        assertThat(b.regions()).extracting(BoundariesReader.Boundary::iso).containsExactly("RU-SAM", "RU-CHU");
        assertThat(b.regions().get(1).polygons()).hasSize(2);
        assertThat(b.warnings()).singleElement().asString().contains("1 feature");
        assertThat(b.sha256()).hasSize(64);
        // survives the store unchanged
        try (Store s = Store.inMemory()) {
            s.saveBoundaries(b);
            List<BoundariesReader.Boundary> back = s.boundaries();
            assertThat(back).hasSize(2);
            assertThat(back.get(0).polygons().get(0).get(0)[2]).containsExactly(40.0, 60.0);
            assertThat(s.boundariesSource()).get().asString().startsWith("b.geojson, 2 regions");
        }
    }

    @Test
    void errorsNameTheFileAndTheFeature() throws Exception {
        assertThatThrownBy(() -> BoundariesReader.read(write("x.geojson", "{\"type\":\"Feature\"}")))
                .isInstanceOf(InputException.class).hasMessageStartingWith("x.geojson: not a GeoJSON FeatureCollection");
        assertThatThrownBy(() -> BoundariesReader.read(write("y.geojson", "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"properties\":{\"shapeISO\":\"RU-A\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[30,50],[400,50],[40,60],[30,50]]]}}]}")))
                .isInstanceOf(InputException.class).hasMessageContaining("y.geojson: feature 1 (RU-A): position 2");
        assertThatThrownBy(() -> BoundariesReader.read(write("z.geojson", "{\"type\":")))
                .isInstanceOf(InputException.class).hasMessageContaining("z.geojson, line 1").hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> BoundariesReader.read(write("d.geojson", "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"properties\":{\"shapeISO\":\"RU-A\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + SQUARE + "}},"
                + "{\"type\":\"Feature\",\"properties\":{\"shapeISO\":\"RU-A\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + SQUARE + "}}]}")))
                .hasMessageContaining("feature 2: region code RU-A appears twice");
    }

    @Test
    void readsTheGeoBoundariesFileOfRussia() throws Exception {
        Path f = Path.of(System.getProperty("klaster.shared.data", "../shared/data"), "regions",
                "russia_adm1_geoboundaries_simplified.geojson");
        Assumptions.assumeTrue(Files.exists(f), "shared data not present: " + f);
        BoundariesReader.Boundaries b = BoundariesReader.read(f);
        assertThat(b.regions()).hasSize(83);
        assertThat(b.regions()).extracting(BoundariesReader.Boundary::iso).contains("RU-CHU", "RU-KGD", "RU-MOW");
    }
}
