package org.klaster.complexity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.klaster.linalg.DenseMatrix;
import org.junit.jupiter.api.Test;

/**
 * ECI, PCI, COI, COG (and density) against an independent numpy implementation of the Stata
 * {@code ecomplexity} algorithm: {@code src/test/resources/org/klaster/complexity/ecomplexity_oracle.py},
 * run offline with Debian's /usr/bin/python3 and numpy 2.4.6; its printed output is pasted below
 * verbatim. The script uses a general eigensolver (numpy.linalg.eig, like the Stata package's
 * eigensystem) on the non-symmetric product-side matrix D_p⁻¹·Mᵀ·D_c⁻¹·M, unit-norm eigenvector,
 * sign by corrcoef with diversity, long-table mean and ddof=1 sd — nothing shared with the Java path
 * (dsyevr on the similar symmetric matrix). Tolerance 1e-12 for every number: both sides are exact
 * to rounding and the eigen-gaps (λ2 − λ3 ≥ 0.09) keep the eigenvector error near 1e-15.
 */
class EconomicComplexityOracleTest {

    private static final double TOL = 1e-12;

    private static final double[][] IRREGULAR = {
            {120, 30, 0, 5, 60, 0, 10, 2},
            {10, 80, 40, 0, 30, 15, 0, 1},
            {0, 5, 90, 70, 0, 0, 20, 3},
            {40, 0, 0, 60, 25, 5, 0, 40},
            {0, 0, 10, 0, 90, 60, 35, 0},
            {5, 20, 0, 10, 0, 40, 80, 50}};

    // ---- printed by ecomplexity_oracle.py ----
    private static final double[] HAND_LAM = {0.9999999999999997, 0.5968564716806974};
    private static final double[] HAND_ECI_RAW = {0.40749983646472987, -0.08534292912105904, -0.4405638964549762, -0.08534292912105904};
    private static final double[] HAND_PCI_RAW = {0.6827434329684734, 0.2698780382128582, -0.4405638964549763, -0.4405638964549761, 0.26987803821285805};
    private static final double HAND_MEAN = -0.05093747955809108;
    private static final double HAND_SD = 0.3096436778083433;
    private static final double[] HAND_ECI = {1.480531814076226, -0.11111303743221754, -1.2583057392117911, -0.11111303743221754};
    private static final double[] HAND_PCI = {2.3694361135339657, 1.0360796643473564, -1.2583057392117916, -1.258305739211791, 1.036079664347356};
    private static final double[] HAND_COI = {-1.6864287023537718, 0.5985304196379714, 0.48936786307782937, 0.5985304196379714};
    private static final double[][] HAND_DENSITY = {{1.0, 0.6666666666666666, 0.5, 0.5, 0.6666666666666666}, {0.5, 0.3333333333333333, 0.5, 0.5, 0.3333333333333333}, {0.0, 0.3333333333333333, 0.5, 0.5, 0.3333333333333333}, {0.5, 0.3333333333333333, 0.5, 0.5, 0.3333333333333333}};
    private static final double[][] HAND_COG = {{0.0, -0.0, -0.7114046370545745, -0.7114046370545748, -0.0}, {0.29052537648333265, 0.0, -0.0, 0.29052537648333265, 0.3910616522637295}, {0.5810507529666654, 1.3929916658016366, 0.0, 0.0, 1.3929916658016368}, {0.2905253764833328, 0.39106165226372924, 0.2905253764833328, -0.0, 0.0}};
    private static final double[] IRREGULAR_LAM = {0.9999999999999999, 0.7967960677340692};
    private static final double[] IRREGULAR_ECI_RAW = {-0.08064881750233868, -0.4308525342377402, -0.4308525342377404, -0.08064881750233874, 0.3678838403274988, 0.3678838403274989};
    private static final double[] IRREGULAR_PCI_RAW = {-0.10121638492982031, -0.3209738178017668, -0.5407312506737136, -0.3209738178017672, 0.1802437502245711, 0.46170388537896273, 0.46170388537896273, 0.18024375022457131};
    private static final double IRREGULAR_MEAN = -0.04787250380419339;
    private static final double IRREGULAR_SD = 0.33036476456094865;
    private static final double[] IRREGULAR_ECI = {-0.09921249846879002, -1.1592641574307216, -1.159264157430722, -0.09921249846879018, 1.2584766558995117, 1.258476655899512};
    private static final double[] IRREGULAR_PCI = {-0.16146964461092086, -0.8266659864907877, -1.4918623283706554, -0.8266659864907888, 0.6904981356953385, 1.5424659160015988, 1.5424659160015988, 0.6904981356953391};
    private static final double[] IRREGULAR_COI = {-0.9592640021825867, -0.40275647944746173, -0.4027564794474552, -0.9592640021825846, 1.3620204816300485, 1.3620204816300396};
    private static final double[][] IRREGULAR_DENSITY = {{0.5, 0.6666666666666666, 0.5, 0.3333333333333333, 0.5, 0.25, 0.25, 0.25}, {0.25, 0.3333333333333333, 0.5, 0.3333333333333333, 0.25, 0.0, 0.0, 0.0}, {0.25, 0.3333333333333333, 0.5, 0.3333333333333333, 0.0, 0.0, 0.0, 0.25}, {0.5, 0.3333333333333333, 0.5, 0.6666666666666666, 0.25, 0.25, 0.25, 0.5}, {0.25, 0.3333333333333333, 0.0, 0.0, 0.5, 0.75, 0.75, 0.5}, {0.25, 0.0, 0.0, 0.3333333333333333, 0.5, 0.75, 0.75, 0.5}};
    private static final double[][] IRREGULAR_COG = {{-0.0, -0.0, -0.323858002056543, -0.6819876450206231, 0.0, 0.8351764771655039, 0.8351764771655039, 0.3749209461048361}, {-0.05106294404829376, 0.0, -0.0, 0.05980311293168443, 0.6221845320889389, 0.9715740061696284, 0.9715740061696284, 0.29832653003239584}, {-0.05106294404829338, 0.05980311293168426, -0.0, 0.0, 0.2983265300323962, 0.9715740061696284, 0.9715740061696284, 0.6221845320889389}, {-0.0, -0.6819876450206234, -0.32385800205654264, -0.0, 0.3749209461048365, 0.8351764771655038, 0.8351764771655038, 0.0}, {-0.5113184751089609, -0.8949795900971881, -0.6477160041130856, -0.7585820610930634, -0.0, 0.0, 0.0, -0.4004524181289833}, {-0.5113184751089611, -0.7585820610930636, -0.6477160041130856, -0.8949795900971881, -0.40045241812898297, 0.0, 0.0, -0.0}};

