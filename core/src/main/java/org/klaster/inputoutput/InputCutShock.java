package org.klaster.inputoutput;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.klaster.AnalysisException;
import org.klaster.Text;

/**
 * Supply-driven input cut (Ghosh 1958; Miller &amp; Blair 2009, ch. 12): the imported intermediate
 * inputs of each listed <em>using</em> sector j fall by the share r_j, a change in primary inputs
 * Δp_j = −r_j·imports_j, and outputs respond as Δxᵀ = ΔpᵀG — one transposed solve on the cached
 * LU of I − B. Linear in r. Needs a table with imports (an {@code imports} row or {@code import:}
 * rows); otherwise AnalysisException.
 */
public final class InputCutShock {

    private InputCutShock() {
    }

    public static ShockResult apply(IoTable table, Map<String, Double> rates) {
        return apply(GhoshModel.of(table), rates);
    }

    public static ShockResult apply(GhoshModel model, Map<String, Double> rates) {
        ActiveTable t = model.active;
        if (t.imports == null) {
            throw new AnalysisException(Text.core("io.cut.no.imports"));
        }
        List<Text> warnings = new ArrayList<>();
        double[] r = ShockResult.rates(t, rates, warnings);
        return ShockResult.of(t, outputChange(model, r), warnings);
    }

    /** Δx = (Δpᵀ G)ᵀ with Δp_j = −r_j·imports_j (arrays by active sector). */
    public static double[] outputChange(GhoshModel model, double[] r) {
        double[] m = model.active.imports;
        double[] dp = new double[m.length];
        for (int j = 0; j < m.length; j++) {
            dp[j] = -r[j] * m[j];
        }
        return model.solveTransposed(dp);
    }
}
