package org.klaster.data.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.activity.ActivityRecord;
import org.klaster.data.formats.IoTableReader;
import org.klaster.data.reference.Okved2;
import org.klaster.inputoutput.IoTable;
import org.klaster.inputoutput.IoValidation;
import org.klaster.inputoutput.LeontiefModel;
import org.klaster.inputoutput.Multipliers;
import org.klaster.linalg.DenseMatrix;
import org.klaster.linalg.SpectralRadius;

class DemoIoTest {

    /**
     * SHA-256 of the table (codes as UTF-8, every cell as IEEE bits). Changes only with the model or the
     * demo economy: then bump DemoIo.VERSION and update this value.
     */
    static final String TABLE_SHA256 = "6279bc37ed4653ffeaa4eeb4bf0cdbaed01a948fdd5b9b7b467d7633c2b19f68";

    private static final IoTable T = DemoIo.standard();
    private static final double REL = 1e-9;

    static String checksum(IoTable t) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String s : t.sectors()) {
            sha.update((s + "\0").getBytes(StandardCharsets.UTF_8));
        }
        for (String s : t.names()) {
            sha.update((s + "\0").getBytes(StandardCharsets.UTF_8));
        }
        for (String s : t.finalDemandCategories()) {
            sha.update((s + "\0").getBytes(StandardCharsets.UTF_8));
        }
        for (DenseMatrix m : List.of(t.intermediate(), t.finalDemand(), t.importMatrix(), t.importsFinalUse())) {
            update(sha, m.data());
        }
        update(sha, t.valueAdded());
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void update(MessageDigest sha, double[] values) {
        ByteBuffer buf = ByteBuffer.allocate(8 * values.length);
        for (double v : values) {
            buf.putDouble(v);
        }
        sha.update(buf.array());
    }

    @Test
    void isDeterministicAndPinned() throws Exception {
        IoTable again = DemoIo.build(new DemoEconomy());
        assertThat(checksum(again)).isEqualTo(checksum(T));
        assertThat(DemoIo.standard()).isSameAs(T);
        assertThat(checksum(T)).isEqualTo(TABLE_SHA256);
        assertThat(DemoIo.VERSION).isEqualTo("demo-io-1");
        assertThat(DemoIo.PROVENANCE).contains("SYNTHETIC", DemoIo.VERSION, DemoEconomy.VERSION);
        assertThat(DemoIo.PROVENANCE_RU).contains("СИНТЕТИЧЕСКАЯ", DemoIo.VERSION);
    }

    @Test
    void hasTheEightyEightDivisionsWithRussianNamesAndFiveCategories() {
        assertThat(T.sectors()).hasSize(88).containsExactlyElementsOf(
                Okved2.divisions().stream().map(d -> d.code()).toList());
        assertThat(T.names()).isEqualTo(DemoIo.names("ru"));
        assertThat(DemoIo.names("en")).hasSize(88).doesNotContainNull();
        assertThat(T.names().get(T.sectors().indexOf("29"))).isEqualTo(Okved2.division("29").orElseThrow().nameRu());
        assertThat(T.finalDemandCategories()).containsExactly("fd:households", "fd:government", "fd:gfcf",
                "fd:inventories", "fd:exports");
        assertThat(T.exportsCategory()).isEqualTo(4);
        assertThat(T.importMatrix()).isNotNull();
        assertThat(T.imports()).isNull();
        assertThat(DemoIo.unknownCodes()).isEmpty();
    }

    @Test
    void validatesWithoutErrorsOrWarnings() {
        IoValidation v = T.validate(false);
        assertThat(v.errors()).isEmpty();
        assertThat(v.warnings()).isEmpty();
        assertThat(v.inactiveSectors()).isEmpty();
        assertThat(v.largestColumnGap()).isLessThanOrEqualTo(REL);
    }

    /** Oracle: the demo economy's activity records of the year summed by division by hand. */
    @Test
    void outputIsTheDemoEconomysNationalOutputByDivision() {
        Map<String, Double> byDivision = new HashMap<>();
        for (ActivityRecord a : DemoEconomy.standard().activity()) {
            if (a.year() == DemoEconomy.LAST_YEAR) {
                byDivision.merge(a.industry().substring(0, 2), a.output(), Double::sum);
            }
        }
        assertThat(byDivision).hasSize(88);
        double[] x = T.totalOutput();
        for (int i = 0; i < T.size(); i++) {
            double expected = byDivision.get(T.sectors().get(i));
            assertThat(Math.abs(x[i] - expected)).as("output of %s", T.sectors().get(i)).isLessThanOrEqualTo(0.5);
        }
        assertThat(DemoIo.YEAR).isEqualTo(DemoEconomy.LAST_YEAR);
    }

    @Test
    void rowAndColumnBalanceHold() {
        int n = T.size();
        double[] x = T.totalOutput();
        for (int i = 0; i < n; i++) {
            double row = 0;
            double col = T.valueAdded()[i];
            for (int j = 0; j < n; j++) {
                row += T.intermediate().get(i, j);
                col += T.intermediate().get(j, i) + T.importMatrix().get(j, i);
            }
            for (int k = 0; k < T.finalDemandCategories().size(); k++) {
                row += T.finalDemand().get(i, k);
            }
            assertThat(row).as("row %s", T.sectors().get(i)).isCloseTo(x[i], within(REL * x[i]));
            assertThat(col).as("column %s", T.sectors().get(i)).isCloseTo(x[i], within(REL * x[i]));
        }
    }

    @Test
    void flowsAreNonNegativeExceptInventoriesAndValueAddedIsAtLeastAFifth() {
        int n = T.size();
        double[] x = T.totalOutput();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertThat(T.intermediate().get(i, j)).isGreaterThanOrEqualTo(0);
                assertThat(T.importMatrix().get(i, j)).isGreaterThanOrEqualTo(0);
            }
            for (int k : new int[] {0, 1, 2, 4}) {
                assertThat(T.finalDemand().get(i, k)).as("%s %s", T.sectors().get(i), k).isGreaterThanOrEqualTo(0);
            }
            assertThat(T.valueAdded()[i] / x[i]).as("va share %s", T.sectors().get(i)).isBetween(0.2, 1.0);
        }
    }

    @Test
    void isProductiveWithMargin() {
        LeontiefModel model = LeontiefModel.of(T);
        DenseMatrix a = model.technicalCoefficients();
        double rho = SpectralRadius.of(a).value();
        // independent bound: ρ(A) ≤ max column sum of A (all entries non-negative)
        double maxColumn = 0;
        for (double s : a.columnSums()) {
            maxColumn = Math.max(maxColumn, s);
        }
        assertThat(maxColumn).isLessThan(0.8);
        assertThat(rho).isGreaterThan(0.2).isLessThanOrEqualTo(maxColumn + 1e-12).isLessThan(0.6);
    }

    /**
     * Oracle for the multipliers: the Neumann series 1ᵀ(I + A + A² + …) summed by hand; with column sums
     * of A below 0.8 the tail after 300 terms is below 0.8³⁰⁰/0.2, far under the tolerance.
     */
    @Test
    void outputMultipliersMatchTheNeumannSeriesAndArePlausible() {
        LeontiefModel model = LeontiefModel.of(T);
        DenseMatrix a = model.technicalCoefficients();
        int n = T.size();
        double[] term = new double[n];
        java.util.Arrays.fill(term, 1.0);
        double[] sum = term.clone();
        for (int k = 0; k < 300; k++) {
            term = a.multiplyTransposed(term);
            for (int j = 0; j < n; j++) {
                sum[j] += term[j];
            }
        }
        List<Multipliers.Row> rows = Multipliers.compute(T);
        Set<String> households = Set.of("97", "98"); // households as employers buy almost no inputs
        for (int j = 0; j < n; j++) {
            Multipliers.Row r = rows.get(j);
            assertThat(r.outputMultiplier()).as(r.sector()).isCloseTo(sum[j], within(1e-9 * sum[j]));
            if (households.contains(r.sector())) {
                assertThat(r.outputMultiplier()).as(r.sector()).isBetween(1.0, 1.3);
            } else {
                assertThat(r.outputMultiplier()).as(r.sector()).isBetween(1.3, 2.8);
            }
        }
    }

    @Test
    void importContentPlusValueAddedMultiplierIsOne() {
        for (Multipliers.Row r : Multipliers.compute(T)) {
            assertThat(r.importContent() + r.valueAddedMultiplier()).as(r.sector()).isCloseTo(1.0, within(1e-10));
            assertThat(r.importContent()).as(r.sector()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void electronicsVehiclesPharmaAndMachineryAreTheMostImportDependent() {
        List<Multipliers.Row> rows = Multipliers.compute(T);
        List<String> top4 = rows.stream().sorted(Comparator.comparingDouble(Multipliers.Row::importContent).reversed())
                .limit(4).map(Multipliers.Row::sector).toList();
        assertThat(top4).containsExactlyInAnyOrder("26", "29", "21", "28");
        Map<String, Double> ic = rows.stream().collect(Collectors.toMap(Multipliers.Row::sector,
                Multipliers.Row::importContent));
        assertThat(ic.get("26")).isGreaterThan(0.4);
        for (String mining : List.of("05", "06", "07", "08", "09")) {
            assertThat(ic.get(mining)).as(mining).isLessThan(0.10);
        }
        for (String farming : List.of("01", "02", "03")) {
            assertThat(ic.get(farming)).as(farming).isLessThan(0.12);
        }
        double median = IntStream.range(0, rows.size()).mapToDouble(i -> rows.get(i).importContent()).sorted()
                .skip(rows.size() / 2).findFirst().orElseThrow();
        assertThat(median).isBetween(0.05, 0.15);
    }

    @Test
    void exportsComeFromMiningAndMetalsNotFromGovernment() {
        int ex = T.exportsCategory();
        double[] x = T.totalOutput();
        Map<String, Integer> idx = T.sectorIndex();
        assertThat(T.finalDemand().get(idx.get("06"), ex) / x[idx.get("06")]).isGreaterThan(0.3);
        assertThat(T.finalDemand().get(idx.get("24"), ex) / x[idx.get("24")]).isGreaterThan(0.3);
        assertThat(T.finalDemand().get(idx.get("84"), ex)).isZero();
        assertThat(T.finalDemand().get(idx.get("84"), 1) / x[idx.get("84")]).isGreaterThan(0.8);
    }

    @Test
    void csvRoundTripsThroughTheReader(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("io.csv");
        DemoIo.writeCsv(file);
        IoTableReader.Result r = IoTableReader.load(file, null, false);
        IoTable back = r.table();
        assertThat(r.validation().ok()).isTrue();
        assertThat(r.warnings()).isEmpty();
        assertThat(back.sectors()).isEqualTo(T.sectors());
        assertThat(back.finalDemandCategories()).isEqualTo(T.finalDemandCategories());
        assertClose(back.intermediate(), T.intermediate());
        assertClose(back.finalDemand(), T.finalDemand());
        assertClose(back.importMatrix(), T.importMatrix());
        assertClose(back.importsFinalUse(), T.importsFinalUse());
        double[] x = T.totalOutput();
        for (int i = 0; i < T.size(); i++) {
            assertThat(back.valueAdded()[i]).isCloseTo(T.valueAdded()[i], within(REL * Math.abs(T.valueAdded()[i])));
            assertThat(back.givenTotalOutput()[i]).isCloseTo(x[i], within(REL * x[i]));
        }
    }

    private static void assertClose(DenseMatrix actual, DenseMatrix expected) {
        assertThat(actual.rows()).isEqualTo(expected.rows());
        assertThat(actual.cols()).isEqualTo(expected.cols());
        for (int i = 0; i < expected.rows(); i++) {
            for (int j = 0; j < expected.cols(); j++) {
                double e = expected.get(i, j);
                assertThat(actual.get(i, j)).as("cell %d,%d", i, j).isCloseTo(e, within(REL * Math.abs(e)));
            }
        }
    }
}
