package org.klaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.klaster.app.cli.CliRun.klaster;
import static org.klaster.app.cli.CliRun.ok;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.app.Klaster;
import org.klaster.data.formats.IoTableReader;
import org.klaster.inputoutput.Multipliers;
import org.klaster.inputoutput.RegionalEmployment;
import org.klaster.inputoutput.Regionalisation;

/**
 * {@code klaster io regionalise} end to end: the hand-worked three-sector region of the core test
 * (RegionalisationThreeSectorTest) written as io.csv and read back by {@code io multipliers}; bad input.
 */
class RegionaliseCliTest {

    @TempDir
    Path dir;

    Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    /** Z = [[20, 40, 10], [30, 10, 60], [10, 20, 20]], x = [200, 200, 100]; columns balance. */
    static final String TABLE = """
            code,10,20,30,fd:households,fd:exports,total_output
            10,20,40,10,100,30,200
            20,30,10,60,60,40,200
            30,10,20,20,50,0,100
            imports,40,30,5,,,
            value_added,100,100,5,,,
            """;

    /**
     * 2024: R1 employs 100 in sector 10 (as 10.1 and 10.2), 100 in 20, 200 in 30 (as 30.5) and 100 in 99, an
     * industry outside the table: E_r = 500. R2 the rest: the nation 1 000, 2 000, 1 000 and 1 000, E_n = 5 000.
     * R3 has rows of 2023 only.
     */
    static final String ACTIVITY = """
            region,industry,year,employment
            R1,10.1,2024,60
            R1,10.2,2024,40
            R1,20,2024,100
            R1,30.5,2024,200
            R1,99,2024,100
            R2,10,2024,900
            R2,20,2024,1900
            R2,30,2024,800
            R2,99,2024,900
            R3,10,2023,50
            """;

    @Test
    void theHandWorkedRegionByCilqAndItsMultipliersReadBack() throws IOException {
        Path table = write("io.csv", TABLE);
        Path activity = write("activity.csv", ACTIVITY);
        Path out = dir.resolve("r1.csv");
        CliRun r = ok("io", "regionalise", "--table", table.toString(), "--activity", activity.toString(), "--region", "R1",
                "--method", "cilq", "--out", out.toString());
        assertThat(r.out()).isEmpty();
        // the industry outside the table is said, and the summary: E_r/E_n = 10 %, output 50 of 500 = 10 %
        assertThat(r.err()).contains("warning: industries of the activity that make no sector of the table count only in the"
                + " totals of the region and the nation: 99 (20.0 % of national employment in 2024)");
        assertThat(r.err()).contains("note: R1 in 2024: 10.00 % of national employment, 10.00 % of national output; method cilq");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("code,10,20,30,fd:households,fd:exports,fd:other_regions,total_output");
        assertThat(lines).extracting(l -> l.split(",", -1)[0]).containsExactly("code", "10", "20", "30", "imports", "value_added");
        // the numbers of RegionalisationThreeSectorTest: Z_r, s_i·F, sales to other regions, x_r; imports; value added
        double[][] expected = {
            {2, 2, 1, 10, 3, 2, 20},
            {1.5, 0.25, 3, 3, 2, 0.25, 10},
            {1, 1, 4, 10, 0, 4, 20}};
        for (int i = 0; i < 3; i++) {
            String[] cells = lines.get(i + 1).split(",", -1);
            for (int c = 0; c < expected[i].length; c++) {
                assertThat(Double.parseDouble(cells[c + 1])).as("line %d, cell %d", i + 2, c + 2).isCloseTo(expected[i][c], within(1e-12));
            }
        }
        assertNumbers(lines.get(4), new double[] {5.5, 1.75, 11});
        assertNumbers(lines.get(5), new double[] {10, 5, 1});
        assertThat(lines.get(4)).endsWith(",,,,");

        // read back as any table: the output multipliers are the column sums of (I − R)⁻¹ worked by cofactors
        CliRun m = ok("io", "multipliers", "--table", out.toString(), "--format", "csv");
        double det = 0.6721875;
        assertThat(m.num("10", "output_multiplier")).isCloseTo(0.88875 / det, within(1e-12));
        assertThat(m.num("20", "output_multiplier")).isCloseTo(0.9825 / det, within(1e-12));
        assertThat(m.num("30", "output_multiplier")).isCloseTo(1.08 / det, within(1e-12));
        for (String s : List.of("10", "20", "30")) {
            // imports now include purchases from other regions: still, each unit of demand becomes VA or a purchase elsewhere
            assertThat(m.num(s, "import_content") + m.num(s, "value_added_multiplier")).isCloseTo(1.0, within(1e-12));
        }
        // shocks and extraction run on it too
        CliRun shock = ok("io", "shock", "--table", out.toString(), "--demand", "30=-0.5", "--format", "csv");
        assertThat(shock.num("TOTAL", "output_change")).isNegative();
        assertThat(ok("io", "extract", "--table", out.toString(), "--format", "csv").csv()).hasSize(3);
    }

