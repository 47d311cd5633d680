package org.klaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.klaster.app.cli.CliRun.klaster;
import static org.klaster.app.cli.CliRun.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.app.Klaster;

/**
 * {@code klaster complexity} and {@code klaster import exports} on a file whose every number is known.
 *
 * <p>Year 2020 of {@link #EXPORTS} (zero cells partly written, partly omitted):
 * <pre>
 *          0101 0102 0201 0202 0301 9999 | x_c
 *     A     20   10    0    0   10    0  |  40
 *     B      0   10   10    0    0       |  20
 *     C      0    0   10   10    0       |  20
 *     D      0    0    0   10   10       |  20
 *   x_p     20   20   20   20   20    0  | X = 100
 * </pre>
 * Product 9999 has a zero total: left out (every product-side value empty, a warning). For the others
 * x_p / X = 0.2, so rca_cp = (x_cp / x_c) / 0.2 = 5·x_cp / x_c:
 * A: 5·20/40 = 2.5, 5·10/40 = 1.25, 0, 0, 1.25; B: 0, 2.5, 2.5, 0, 0; C: 0, 0, 2.5, 2.5, 0;
 * D: 0, 0, 0, 2.5, 2.5. M (rca ≥ 1): A = {0101, 0102, 0301}, B = {0102, 0201}, C = {0201, 0202},
 * D = {0202, 0301}. Diversity 3, 2, 2, 2; ubiquity 1, 2, 2, 2, 2.
 * With --rca-threshold 2 only the 2.5 cells stay: A = {0101}, so diversity 1, 2, 2, 2 and ubiquity
 * 1, 1, 2, 2, 1; A and 0101 are then linked to no one else (outside the core, no ECI).
 *
 * <p>Year 2021 is year 2020 times 3 without product 9999: RCA is a ratio of shares, so every number
 * is the same.
 *
 * <p>ECI, PCI, COI, density and COG are those an independent numpy implementation of the Stata
 * {@code ecomplexity} algorithm printed for this matrix (numpy.linalg.eig on the product-side matrix;
 * core/src/test/java/org/klaster/complexity/EconomicComplexityOracleTest.java, the HAND_* values,
 * from src/test/resources/org/klaster/complexity/ecomplexity_oracle.py), copied here verbatim.
 * The CSV prints each double exactly, so the tolerance is that of the oracle test, 1e-12.
 */
class ComplexityCliTest {

    private static final double TOL = 1e-12;

    static final String EXPORTS = """
            year,location,product,value
            2020,A,0101,20
            2020,A,0102,10
            2020,A,0201,0
            2020,A,0301,10
            2020,A,9999,0
            2020,B,0102,10
            2020,B,0201,10
            2020,C,0201,10
            2020,C,0202,10
            2020,D,0202,10
            2020,D,0301,10
            2020,D,0101,0
            2021,A,0101,60
            2021,A,0102,30
            2021,A,0301,30
            2021,B,0102,30
            2021,B,0201,30
            2021,C,0201,30
            2021,C,0202,30
            2021,D,0202,30
            2021,D,0301,30
            """;

    private static final String[] LOC = {"A", "B", "C", "D"};
    private static final String[] PROD = {"0101", "0102", "0201", "0202", "0301"};
    private static final double[][] X = {{20, 10, 0, 0, 10}, {0, 10, 10, 0, 0}, {0, 0, 10, 10, 0}, {0, 0, 0, 10, 10}};
    private static final double[][] RCA = {{2.5, 1.25, 0, 0, 1.25}, {0, 2.5, 2.5, 0, 0}, {0, 0, 2.5, 2.5, 0}, {0, 0, 0, 2.5, 2.5}};
    private static final int[][] M = {{1, 1, 0, 0, 1}, {0, 1, 1, 0, 0}, {0, 0, 1, 1, 0}, {0, 0, 0, 1, 1}};
    private static final int[] DIVERSITY = {3, 2, 2, 2};
    private static final int[] UBIQUITY = {1, 2, 2, 2, 2};

