package org.klaster.inputoutput;

import java.util.Objects;
import org.klaster.InvalidParameterException;
import org.klaster.Text;

/**
 * Employment of one region and of the nation by sector of an input–output table: what the location
 * quotients of {@link Regionalisation} are computed from (methods.md §6).
 *
 * @param regional      E_ir, persons employed in sector i in the region (table order, n values)
 * @param regionalTotal E_r, all employment of the region (may include industries outside the table)
 * @param national      E_in, persons employed in sector i in the nation
 * @param nationalTotal E_n, all employment of the nation
 */
public record RegionalEmployment(double[] regional, double regionalTotal, double[] national, double nationalTotal) {

    /**
     * Checks the numbers: finite and ≥ 0, a region no larger than the nation in any sector or in total,
     * and a region and a nation that employ someone.
     *
     * @throws InvalidParameterException naming the sector or the total at fault
     */
    public RegionalEmployment {
        Objects.requireNonNull(regional, "regional employment");
        Objects.requireNonNull(national, "national employment");
        if (regional.length != national.length) {
            throw new IllegalArgumentException(regional.length + " regional and " + national.length + " national values");
        }
        if (!(regionalTotal > 0) || Double.isInfinite(regionalTotal)) {
            throw new InvalidParameterException(Text.core("io.regional.total.region", regionalTotal));
        }
        if (!(nationalTotal >= regionalTotal) || Double.isInfinite(nationalTotal)) {
            throw new InvalidParameterException(Text.core("io.regional.total.nation", nationalTotal, regionalTotal));
        }
        for (int i = 0; i < regional.length; i++) {
            if (!(regional[i] >= 0) || Double.isInfinite(regional[i]) || !(national[i] >= 0)
                    || Double.isInfinite(national[i])) {
                throw new InvalidParameterException(Text.core("io.regional.employment.invalid", i + 1, regional[i],
                        national[i]));
            }
            if (regional[i] > national[i]) {
                throw new InvalidParameterException(Text.core("io.regional.employment.exceeds", i + 1, regional[i],
                        national[i]));
            }
        }
    }

    /** Number of sectors. */
    public int size() {
        return regional.length;
    }

    /** E_r / E_n, the region's share of national employment (the size term of Flegg's λ). */
    public double regionShare() {
        return regionalTotal / nationalTotal;
    }
}
