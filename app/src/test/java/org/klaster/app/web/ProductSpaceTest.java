package org.klaster.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The product-space graph: maximum spanning forest plus strong links, checked by hand; the layout is deterministic. */
class ProductSpaceTest {

    /**
     * φ: 0–1 0.9, 1–2 0.6, 0–2 0.58, 2–3 0.3, 3–0 0.1, product 4 related to none. The maximum spanning tree of
     * {0, 1, 2, 3} takes 0.9, 0.6 and 0.3 (0.58 would close the triangle 0–1–2, 0.1 the cycle through 3);
     * 4 stays alone (φ = 0 is no link). Of the other links only 0–2 reaches 0.55.
     */
    @Test
    void spanningForestAndStrongLinks() {
        double[][] phi = new double[5][5];
        set(phi, 0, 1, 0.9);
        set(phi, 1, 2, 0.6);
        set(phi, 0, 2, 0.58);
        set(phi, 2, 3, 0.3);
        set(phi, 3, 0, 0.1);
        List<ProductSpace.Edge> e = ProductSpace.edges(phi);
        assertThat(e).containsExactly(
                new ProductSpace.Edge(0, 1, 0.9, true),
                new ProductSpace.Edge(1, 2, 0.6, true),
                new ProductSpace.Edge(2, 3, 0.3, true),
                new ProductSpace.Edge(0, 2, 0.58, false));
    }

    @Test
    void layoutIsDeterministicAndOnTheCanvas() {
        List<ProductSpace.Edge> e = List.of(new ProductSpace.Edge(0, 1, 0.9, true), new ProductSpace.Edge(1, 2, 0.6, true),
                new ProductSpace.Edge(2, 3, 0.3, true));
        double[][] a = ProductSpace.layout(5, e);
        double[][] b = ProductSpace.layout(5, e);
        assertThat(a[0]).containsExactly(b[0]);
        assertThat(a[1]).containsExactly(b[1]);
        for (double[] axis : a) {
            for (double v : axis) assertThat(v).isBetween(0.0, 1000.0);
        }
        // linked nodes end closer together than the unlinked node 4 is to node 0
        assertThat(dist(a, 0, 1)).isLessThan(dist(a, 0, 4));
    }

    private static double dist(double[][] xy, int i, int j) {
        return Math.hypot(xy[0][i] - xy[0][j], xy[1][i] - xy[1][j]);
    }

    private static void set(double[][] phi, int i, int j, double v) {
        phi[i][j] = v;
        phi[j][i] = v;
    }
}