    @Test
    void flqByDefaultAndTheFileReadsBackToTheSameMultipliers() throws IOException {
        Path table = write("io.csv", TABLE);
        Path activity = write("activity.csv", ACTIVITY);
        Path out = dir.resolve("r1.csv");
        CliRun r = ok("io", "regionalise", "--table", table.toString(), "--activity", activity.toString(), "--region", "R1",
                "--out", out.toString());
        assertThat(r.err()).contains("method flq, δ 0.3, λ 0.5514");
        // the file against the table computed in memory: CSV numbers are exact, so the multipliers agree to rounding
        RegionalEmployment e = new RegionalEmployment(new double[] {100, 100, 200}, 500, new double[] {1000, 2000, 1000}, 5000);
        var inMemory = Multipliers.compute(Regionalisation.regionalise(IoTableReader.load(table, null, false).table(), e,
                Regionalisation.Method.FLQ, 0.3).table());
        CliRun m = ok("io", "multipliers", "--table", out.toString(), "--format", "csv");
        CliRun national = ok("io", "multipliers", "--table", table.toString(), "--format", "csv");
        for (int j = 0; j < 3; j++) {
            String s = inMemory.get(j).sector();
            assertThat(m.num(s, "output_multiplier")).isCloseTo(inMemory.get(j).outputMultiplier(), within(1e-13));
            assertThat(m.num(s, "output_multiplier")).isLessThan(national.num(s, "output_multiplier"));
        }
        // stdout without --out: the same bytes
        CliRun stdout = ok("io", "regionalise", "--table", table.toString(), "--activity", activity.toString(), "--region", "R1",
                "--format", "csv");
        assertThat(stdout.out()).isEqualTo(Files.readString(out));
    }