    @Test
    void handExampleMatchesTheOracle() {
        check(EconomicComplexity.compute(DenseMatrix.ofRows(ComplexityHandExampleTest.X)), HAND_LAM, HAND_ECI_RAW,
                HAND_PCI_RAW, HAND_MEAN, HAND_SD, HAND_ECI, HAND_PCI, HAND_COI, HAND_DENSITY, HAND_COG);
    }

    @Test
    void irregularExampleMatchesTheOracle() {
        check(EconomicComplexity.compute(DenseMatrix.ofRows(IRREGULAR)), IRREGULAR_LAM, IRREGULAR_ECI_RAW,
                IRREGULAR_PCI_RAW, IRREGULAR_MEAN, IRREGULAR_SD, IRREGULAR_ECI, IRREGULAR_PCI, IRREGULAR_COI,
                IRREGULAR_DENSITY, IRREGULAR_COG);
    }

    private static void check(ComplexityResult r, double[] lam, double[] eciRaw, double[] pciRaw, double mean,
                              double sd, double[] eci, double[] pci, double[] coi, double[][] density, double[][] cog) {
        assertThat(r.firstEigenvalue()).isCloseTo(lam[0], within(TOL));
        assertThat(r.secondEigenvalue()).isCloseTo(lam[1], within(TOL));
        assertThat(r.eciRaw()).containsExactly(eciRaw, within(TOL));
        assertThat(r.pciRaw()).containsExactly(pciRaw, within(TOL));
        assertThat(r.eciMean()).isCloseTo(mean, within(TOL));
        assertThat(r.eciSd()).isCloseTo(sd, within(TOL));
        assertThat(r.eci()).containsExactly(eci, within(TOL));
        assertThat(r.pci()).containsExactly(pci, within(TOL));
        assertThat(r.coi()).containsExactly(coi, within(TOL));
        ComplexityHandExampleTest.assertMatrix(r.density(), density, TOL);
        ComplexityHandExampleTest.assertMatrix(r.cog(), cog, TOL);
    }
}
