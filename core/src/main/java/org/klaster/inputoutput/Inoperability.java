package org.klaster.inputoutput;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.klaster.Text;

/**
 * Inoperability input–output model (IIM; Haimes &amp; Jiang 2001, Santos &amp; Haimes 2004): with the
 * interdependency matrix A* = diag(x)⁻¹·A·diag(x) and a demand-side perturbation c*_i = r_i (the
 * share of sector i's output directly lost), the inoperability is q = (I − A*)⁻¹c* and the output
 * loss Δx_i = −q_i·x_i.
 *
 * <p>Numerics: a*_ij = (z_ij / x_j)·x_j / x_i = z_ij / x_i, so A* is exactly the Ghosh allocation
 * matrix B (see {@link IoMath#inoperabilityCoefficients}); q is one (non-transposed) solve on the
 * LU of I − B that {@link GhoshModel} already holds. Equivalently Δx = −L·(r ∘ x) (tested).
 */
public final class Inoperability {

    private Inoperability() {
    }

    public static ShockResult apply(IoTable table, Map<String, Double> rates) {
        return apply(GhoshModel.of(table), rates);
    }

    public static ShockResult apply(GhoshModel model, Map<String, Double> rates) {
        ActiveTable t = model.active;
        List<Text> warnings = new ArrayList<>();
        double[] r = ShockResult.rates(t, rates, warnings);
        double[] q = inoperability(model, r);
        double[] dx = new double[q.length];
        for (int i = 0; i < q.length; i++) {
            dx[i] = -q[i] * t.x[i];
        }
        return ShockResult.of(t, dx, warnings);
    }

    /** q = (I − A*)⁻¹c* with c* = r (arrays by active sector). */
    public static double[] inoperability(GhoshModel model, double[] r) {
        return model.solve(r);
    }
}
