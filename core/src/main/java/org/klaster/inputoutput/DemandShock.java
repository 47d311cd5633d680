package org.klaster.inputoutput;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.klaster.Text;

/**
 * Demand-driven shock (Leontief; Miller &amp; Blair 2009, ch. 2): the final demand of each listed
 * sector — every final-demand column, exports included — is scaled by (1 + r), f' = f ∘ (1 + r),
 * and the output response is Δx = L(f' − f) = L·(r ∘ f), one solve on the cached LU of I − A.
 * Linear in r. A rate of −0.2 means final demand for the sector's product falls by 20 %.
 */
public final class DemandShock {

    private DemandShock() {
    }

    /** Applies rates (sector code → r) to a table. */
    public static ShockResult apply(IoTable table, Map<String, Double> rates) {
        return apply(LeontiefModel.of(table), rates);
    }

    /** Applies rates (sector code → r) with an existing model. */
    public static ShockResult apply(LeontiefModel model, Map<String, Double> rates) {
        ActiveTable t = model.active;
        List<Text> warnings = new ArrayList<>();
        double[] r = ShockResult.rates(t, rates, warnings);
        return ShockResult.of(t, outputChange(model, r), warnings);
    }

    /** Δx = L·Δf with Δf_i = r_i·Σ_k f_ik (arrays by active sector). */
    public static double[] outputChange(LeontiefModel model, double[] r) {
        double[] f = model.active.finalDemand;
        double[] df = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            df[i] = r[i] * f[i];
        }
        return model.solve(df);
    }
}