    // ---- the numpy oracle's output for this matrix (EconomicComplexityOracleTest.HAND_*) ----
    private static final double[] ECI = {1.480531814076226, -0.11111303743221754, -1.2583057392117911, -0.11111303743221754};
    private static final double[] PCI = {2.3694361135339657, 1.0360796643473564, -1.2583057392117916, -1.258305739211791, 1.036079664347356};
    private static final double[] COI = {-1.6864287023537718, 0.5985304196379714, 0.48936786307782937, 0.5985304196379714};
    private static final double[][] DENSITY = {{1.0, 0.6666666666666666, 0.5, 0.5, 0.6666666666666666}, {0.5, 0.3333333333333333, 0.5, 0.5, 0.3333333333333333}, {0.0, 0.3333333333333333, 0.5, 0.5, 0.3333333333333333}, {0.5, 0.3333333333333333, 0.5, 0.5, 0.3333333333333333}};
    private static final double[][] COG = {{0.0, -0.0, -0.7114046370545745, -0.7114046370545748, -0.0}, {0.29052537648333265, 0.0, -0.0, 0.29052537648333265, 0.3910616522637295}, {0.5810507529666654, 1.3929916658016366, 0.0, 0.0, 1.3929916658016368}, {0.2905253764833328, 0.39106165226372924, 0.2905253764833328, -0.0, 0.0}};

    @TempDir
    Path dir;

