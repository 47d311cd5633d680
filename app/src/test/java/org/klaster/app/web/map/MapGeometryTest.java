package org.klaster.app.web.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.klaster.data.formats.BoundariesReader.Boundary;

class MapGeometryTest {

    @Test
    void chukotkaAcrossTheAntimeridianStaysInOnePiece() {
        AlbersProjection p = AlbersProjection.russia();
        double[] west = new double[2];
        double[] east = new double[2];
        p.project(179.9, 66, west);
        p.project(-179.9, 66, east);
        assertThat(Math.abs(west[0] - east[0])).isLessThan(0.01); // neighbours on the plane too
        double[] kaliningrad = new double[2];
        p.project(20.5, 54.7, kaliningrad);
        assertThat(kaliningrad[0]).isLessThan(west[0]); // west is left
    }

    @Test
    void pathsAreFittedIntoTheViewBoxAndDeduplicated() {
        double[][] square = {{30, 50}, {40, 50}, {40, 60}, {40, 60}, {30, 60}, {30, 50}};
        double[][] far = {{170, 65}, {-175, 65}, {-175, 68}, {170, 65}};
        List<List<double[][]>> a = List.of(List.<double[][]>of(square));
        List<List<double[][]>> c = List.of(List.<double[][]>of(far));
        GeoShapes g = GeoShapes.project(List.of(new Boundary("RU-A", "A", a), new Boundary("RU-CHU", "C", c)));
        assertThat(g.viewBox()).startsWith("0 0 1000 ");
        String d = g.path("RU-A");
        assertThat(d).startsWith("M").endsWith("Z");
        assertThat(d.split("[ML ]").length - 1).isEqualTo(2 * 5); // the repeated corner is dropped
        for (String n : g.path("RU-CHU").replaceAll("[MLZ]", " ").trim().split(" +")) {
            assertThat(Double.parseDouble(n)).isBetween(0.0, 1000.0);
        }
        assertThat(g.centroid("RU-A")).isNotNull();
    }

    @Test
    void colourScalesCoverEveryValueAndLabelTheLegend() {
        ColorScale stars = ColorScale.counts(3, x -> String.valueOf((int) x));
        assertThat(stars.items()).extracting(ColorScale.Item::label).containsExactly("0", "1", "2", "3");
        assertThat(stars.color(0)).isNotEqualTo(stars.color(3));
        ColorScale strong = ColorScale.counts(12, x -> String.valueOf((int) x));
        assertThat(strong.items()).hasSizeLessThanOrEqualTo(6);
        assertThat(strong.items().get(strong.items().size() - 1).label()).isEqualTo("12");
        ColorScale lq = ColorScale.locationQuotient(x -> String.valueOf(x));
        assertThat(lq.color(1.0)).isEqualTo("#e9e4d8"); // neutral at the national average
        assertThat(lq.color(Double.NaN)).isEqualTo(ColorScale.NO_DATA);
        ColorScale q = ColorScale.quantiles(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, Double.NaN}, x -> String.valueOf(x));
        assertThat(q.items().size()).isBetween(2, 6);
        assertThat(ColorScale.textOn("#253494")).isEqualTo("#ffffff");
        assertThat(ColorScale.textOn("#ffffcc")).isEqualTo("#111827");
    }
}
