package org.klaster.dependency;

import org.klaster.InvalidParameterException;
import org.klaster.Text;

/**
 * Sovereignty coverage of a priority product group (methods.md §3):
 * <pre>
 *   home supply = domestic output − exports          (domestic output that stays in the home market)
 *   coverage    = home supply / (home supply + imports)
 * </pre>
 * i.e. the share of the home market supplied by domestic producers. It is compared with the
 * national target {@link #TARGET} = 75 % by 2030 (technological sovereignty concept, order 1315-r, 2023).
 */
public final class SovereigntyCoverage {

    /** National target for the coverage: 0.75 by 2030 (concept 1315-r of 2023). */
    public static final double TARGET = 0.75;

    private SovereigntyCoverage() {
    }

    /**
     * coverage = (output − exports) / ((output − exports) + imports).
     *
     * @return the coverage in [0, 1]; NaN when output − exports = 0 and imports = 0 (no home market)
     * @throws IllegalArgumentException if any argument is negative or non-finite, or if exports
     *         exceed output (negative home supply: re-exports or inconsistent data — the value is
     *         not clamped to 0, since that would silently report a meaningless coverage)
     */
    public static double of(double domesticOutput, double exports, double imports) {
        check("sovereignty.name.output", domesticOutput);
        check("sovereignty.name.exports", exports);
        check("sovereignty.name.imports", imports);
        double home = domesticOutput - exports;
        if (home < 0) {
            throw new InvalidParameterException(Text.core("sovereignty.exports.exceed", Text.plain(exports),
                    Text.plain(domesticOutput)));
        }
        double market = home + imports;
        return market == 0 ? Double.NaN : home / market;
    }

    /** Whether a coverage reaches the national target ({@code coverage ≥ 0.75}); false for NaN. */
    public static boolean meetsTarget(double coverage) {
        return coverage >= TARGET;
    }

    private static void check(String nameKey, double v) {
        if (!Double.isFinite(v) || v < 0) {
            throw new InvalidParameterException(Text.core("sovereignty.value.invalid", Text.core(nameKey), Text.plain(v)));
        }
    }
}
