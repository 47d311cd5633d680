package org.klaster.data.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.complexity.ComplexityResult;
import org.klaster.complexity.ComplexityTable;
import org.klaster.complexity.ExportRecord;
import org.klaster.data.formats.ExportsData;
import org.klaster.data.formats.ExportsReader;
import org.klaster.linalg.DenseMatrix;

/** The synthetic exports: deterministic and pinned, and a product space the method can read. */
class DemoExportsTest {

    /**
     * SHA-256 of exports.csv as written. Changes only with the model: then bump DemoExports.VERSION and
     * update this value.
     */
    static final String EXPORTS_SHA256 = "a29fb82884868399f49f9f5b3224737c7e03abcf63bf24cfb3886750053cf439";

    private static final List<ExportRecord> D = DemoExports.standard();
    private static final DemoExports.Model MODEL = DemoExports.standardModel();
    private static final List<ComplexityTable.Year> YEARS = ComplexityTable.compute(D, 1.0);

    @Test
    void isDeterministicAndPinned(@TempDir Path dir) throws Exception {
        assertThat(DemoExports.build(DemoExports.model())).isEqualTo(D);
        assertThat(DemoExports.standard()).isSameAs(D);
        Path f = dir.resolve("exports.csv");
        assertThat(DemoExports.writeCsv(f)).isEqualTo(D.size());
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
        assertThat(DemoExports.sha256()).isEqualTo(sha);
        assertThat(sha).isEqualTo(EXPORTS_SHA256);
        // the written file reads back through the user's reader to the same records
        ExportsData back = ExportsReader.read(f);
        assertThat(back.records()).isEqualTo(D);
        assertThat(back.sha256()).isEqualTo(sha);
        assertThat(back.warnings()).isEmpty();
    }

    @Test
    void shape() {
        assertThat(DemoExports.countries()).hasSize(100).doesNotHaveDuplicates().contains("RUS");
        assertThat(DemoExports.products()).hasSize(303).isEqualTo(DemoTrade.products());
        assertThat(YEARS).extracting(ComplexityTable.Year::year).containsExactly(2022, 2023, 2024);
        for (ComplexityTable.Year y : YEARS) {
            assertThat(y.locations()).hasSize(100);
            assertThat(y.products()).hasSize(303);
        }
        // each country's total is its size (billion USD) to rounding (half a thousand USD per row)
        Map<String, Double> total = new HashMap<>();
        Map<String, Integer> rows = new HashMap<>();
        for (ExportRecord r : D) {
            if (r.year() == DemoExports.LAST_YEAR) {
                total.merge(r.location(), r.value(), Double::sum);
                rows.merge(r.location(), 1, Integer::sum);
            }
        }
        for (DemoExports.Country c : DemoExports.countryTable()) {
            assertThat(Math.abs(total.get(c.code()) - c.size() * 1e6)).as(c.code())
                    .isLessThanOrEqualTo(0.5 * 303);
        }
    }

    @Test
    void theProductSpaceIsMeaningful() {
        for (ComplexityTable.Year y : YEARS) {
            ComplexityResult r = y.result();
            int nc = y.locations().size();
            int np = y.products().size();
            // everyone takes part: no location or product left out, all in the linked core
            assertThat(y.warnings()).as("year " + y.year()).isEmpty();

            double[] caps = new double[nc];
            for (int c = 0; c < nc; c++) {
                int idx = DemoExports.countries().indexOf(y.locations().get(c));
                caps[c] = MODEL.capabilityCount(idx, y.year());
            }
            double eciCaps = pearson(r.eci(), caps);
            double eciDiv = pearson(r.eci(), r.diversity());
            double[] meanUbiquity = new double[nc];
            for (int c = 0; c < nc; c++) {
                double s = 0;
                for (int p = 0; p < np; p++) s += r.mcp().get(c, p) * r.ubiquity()[p];
                meanUbiquity[c] = s / r.diversity()[c];
            }
            double nested = pearson(r.diversity(), meanUbiquity);
            double minDiv = Double.MAX_VALUE;
            double maxDiv = 0;
            for (double d : r.diversity()) {
                minDiv = Math.min(minDiv, d);
                maxDiv = Math.max(maxDiv, d);
            }
            assertThat(eciCaps).as("ECI ~ latent capability count, " + y.year()).isGreaterThan(0.8);
            assertThat(eciDiv).as("ECI ~ diversity, " + y.year()).isGreaterThan(0.8);
            assertThat(nested).as("diverse countries export less ubiquitous products, " + y.year()).isLessThan(-0.6);
            // diversity spreads from a few dozen products to about half of them
            assertThat(minDiv).as("least diverse, " + y.year()).isLessThanOrEqualTo(30);
            assertThat(maxDiv).as("most diverse, " + y.year()).isGreaterThanOrEqualTo(4 * minDiv).isLessThanOrEqualTo(0.6 * np);
            assertThat(connectedComponents(r.proximity())).as("proximity network, " + y.year()).isEqualTo(1);
            // PCI rises with the number of capabilities a product requires (resource products count as none)
            double[] required = new double[np];
            for (int p = 0; p < np; p++) {
                int idx = MODEL.products().indexOf(y.products().get(p));
                required[p] = MODEL.resource()[idx] != 0 ? 0 : MODEL.requires()[idx].cardinality();
            }
            assertThat(pearson(r.pci(), required)).as("PCI ~ required capabilities, " + y.year()).isGreaterThan(0.5);
            // RUS lies between the tiers: above the mean ECI of tier 1, below that of tier 5
            double[] tierSum = new double[6];
            int[] tierCount = new int[6];
            for (int c = 0; c < nc; c++) {
                int tier = DemoExports.countryTable().get(DemoExports.countries().indexOf(y.locations().get(c))).tier();
                tierSum[tier] += r.eci()[c];
                tierCount[tier]++;
            }
            double rus = r.eci()[y.locations().indexOf("RUS")];
            assertThat(rus).isBetween(tierSum[1] / tierCount[1], tierSum[5] / tierCount[5]);
        }
    }

    /** Connected components of the graph with an edge where φ > 0. */
    static int connectedComponents(DenseMatrix phi) {
        int n = phi.rows();
        boolean[] seen = new boolean[n];
        int components = 0;
        for (int s = 0; s < n; s++) {
            if (seen[s]) continue;
            components++;
            ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(s));
            seen[s] = true;
            while (!queue.isEmpty()) {
                int a = queue.poll();
                for (int b = 0; b < n; b++) {
                    if (!seen[b] && phi.get(a, b) > 0) {
                        seen[b] = true;
                        queue.add(b);
                    }
                }
            }
        }
        return components;
    }

    /** Pearson correlation, written out. */
    static double pearson(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i] / n;
            my += y[i] / n;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
