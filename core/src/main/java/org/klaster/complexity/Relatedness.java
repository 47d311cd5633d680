package org.klaster.complexity;

import java.util.ArrayList;
import java.util.List;
import org.klaster.linalg.DenseMatrix;

/**
 * The relatedness half of methods.md §4 for one year — RCA (for employment: the location quotient),
 * M, diversity, ubiquity, proximity and density — with no eigenvector, so it exists for any input
 * (e.g. region × industry employment, where ECI may be undefined). Indexed like the input
 * (c = row, p = column); NaN marks an undefined value: every quantity of a location or product with a
 * zero total (left out of the computation), and the density of a product related to no other.
 *
 * @param threshold        M_cp = 1 where rca_cp ≥ threshold
 * @param locationIncluded the location has a positive total
 * @param productIncluded  the product has a positive total
 * @param rca              rca_cp
 * @param mcp              M_cp as 0/1
 * @param diversity        k_c (an integer)
 * @param ubiquity         k_p (an integer)
 * @param proximity        φ_pp' (product × product, diagonal 0)
 * @param density          d_cp
 */
public record Relatedness(double threshold, boolean[] locationIncluded, boolean[] productIncluded,
                          DenseMatrix rca, DenseMatrix mcp, double[] diversity, double[] ubiquity,
                          DenseMatrix proximity, DenseMatrix density) {

    /**
     * The products most related to p: those with φ_pp' &gt; 0, by φ descending (ties: lower index
     * first), at most k of them.
     */
    public int[] nearby(int p, int k) {
        List<Integer> related = new ArrayList<>();
        for (int q = 0; q < proximity.cols(); q++) {
            double v = proximity.get(p, q);
            if (q != p && v > 0) {   // NaN (left-out product) is not > 0
                related.add(q);
            }
        }
        related.sort((a, b) -> {
            int byPhi = Double.compare(proximity.get(p, b), proximity.get(p, a));
            return byPhi != 0 ? byPhi : Integer.compare(a, b);
        });
        return related.stream().limit(Math.max(0, k)).mapToInt(Integer::intValue).toArray();
    }

    /**
     * The products location c does not yet have (M_cp = 0, density defined) by density descending
     * (ties: lower index first) — the "nearest opportunities" of the product space.
     */
    public int[] closestAbsent(int c) {
        List<Integer> absent = new ArrayList<>();
        for (int p = 0; p < mcp.cols(); p++) {
            if (mcp.get(c, p) == 0.0 && !Double.isNaN(density.get(c, p))) {
                absent.add(p);
            }
        }
        absent.sort((a, b) -> {
            int byDensity = Double.compare(density.get(c, b), density.get(c, a));
            return byDensity != 0 ? byDensity : Integer.compare(a, b);
        });
        return absent.stream().mapToInt(Integer::intValue).toArray();
    }
}
