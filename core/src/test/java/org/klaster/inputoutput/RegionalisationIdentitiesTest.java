package org.klaster.inputoutput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.klaster.InvalidParameterException;
import org.klaster.linalg.DenseMatrix;
import org.klaster.linalg.Naive;

/**
 * What must hold for any regional table (methods.md §6), on random balanced tables with random
 * employment: regional coefficients never above the national ones; δ = 0 turns FLQ into CILQ; the whole
 * nation as a region gives the national table back; the regional output multipliers are the column sums
 * of (I − R)⁻¹ by an independent Gauss–Jordan inverse; rows and columns balance.
 */
class RegionalisationIdentitiesTest {

    static final int N = 12;

    /** Random employment of one region in {@code table}'s sectors; sector {@code absent} (if ≥ 0) has none there. */
    static RegionalEmployment employment(long seed, int n, int absent) {
        Random rnd = new Random(seed);
        double[] national = new double[n];
        double[] regional = new double[n];
        double nation = 0;
        double region = 0;
        for (int i = 0; i < n; i++) {
            national[i] = 100 + 1000 * rnd.nextDouble();
            // shares from nothing to 60 % of the sector: some sectors concentrated in the region, most not
            regional[i] = i == absent ? 0 : national[i] * 0.6 * rnd.nextDouble() * rnd.nextDouble();
            nation += national[i];
            region += regional[i];
        }
        // industries outside the table count in the totals only
        return new RegionalEmployment(regional, region + 50, national, nation + 500);
    }

    static DenseMatrix technical(IoTable t) {
        return IoMath.technicalCoefficients(t.intermediate(), t.totalOutput());
    }

    @ParameterizedTest
    @EnumSource(Regionalisation.Method.class)
    void regionalCoefficientsNeverExceedTheNationalOnes(Regionalisation.Method method) {
        for (long seed = 1; seed <= 5; seed++) {
            IoTable nation = RandomTables.balanced(seed, N, seed % 2 == 0);
            RegionalEmployment e = employment(seed * 31, N, (int) seed);
            RegionalTable r = Regionalisation.regionalise(nation, e, method, 0.3);
            DenseMatrix a = technical(nation);
            DenseMatrix rc = Regionalisation.regionalCoefficients(a, r.slq(), method, r.lambda());
            double[] xr = r.table().totalOutput();
            for (int j = 0; j < N; j++) {
                for (int i = 0; i < N; i++) {
                    // exactly: a_ij·min(1, Q) never rounds above a_ij
                    assertThat(rc.get(i, j)).isBetween(0.0, a.get(i, j));
                    if (xr[j] > 0) {
                        // and as the written table reads: z_ij^r / x_jr (rounding of the division only)
                        assertThat(r.table().intermediate().get(i, j) / xr[j]).isLessThanOrEqualTo(a.get(i, j) * (1 + 1e-14));
                    }
                }
            }
            // the sector without regional employment neither supplies nor exists in the region
            assertThat(rc.row((int) seed)).containsOnly(0.0);
            assertThat(rc.column((int) seed)).containsOnly(0.0);
            assertThat(xr[(int) seed]).isZero();
        }
    }