    private Path exports() throws IOException {
        return write("exports.csv", EXPORTS);
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void everyNumberOfBothYearsMatchesTheHandComputationAndTheOracle() throws IOException {
        CliRun r = ok("complexity", "--exports", exports().toString(), "--format", "csv");
        assertThat(r.header()).isEqualTo("year,location,product,value,rca,mcp,diversity,ubiquity,eci,pci,density,coi,cog");
        List<Map<String, String>> rows = r.csv();
        assertThat(rows).hasSize(4 * 6 + 4 * 5);
        assertThat(r.err()).contains("warning: 2020: product 9999 has a zero total and is left out");
        int i = 0;
        for (int year : new int[] {2020, 2021}) {
            int products = year == 2020 ? 6 : 5;
            for (int c = 0; c < 4; c++) {
                for (int p = 0; p < products; p++) {
                    Map<String, String> row = rows.get(i++);
                    String where = year + " " + LOC[c] + " " + (p < 5 ? PROD[p] : "9999");
                    assertThat(row.get("year")).as(where).isEqualTo(Integer.toString(year));
                    assertThat(row.get("location")).as(where).isEqualTo(LOC[c]);
                    if (p == 5) {
                        assertThat(row.get("product")).isEqualTo("9999");
                        assertThat(row.get("value")).isEqualTo("0");
                        for (String col : List.of("rca", "mcp", "ubiquity", "pci", "density", "cog")) {
                            assertThat(row.get(col)).as(where + " " + col).isEmpty();
                        }
                        // the location is still there: its own values stand
                        assertThat(row.get("diversity")).isEqualTo(Integer.toString(DIVERSITY[c]));
                        assertThat(num(row, "eci")).isCloseTo(ECI[c], within(TOL));
                        assertThat(num(row, "coi")).isCloseTo(COI[c], within(TOL));
                        continue;
                    }
                    assertThat(row.get("product")).as(where).isEqualTo(PROD[p]);
                    assertThat(num(row, "value")).as(where).isEqualTo(X[c][p] * (year == 2020 ? 1 : 3));
                    assertThat(num(row, "rca")).as(where).isCloseTo(RCA[c][p], within(1e-15));
                    assertThat(row.get("mcp")).as(where).isEqualTo(Integer.toString(M[c][p]));
                    assertThat(row.get("diversity")).as(where).isEqualTo(Integer.toString(DIVERSITY[c]));
                    assertThat(row.get("ubiquity")).as(where).isEqualTo(Integer.toString(UBIQUITY[p]));
                    assertThat(num(row, "eci")).as(where).isCloseTo(ECI[c], within(TOL));
                    assertThat(num(row, "pci")).as(where).isCloseTo(PCI[p], within(TOL));
                    assertThat(num(row, "density")).as(where).isCloseTo(DENSITY[c][p], within(TOL));
                    assertThat(num(row, "coi")).as(where).isCloseTo(COI[c], within(TOL));
                    assertThat(num(row, "cog")).as(where).isCloseTo(COG[c][p], within(TOL));
                }
            }
        }
    }

    @Test
    void yearThresholdJsonAndTable() throws IOException {
        Path f = exports();
        List<Map<String, String>> y2021 = ok("complexity", "--exports", f.toString(), "--year", "2021", "--format", "csv").csv();
        assertThat(y2021).hasSize(20).allSatisfy(m -> assertThat(m).containsEntry("year", "2021"));

        // --rca-threshold 2: M keeps only the 2.5 cells (see the class comment)
        CliRun two = ok("complexity", "--exports", f.toString(), "--year", "2020", "--rca-threshold", "2", "--format", "csv");
        int[] diversity = {1, 2, 2, 2};
        int[] ubiquity = {1, 1, 2, 2, 1};
        for (int c = 0; c < 4; c++) {
            for (int p = 0; p < 5; p++) {
                Map<String, String> row = two.row("2020", LOC[c], PROD[p]);
                assertThat(row.get("mcp")).isEqualTo(RCA[c][p] >= 2 ? "1" : "0");
                assertThat(row.get("diversity")).isEqualTo(Integer.toString(diversity[c]));
                assertThat(row.get("ubiquity")).isEqualTo(Integer.toString(ubiquity[p]));
            }
        }
        assertThat(two.row("2020", "A", "0102").get("eci")).isEmpty();
        assertThat(two.row("2020", "B", "0101").get("pci")).isEmpty();
        assertThat(two.err()).contains("warning: 2020: location A is not linked to the others by RCA ≥ 2.0")
                .contains("warning: 2020: product 0101 is not linked to the others by RCA ≥ 2.0");

        JsonNode json = new ObjectMapper().readTree(ok("complexity", "--exports", f.toString(), "--year", "2020",
                "--format", "json").out());
        assertThat(json).hasSize(24);
        JsonNode a0101 = json.get(0);
        assertThat(a0101.get("location").asText()).isEqualTo("A");
        assertThat(a0101.get("product").asText()).isEqualTo("0101");
        assertThat(a0101.get("year").isInt()).isTrue();
        assertThat(a0101.get("mcp").isInt()).isTrue();
        assertThat(a0101.get("mcp").asInt()).isEqualTo(1);
        assertThat(a0101.get("eci").asDouble()).isCloseTo(ECI[0], within(TOL));
        JsonNode a9999 = json.get(5);
        assertThat(a9999.get("product").asText()).isEqualTo("9999");
        assertThat(a9999.get("pci").isNull()).isTrue();
        assertThat(a9999.get("mcp").isNull()).isTrue();
        assertThat(a9999.get("cog").isNull()).isTrue();

        String table = ok("complexity", "--exports", f.toString(), "--year", "2020", "--format", "table").out();
        assertThat(table.lines().findFirst().orElseThrow()).startsWith("year  location  product");
        assertThat(table).contains("1.4805");
    }

    @Test
    void outIsWrittenOnlyOnSuccessAndExitCodesFollowTheContract() throws IOException {
        Path out = dir.resolve("res/complexity.csv");
        Files.createDirectories(out.getParent()); // --out goes into an existing folder (a missing one is a usage error)
        CliRun r = ok("complexity", "--exports", exports().toString(), "--out", out.toString());
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(out)).isEqualTo(ok("complexity", "--exports", exports().toString(), "--format", "csv").out());

        // bad input: exit 2, the sentence names file, line and column; nothing written
        Path bad = write("bad.csv", "year,location,product,value\n2020,A,0101,5\n2020,B,0101,-1\n");
        Path out2 = dir.resolve("bad-out.csv");
        CliRun b = klaster("complexity", "--exports", bad.toString(), "--out", out2.toString());
        assertThat(b.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(b.err()).isEqualTo("klaster complexity: bad.csv, line 3, column \"value\": \"-1\" is negative;"
                + " an export value cannot be negative\n");
        assertThat(out2).doesNotExist();

        // analysis impossible: exit 1 with the reason; nothing written
        Path tiny = write("tiny.csv", "year,location,product,value\n2019,A,0101,1\n2019,B,0101,2\n");
        CliRun t = klaster("complexity", "--exports", tiny.toString(), "--out", out2.toString());
        assertThat(t.code()).isEqualTo(Klaster.IMPOSSIBLE);
        assertThat(t.err()).startsWith("klaster complexity: year 2019: economic complexity needs at least 2 locations"
                + " and 2 products").doesNotContain("internal error").doesNotContain("Exception");
        assertThat(out2).doesNotExist();

        // usage errors: exit 2
        CliRun noYear = klaster("complexity", "--exports", exports().toString(), "--year", "1999");
        assertThat(noYear.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(noYear.err()).contains("--year: 1999 is not a year of the data (years: 2020, 2021)");
        CliRun zero = klaster("complexity", "--exports", exports().toString(), "--rca-threshold", "0");
        assertThat(zero.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(zero.err()).contains("--rca-threshold: must be a positive number");
        assertThat(klaster("complexity").code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(klaster("complexity", "--exports", exports().toString(), "--dataset", "x").code())
                .isEqualTo(Klaster.BAD_INPUT);
        CliRun missing = klaster("complexity", "--exports", dir.resolve("nope.csv").toString());
        assertThat(missing.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(missing.err()).contains("nope.csv");
        assertThat(ok("complexity", "--help").out()).contains("Usage:").contains("--rca-threshold");
    }

    @Test
    void anImportedDatasetGivesIdenticalOutput() throws IOException {
        Path f = exports();
        String db = dir.resolve("k.duckdb").toString();
        String id = ok("import", "exports", f.toString(), "--db", db).out().strip();
        assertThat(id).matches("exports-[0-9a-f]{8}");
        assertThat(ok("datasets", "--db", db, "--format", "csv").out()).contains(id + ",exports,exports.csv");
        for (String[] extra : new String[][] {{}, {"--year", "2021"}, {"--rca-threshold", "2"}}) {
            String[] fromFile = concat(new String[] {"complexity", "--exports", f.toString(), "--format", "csv"}, extra);
            String[] fromStore = concat(new String[] {"complexity", "--dataset", id, "--db", db, "--format", "csv"}, extra);
            CliRun stored = ok(fromStore);
            assertThat(stored.out()).as(String.join(" ", extra)).isEqualTo(ok(fromFile).out());
            assertThat(stored.err()).contains("dataset " + id + ": exports from exports.csv");
        }

        // a malformed file stores nothing; an activity dataset is not exports
        Path bad = write("dup.csv", "year,location,product,value\n2020,A,0101,5\n2020,A,0101,6\n");
        CliRun r = klaster("import", "exports", bad.toString(), "--db", db);
        assertThat(r.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(r.err()).contains("dup.csv, line 3: year 2020, location \"A\", product \"0101\" appears twice (first on line 2)");
        assertThat(ok("datasets", "--db", db, "--format", "csv").csv()).hasSize(1);
        String act = ok("import", "activity", write("act.csv", "region,industry,year,employment\nRU-SAM,29,2024,10\n")
                .toString(), "--db", db).out().strip();
        CliRun notExports = klaster("complexity", "--dataset", act, "--db", db);
        assertThat(notExports.code()).isEqualTo(Klaster.IMPOSSIBLE);
        assertThat(notExports.err()).contains("holds activity; this needs exports");
    }

    private static double num(Map<String, String> row, String column) {
        return Double.parseDouble(row.get(column));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
