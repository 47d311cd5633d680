package org.klaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.klaster.app.cli.CliRun.klaster;
import static org.klaster.app.cli.CliRun.ok;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.app.Klaster;

/**
 * The Rosstat 2016 basic tables end to end: {@code klaster import rosstat-io}, then every
 * {@code klaster io} command on the stored dataset. The reader's own oracle (L against «КПЗ отеч»)
 * is in RosstatIoReaderTest; here the checks are what must hold for any correct run on this table.
 */
class RosstatCliTest {

    @TempDir
    static Path dir;
    static String db;
    static String id;

    @BeforeAll
    static void importWorkbook() {
        Path xlsx = Path.of(System.getProperty("klaster.shared.data", "../shared/data"), "io",
                "rosstat_io_basic_tables_2016.xlsx");
        Assumptions.assumeTrue(Files.isRegularFile(xlsx), "shared public data not available (" + xlsx
                + "); the Rosstat end-to-end test is skipped");
        db = dir.resolve("k.duckdb").toString();
        CliRun r = ok("import", "rosstat-io", xlsx.toString(), "--db", db);
        id = r.out().strip();
        assertThat(id).matches("rosstat-io-[0-9a-f]{8}");
        // the taxes note and the column-gap warning reach the user
        assertThat(r.err()).contains("warning:");
    }

    @Test
    void storedWithProvenanceAndNinetyEightProducts() {
        Map<String, String> row = ok("datasets", "--db", db, "--format", "csv").csv().get(0);
        assertThat(row.get("id")).isEqualTo(id);
        assertThat(row.get("kind")).isEqualTo("rosstat-io");
        assertThat(row.get("rows")).isEqualTo("98");
    }

    @Test
    void multipliersAreThoseOfAProductiveTableWithTaxes() {
        List<Map<String, String>> rows = ok("io", "multipliers", "--dataset", id, "--db", db, "--format", "csv").csv();
        assertThat(rows).hasSize(98);
        double blSum = 0;
        for (Map<String, String> r : rows) {
            double om = Double.parseDouble(r.get("output_multiplier"));
            double ic = Double.parseDouble(r.get("import_content"));
            double va = Double.parseDouble(r.get("value_added_multiplier"));
            // every column of L has its diagonal ≥ 1, so the multiplier is ≥ 1
            assertThat(om).as(r.get("sector")).isGreaterThanOrEqualTo(1.0).isLessThan(4.0);
            // import content + VA multiplier = 1 − tax content: between 0.94 and 1 (RosstatIoReaderTest measures 0.944…1.000)
            assertThat(ic + va).as(r.get("sector")).isBetween(0.94, 1.0 + 1e-9);
            blSum += Double.parseDouble(r.get("backward_linkage"));
        }
        // Rasmussen BL is normalised to average 1
        assertThat(blSum / rows.size()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void shocksAndExtractionRun() {
        List<Map<String, String>> first = ok("io", "multipliers", "--dataset", id, "--db", db, "--format", "csv").csv();
        String sector = first.get(0).get("sector");
        List<Map<String, String>> shock = ok("io", "shock", "--dataset", id, "--db", db, "--demand", sector + "=-0.1",
                "--format", "csv").csv();
        assertThat(shock).hasSize(99); // 98 products and TOTAL
        assertThat(Double.parseDouble(shock.get(98).get("output_change"))).isNegative();
        List<Map<String, String>> cut = ok("io", "shock", "--dataset", id, "--db", db, "--input-cut", sector + "=0.5",
                "--format", "csv").csv();
        assertThat(Double.parseDouble(cut.get(98).get("output_change"))).isNegative();
        List<Map<String, String>> ex = ok("io", "extract", "--dataset", id, "--db", db, "--format", "csv").csv();
        assertThat(ex).hasSize(98);
        CliRun unknown = klaster("io", "shock", "--dataset", id, "--db", db, "--demand", "99.9=0.1");
        assertThat(unknown.code()).isEqualTo(Klaster.BAD_INPUT);
    }
}
