package org.klaster.inputoutput;

import org.klaster.linalg.DenseMatrix;

/**
 * A region's input–output table made by {@link Regionalisation#regionalise}, with what it was made
 * from. The arrays are owned by the record: treat them as read-only.
 *
 * @param table        the regional table (formats.md §2 layout): Z bought inside the region, imports
 *                     from other regions and abroad, scaled final demand plus
 *                     {@link Regionalisation#OTHER_REGIONS}, scaled value added, total output given
 * @param method       the quotient used
 * @param delta        Flegg's δ (used by FLQ only; recorded for every method)
 * @param lambda       λ = [log₂(1 + E_r/E_n)]^δ
 * @param slq          SLQ_i per sector (0 for sectors the region or the nation does not have)
 * @param shares       s_i = E_ir/E_in, the region's share of each sector's national output
 * @param otherRegions n×n: (a_ij − r_ij)·x_jr, input i that sector j of the region buys from other
 *                     regions of the country (its imports from abroad are s_j times the national ones)
 * @param employment   the employment the quotients came from
 */
public record RegionalTable(
        IoTable table,
        Regionalisation.Method method,
        double delta,
        double lambda,
        double[] slq,
        double[] shares,
        DenseMatrix otherRegions,
        RegionalEmployment employment) {

    /** Regional output x_ir = s_i·x_in, in table order. */
    public double[] output() {
        return table.givenTotalOutput().clone();
    }
}
