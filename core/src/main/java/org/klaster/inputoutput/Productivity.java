package org.klaster.inputoutput;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import org.klaster.AnalysisException;
import org.klaster.Text;
import org.klaster.linalg.DenseMatrix;
import org.klaster.linalg.LuDecomposition;
import org.klaster.linalg.SpectralRadius;

/**
 * The productivity check ρ(M) &lt; 1 for a nonnegative coefficient matrix M (A or B), in three
 * steps of increasing cost, stopping at the first that decides:
 * <ol>
 *   <li>norm bound: ρ(M) ≤ min(max column sum, max row sum); a bound &lt; 1 proves productivity;</li>
 *   <li>certificate from the LU of I − M that the model needs anyway: solve (I − M)y = 1; if y &gt; 0
 *       and y − My &gt; 0 componentwise, the Collatz–Wielandt bound gives
 *       ρ(M) ≤ max_i (My)_i / y_i &lt; 1 (O(n²));</li>
 *   <li>otherwise the table is not productive (for nonnegative M with ρ &lt; 1, y = Σ_k M^k·1 ≥ 1, so
 *       the certificate cannot fail except at the edge of numerical singularity); ρ is then computed
 *       ({@link SpectralRadius#of}) only to name it in the {@link AnalysisException}.</li>
 * </ol>
 */
final class Productivity {

    private Productivity() {
    }

    /** Returns a proven upper bound &lt; 1 on ρ(m), or throws AnalysisException naming ρ. */
    static double check(DenseMatrix m, LuDecomposition luOfIdentityMinusM, String name) {
        if (m.rows() == 0) {
            return 0.0;
        }
        return check(SpectralRadius.normBound(m), () -> m, luOfIdentityMinusM, name);
    }

    /**
     * The same check when the norm bound of M is already known (computed while building I − M) and
     * M itself is formed only if steps 2–3 need it ({@code matrix} is called at most once, so a
     * productive table whose norm bound is below 1 never materialises M).
     */
    static double check(double normBound, Supplier<DenseMatrix> matrix, LuDecomposition luOfIdentityMinusM,
            String name) {
        int n = luOfIdentityMinusM.size();
        if (n == 0) {
            return 0.0;
        }
        if (normBound < 1.0) {
            return normBound;
        }
        DenseMatrix m = matrix.get();
        if (!luOfIdentityMinusM.isSingular()) {
            double[] ones = new double[n];
            Arrays.fill(ones, 1.0);
            double[] y = luOfIdentityMinusM.solve(ones);
            boolean positive = true;
            for (double v : y) {
                positive &= v > 0 && Double.isFinite(v);
            }
            if (positive) {
                double[] my = m.multiply(y);
                double certificate = 0.0;
                for (int i = 0; i < n; i++) {
                    certificate = Math.max(certificate, my[i] / y[i]);
                }
                if (certificate < 1.0) {
                    return Math.min(normBound, certificate);
                }
            }
        }
        SpectralRadius.Estimate rho = SpectralRadius.of(m);
        throw new AnalysisException(message(rho, name));
    }

    static Text message(SpectralRadius.Estimate rho, String name) {
        String key = rho.value() >= 1.0 ? "io.not.productive" : "io.not.productive.close";
        if (rho.isTight()) {
            return Text.core(key, name, fixed(rho.value()));
        }
        return Text.core(key + ".between", name, fixed(rho.value()), fixed(rho.lower()), fixed(rho.upper()));
    }

    /** Two decimals, or as many more as needed (up to 12) not to print a value ≠ 1 as 1.00. */
    static String format(double v) {
        return fixed(v).toString();
    }

    /** {@link #format} as a {@link Text} argument (the reader's decimal mark). */
    static Text.Fixed fixed(double v) {
        for (int d = 2; d <= 12; d++) {
            String s = String.format(Locale.ROOT, "%." + d + "f", v);
            if (v == 1.0 || Double.parseDouble(s) != 1.0) {
                return Text.fixed(v, d);
            }
        }
        return Text.fixed(v, 12);
    }
}