    @Test
    void employmentMissingSectorsOfTheTableIsNamed() throws IOException {
        Path table = write("io.csv", TABLE);
        Path activity = write("activity.csv", """
                region,industry,year,employment
                R1,10,2024,10
                R1,20,2024,10
                R2,10,2024,10
                """);
        Path out = dir.resolve("never.csv");
        CliRun r = klaster("io", "regionalise", "--table", table.toString(), "--activity", activity.toString(), "--region", "R1",
                "--out", out.toString());
        assertThat(r.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(r.err()).isEqualTo("klaster io regionalise: activity.csv: no employment in 2024 for these"
                + " sectors of the table, which have output: 30; the activity's industries must be the table's sector codes or finer"
                + " codes of them, or be linked to the sectors by a sector map (--sector-map)\n");
        assertThat(out).doesNotExist();
    }

    @Test
    void aRegionNotInTheFileIsNamedWithExitOne() throws IOException {
        Path table = write("io.csv", TABLE);
        Path activity = write("activity.csv", ACTIVITY);
        CliRun r = klaster("io", "regionalise", "--table", table.toString(), "--activity", activity.toString(), "--region", "R9");
        assertThat(r.code()).isEqualTo(Klaster.IMPOSSIBLE);
        assertThat(r.err()).isEqualTo("klaster io regionalise: --region: region R9 is not in activity.csv (its regions: R1, R2, R3)\n");
        CliRun ru = klaster("io", "regionalise", "--table", table.toString(), "--activity", activity.toString(), "--region", "R9",
                "--lang", "ru");
        assertThat(ru.err()).contains("--region: региона R9 нет в activity.csv");
        // a region of the file without employment in the year
        CliRun r3 = klaster("io", "regionalise", "--table", table.toString(), "--activity", activity.toString(), "--region", "R3");
        assertThat(r3.code()).isEqualTo(Klaster.IMPOSSIBLE);
        assertThat(r3.err()).isEqualTo("klaster io regionalise: region R3 has no employment in activity.csv in 2024\n");
    }

    /** A table of another classification (OKPD products 15.1, 15.2, 16) against OKVED2 employment. */
    static final String OTHER_CLASSIFICATION = """
            code,15.1,15.2,16,fd:households,total_output
            15.1,20,40,10,130,200
            15.2,30,10,60,100,200
            16,10,20,20,50,100
            value_added,140,130,10,,
            """;

    @Test
    void mismatchedClassificationsAreNamedAndASectorMapBridgesThem() throws IOException {
        Path table = write("okpd.csv", OTHER_CLASSIFICATION);
        Path activity = write("activity.csv", ACTIVITY);
        CliRun r = klaster("io", "regionalise", "--table", table.toString(), "--activity", activity.toString(), "--region", "R1");
        assertThat(r.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(r.err()).startsWith("klaster io regionalise: activity.csv: no employment in 2024 for"
                + " these sectors of the table, which have output: 15.1, 15.2, 16;");

        // food 15.1 and 15.2 from division 10, tobacco 16 from 20 (a made-up link, for the arithmetic)
        Path map = write("map.csv", "sector,industry\n15.1,10\n15.2,10\n16,20\n");
        Path out = dir.resolve("r1.csv");
        CliRun bridged = ok("io", "regionalise", "--table", table.toString(), "--activity", activity.toString(), "--region", "R1",
                "--sector-map", map.toString(), "--out", out.toString());
        assertThat(bridged.err()).contains("note: these sectors share one industry's employment in proportion to their national"
                + " output, so they have one location quotient: 15.1, 15.2");
        // s = 100/1000 for both food sectors: x_r = 20, 20; tobacco from 20: 100/2000 → 5; no import rows: a warning
        CliRun m = ok("io", "multipliers", "--table", out.toString(), "--format", "csv");
        assertThat(m.num("15.1", "output")).isCloseTo(20, within(1e-9));
        assertThat(m.num("15.2", "output")).isCloseTo(20, within(1e-9));
        assertThat(m.num("16", "output")).isCloseTo(5, within(1e-9));
        assertThat(bridged.err()).contains("warning: the table has no import rows");

        // a sector map naming a sector the table does not have: its line and column
        Path bad = write("bad.csv", "sector,industry\n15.1,10\n15.3,10\n16,20\n");
        CliRun refused = klaster("io", "regionalise", "--table", table.toString(), "--activity", activity.toString(),
                "--region", "R1", "--sector-map", bad.toString());
        assertThat(refused.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(refused.err()).isEqualTo("klaster io regionalise: bad.csv, line 3, column \"sector\": \"15.3\" is not a sector"
                + " of the table (its sectors: \"15.1\", \"15.2\", \"16\")\n");
        // a map that leaves a sector without employment: named, with the map's part in it
        Path thin = write("thin.csv", "sector,industry\n15.1,10\n15.2,10\n16,77\n");
        CliRun thinRun = klaster("io", "regionalise", "--table", table.toString(), "--activity", activity.toString(),
                "--region", "R1", "--sector-map", thin.toString());
        assertThat(thinRun.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(thinRun.err()).contains("activity.csv: no employment in 2024 for these sectors of the"
                + " table, which have output: 16; no industry the sector map links to them has employment in the activity");
    }

    @Test
    void badFlagsAreRefusedBeforeAnythingIsRead() throws IOException {
        Path table = write("io.csv", TABLE);
        Path activity = write("activity.csv", ACTIVITY);
        Map<List<String>, String> cases = Map.of(
                List.of("--method", "lq"), "--method: “lq” is not one of slq, cilq, flq",
                List.of("--delta", "1.5"), "--delta: Flegg's δ must be a number from 0 to 1, got 1.5",
                List.of("--year", "2019"), "--year: 2019 is not a year of the data (years: 2023–2024)");
        cases.forEach((flags, message) -> {
            List<String> args = new java.util.ArrayList<>(List.of("io", "regionalise", "--table", table.toString(), "--activity",
                    activity.toString(), "--region", "R1"));
            args.addAll(flags);
            CliRun r = klaster(args.toArray(String[]::new));
            assertThat(r.code()).as(flags.toString()).isEqualTo(Klaster.BAD_INPUT);
            assertThat(r.err()).isEqualTo("klaster io regionalise: " + message + "\n");
        });
    }

    private static void assertNumbers(String line, double[] expected) {
        String[] cells = line.split(",", -1);
        for (int c = 0; c < expected.length; c++) {
            assertThat(Double.parseDouble(cells[c + 1])).isCloseTo(expected[c], within(1e-12));
        }
    }
}