    @Test
    void deltaZeroTurnsFlqIntoCilq() {
        for (long seed = 1; seed <= 5; seed++) {
            IoTable nation = RandomTables.balanced(seed, N, seed % 2 == 1);
            RegionalEmployment e = employment(seed * 7, N, -1);
            RegionalTable flq = Regionalisation.regionalise(nation, e, Regionalisation.Method.FLQ, 0.0);
            RegionalTable cilq = Regionalisation.regionalise(nation, e, Regionalisation.Method.CILQ, 0.3);
            assertThat(flq.lambda()).isEqualTo(1.0);
            assertThat(flq.table().intermediate().data()).containsExactly(cilq.table().intermediate().data());
            assertThat(flq.table().finalDemand().data()).containsExactly(cilq.table().finalDemand().data());
            assertThat(flq.otherRegions().data()).containsExactly(cilq.otherRegions().data());
            // and a positive δ buys more from elsewhere: FLQ coefficients ≤ CILQ ones
            RegionalTable flq3 = Regionalisation.regionalise(nation, e, Regionalisation.Method.FLQ, 0.3);
            double[] z3 = flq3.table().intermediate().data();
            double[] z0 = cilq.table().intermediate().data();
            for (int k = 0; k < z3.length; k++) {
                assertThat(z3[k]).isLessThanOrEqualTo(z0[k]);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Regionalisation.Method.class)
    void theWholeNationGivesTheNationalTableBack(Regionalisation.Method method) {
        for (boolean matrix : new boolean[] {false, true}) {
            IoTable nation = RandomTables.balanced(11, N, matrix);
            double[] e = employment(3, N, -1).national();
            double total = 0;
            for (double v : e) {
                total += v;
            }
            RegionalTable r = Regionalisation.regionalise(nation, new RegionalEmployment(e, total, e, total), method, 0.3);
            assertThat(r.lambda()).isEqualTo(1.0);
            assertThat(r.slq()).containsOnly(1.0);
            IoTable t = r.table();
            assertClose(t.intermediate().data(), nation.intermediate().data(), 1e-13);
            assertThat(r.otherRegions().data()).containsOnly(0.0);
            assertThat(t.totalOutput()).containsExactly(nation.totalOutput(), within(1e-9));
            int k = nation.finalDemandCategories().size();
            assertThat(t.finalDemandCategories()).startsWith(nation.finalDemandCategories().toArray(String[]::new));
            for (int c = 0; c < k; c++) {
                assertThat(t.finalDemand().column(c)).containsExactly(nation.finalDemand().column(c));
            }
            // nothing is sold to other regions: there are none (rounding of Σ a_ij·x_j only)
            for (double v : t.finalDemand().column(k)) {
                assertThat(v).isCloseTo(0.0, within(1e-9));
            }
            if (matrix) {
                assertThat(t.importMatrix().data()).containsExactly(nation.importMatrix().data());
            } else {
                assertThat(t.imports()).containsExactly(nation.imports());
            }
            assertThat(t.valueAdded()).containsExactly(nation.valueAdded());
            // and the multipliers are the national ones
            List<Multipliers.Row> mr = Multipliers.compute(t);
            List<Multipliers.Row> mn = Multipliers.compute(nation);
            for (int j = 0; j < N; j++) {
                assertThat(mr.get(j).outputMultiplier()).isCloseTo(mn.get(j).outputMultiplier(), within(1e-12));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Regionalisation.Method.class)
    void outputMultipliersAreColumnSumsOfTheRegionalInverse(Regionalisation.Method method) {
        for (long seed = 1; seed <= 4; seed++) {
            IoTable nation = RandomTables.balanced(seed + 100, N, seed % 2 == 0);
            int absent = (int) (seed * 3) % N;
            RegionalTable r = Regionalisation.regionalise(nation, employment(seed * 13, N, absent), method, 0.3);
            // oracle: R from the national A by the quotient formula, the absent sector removed, inverted by Gauss–Jordan
            DenseMatrix rc = Regionalisation.regionalCoefficients(technical(nation), r.slq(), method, r.lambda());
            int[] present = new int[N - 1];
            for (int i = 0, c = 0; i < N; i++) {
                if (i != absent) {
                    present[c++] = i;
                }
            }
            double[][] inverse = Naive.inverse(Naive.identityMinus(rc.select(present, present).toRows()));
            List<Multipliers.Row> rows = Multipliers.compute(r.table());
            List<Multipliers.Row> national = Multipliers.compute(nation);
            // the region's own shortcut (LU of I − R straight from R) and R as the table keeps it
            double[] direct = r.outputMultipliers();
            assertThat(direct[absent]).isNaN();
            assertThat(r.regionalCoefficients().data()).containsExactly(rc.data(), within(1e-15));
            assertThat(rows.get(absent).outputMultiplier()).isNaN();
            for (int c = 0; c < present.length; c++) {
                double sum = 0;
                for (double[] row : inverse) {
                    sum += row[c];
                }
                Multipliers.Row row = rows.get(present[c]);
                assertThat(row.outputMultiplier()).isCloseTo(sum, within(1e-12 * sum));
                assertThat(direct[present[c]]).isCloseTo(sum, within(1e-12 * sum));
                // the region keeps less of every round of purchases than the nation
                assertThat(row.outputMultiplier()).isLessThanOrEqualTo(national.get(present[c]).outputMultiplier());
                // columns balance, so every unit of final demand ends up as value added or a purchase elsewhere
                assertThat(row.importContent() + row.valueAddedMultiplier()).isCloseTo(1.0, within(1e-12));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Regionalisation.Method.class)
    void rowsAndColumnsBalance(Regionalisation.Method method) {
        IoTable nation = RandomTables.balanced(5, N, true);
        RegionalTable r = Regionalisation.regionalise(nation, employment(9, N, 2), method, 0.3);
        IoTable t = r.table();
        double[] x = t.totalOutput();
        double[] given = t.givenTotalOutput();
        double[] inputs = t.intermediate().columnSums();
        double[] imports = t.intermediateImports();
        double[] share = r.shares();
        double[] nx = nation.totalOutput();
        for (int j = 0; j < N; j++) {
            assertThat(x[j]).isCloseTo(given[j], within(1e-9 * Math.max(1, nx[j])));
            assertThat(given[j]).isCloseTo(share[j] * nx[j], within(1e-12 * nx[j]));
            assertThat(inputs[j] + imports[j] + t.valueAdded()[j]).isCloseTo(given[j], within(1e-9 * Math.max(1, nx[j])));
        }
        // what is not bought in the region is bought from other regions or abroad, product by product
        DenseMatrix a = technical(nation);
        for (int j = 0; j < N; j++) {
            for (int i = 0; i < N; i++) {
                double expected = a.get(i, j) * given[j] + share[j] * nation.importMatrix().get(i, j);
                assertThat(t.intermediate().get(i, j) + t.importMatrix().get(i, j)).isCloseTo(expected,
                        within(1e-12 * Math.max(1, expected)));
            }
        }
        int other = t.finalDemandCategories().indexOf(Regionalisation.OTHER_REGIONS);
        if (method != Regionalisation.Method.SLQ) {
            // CILQ/FLQ never let the region's industries use more of a product than the region's share
            // of national intermediate use, so its sales to other regions are never negative
            for (double v : t.finalDemand().column(other)) {
                assertThat(v).isGreaterThanOrEqualTo(-1e-9);
            }
        }
    }

    @Test
    void aSectorWithOutputButNoNationalEmploymentIsNamed() {
        IoTable nation = RandomTables.balanced(1, 4, false);
        RegionalEmployment e = new RegionalEmployment(new double[] {1, 0, 1, 0}, 10, new double[] {5, 0, 5, 0}, 20);
        assertThatThrownBy(() -> Regionalisation.regionalise(nation, e, Regionalisation.Method.FLQ, 0.3))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("no national employment in sectors S02, S04, which have output in the table:"
                        + " the region's share of their output is undefined");
        assertThatThrownBy(() -> Regionalisation.regionalise(nation, employment(1, 4, -1), Regionalisation.Method.FLQ, 1.5))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("δ must be a number from 0 to 1");
        assertThatThrownBy(() -> new RegionalEmployment(new double[] {6}, 6, new double[] {5}, 10))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("exceeds");
        assertThatThrownBy(() -> new RegionalEmployment(new double[] {0}, 0, new double[] {5}, 10))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("positive");
    }

    @Test
    void aSectorTheNationDoesNotProduceNeedsNoEmployment() {
        // sector C has no output anywhere (zero row and column): no employment needed, inactive in the region too
        DenseMatrix z = DenseMatrix.ofRows(new double[][] {{10, 20, 0}, {30, 5, 0}, {0, 0, 0}});
        DenseMatrix f = DenseMatrix.ofRows(new double[][] {{70}, {65}, {0}});
        IoTable nation = IoTable.of(List.of("A", "B", "C"), z, List.of("fd:households"), f)
                .withValueAdded(new double[] {60, 75, 0});
        RegionalEmployment e = new RegionalEmployment(new double[] {10, 10, 0}, 20, new double[] {50, 50, 0}, 100);
        RegionalTable r = Regionalisation.regionalise(nation, e, Regionalisation.Method.FLQ, 0.3);
        assertThat(r.table().totalOutput()[2]).isZero();
        assertThat(Multipliers.compute(r.table()).get(2).outputMultiplier()).isNaN();
    }

    private static void assertClose(double[] actual, double[] expected, double relative) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int k = 0; k < actual.length; k++) {
            assertThat(actual[k]).isCloseTo(expected[k], within(relative * Math.max(1, Math.abs(expected[k]))));
        }
    }
}
