package org.klaster.inputoutput;

import org.klaster.InvalidParameterException;
import org.klaster.Text;
import org.klaster.linalg.DenseMatrix;
import org.klaster.linalg.LuDecomposition;

/**
 * What a region buys outside, and what making part of it in the region brings (docs/methods-io.md,
 * "Leakage and localisation"). Pure functions on the regional table's matrices; indices i = supplying
 * product, j = buying sector of the region, J = the buyers asked about (a cluster's industries, or all).
 *
 * <ul>
 *   <li>{@link #leakage}: ℓ_i = Σ_{j∈J} o_ij, the purchases of product i by the buyers J made outside the
 *       region, in the table's money — once for other regions, once for abroad;</li>
 *   <li>{@link #localise}: a share θ of the buyers' outside purchases of each product the region makes
 *       moves inside: R′ = R + θ·D_J with d_ij = o_ij / x_j, and the new output follows from the same final
 *       demand, Δx = (I − R′)⁻¹ (R′ − R) x (one LU, no inverse).</li>
 * </ul>
 * A product the region does not make (x_i = 0) cannot be localised by the region's industries: its
 * purchases stay outside and are reported as such (a new industry is not an input–output question).
 */
public final class Localisation {

    private Localisation() {
    }

    /**
     * ℓ_i = Σ_{j∈J} o_ij: the purchases of each product i by the buyers J from outside the region, with
     * o the n×n flows bought outside (from other regions, or from abroad).
     */
    public static double[] leakage(DenseMatrix outside, int[] buyers) {
        int n = outside.rows();
        double[] l = new double[n];
        double[] d = outside.data();
        for (int j : buyers) {
            for (int i = 0; i < n; i++) {
                l[i] += d[i + j * n];
            }
        }
        return l;
    }

    /**
     * The result of {@link #localise}, every vector in table order.
     *
     * @param outputChange     Δx = (I − R′)⁻¹ (R′ − R) x, the change in the region's output by sector
     * @param replaced         by product i: θ·Σ_{j∈J} d_ij·x′_j, the outside purchases now made in the region
     *                         (at the new output x′ = x + Δx)
     * @param notLocalisable   by product i the region does not make: Σ_{j∈J} o_ij, purchases that stay outside
     * @param localCoefficients R′
     */
    public record Outcome(double[] outputChange, double[] replaced, double[] notLocalisable, DenseMatrix localCoefficients) {

        /** Σ_i Δx_i. */
        public double totalOutputChange() {
            return IoMath.sum(outputChange);
        }

        /** Σ_i of the replaced outside purchases. */
        public double totalReplaced() {
            return IoMath.sum(replaced);
        }

        /** c·Δx for per-unit coefficients c (value added or jobs per unit of output); NaN entries count as 0. */
        public double[] change(double[] perUnit) {
            double[] c = new double[outputChange.length];
            for (int i = 0; i < c.length; i++) {
                c[i] = Double.isFinite(perUnit[i]) ? perUnit[i] * outputChange[i] : 0.0;
            }
            return c;
        }
    }

    /**
     * Localises the share θ of the outside purchases {@code outside} (o_ij, money) of the buyers J:
     * R′ = R + θ·D_J with d_ij = o_ij / x_j for j ∈ J and products i the region makes (x_i &gt; 0), and
     * Δx = (I − R′)⁻¹ (R′ − R) x — the same final demand f = (I − R) x met by a region that buys more inside.
     *
     * @param r       the regional coefficients R (n×n)
     * @param outside what the buyers may localise: other regions' flows, abroad's, or both added (n×n)
     * @param x       the region's output by sector
     * @param buyers  J, indices of buying sectors
     * @param share   θ in [0, 1]
     * @throws InvalidParameterException for θ outside [0, 1]
     * @throws org.klaster.AnalysisException when I − R′ is not productive
     */
    public static Outcome localise(DenseMatrix r, DenseMatrix outside, double[] x, int[] buyers, double share) {
        int n = x.length;
        if (r.rows() != n || r.cols() != n || outside.rows() != n || outside.cols() != n) {
            throw new IllegalArgumentException("R and the outside flows must be " + n + "×" + n);
        }
        if (!(share >= 0 && share <= 1)) {
            throw new InvalidParameterException(Text.core("io.localise.share", share));
        }
        DenseMatrix rNew = r.copy();
        double[] rd = rNew.data();
        double[] od = outside.data();
        double[] dx = new double[n];       // first (R′ − R) x, then Δx
        double[] notLocal = new double[n];
        boolean[] buyer = new boolean[n];
        for (int j : buyers) {
            buyer[j] = true;
        }
        for (int j = 0; j < n; j++) {
            if (!buyer[j]) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                double o = od[i + j * n];
                if (o == 0) {
                    continue;
                }
                if (!(x[i] > 0) || !(x[j] > 0)) {
                    notLocal[i] += o;
                    continue;
                }
                double delta = share * o / x[j];
                rd[i + j * n] += delta;
                dx[i] += delta * x[j];
            }
        }
        LuDecomposition lu = LuDecomposition.of(IoMath.identityMinus(rNew));
        Productivity.check(rNew, lu, "R′");
        lu.solveInPlace(dx, 1, false);
        double[] replaced = new double[n];
        for (int j = 0; j < n; j++) {
            if (!buyer[j] || !(x[j] > 0)) {
                continue;
            }
            double grown = (x[j] + dx[j]) / x[j];
            for (int i = 0; i < n; i++) {
                double o = od[i + j * n];
                if (o != 0 && x[i] > 0) {
                    replaced[i] += share * o * grown;
                }
            }
        }
        return new Outcome(dx, replaced, notLocal, rNew);
    }
}
