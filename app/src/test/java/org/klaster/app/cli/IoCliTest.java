package org.klaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.klaster.app.cli.CliRun.klaster;
import static org.klaster.app.cli.CliRun.ok;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.app.Klaster;

/** {@code klaster io multipliers|shock|extract} end to end, against hand computations. */
class IoCliTest {

    @TempDir
    Path dir;

    Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    /*
     * Miller & Blair (2009), section 2.3, two sectors:
     *   Z = [[150, 500], [200, 100]], f = [350, 1700], x = [1000, 2000];
     *   value added so that columns balance: va_1 = 1000 − 150 − 200 = 650, va_2 = 2000 − 500 − 100 = 1400.
     * A = Z·diag(x)⁻¹ = [[0.15, 0.25], [0.2, 0.05]];
     * I − A = [[0.85, −0.25], [−0.2, 0.95]], det = 0.85·0.95 − 0.25·0.2 = 0.8075 − 0.05 = 0.7575;
     * L = (1/0.7575)·[[0.95, 0.25], [0.2, 0.85]] = [[1.254125, 0.330033], [0.264026, 1.122112]].
     * Output multipliers (column sums of L): (0.95 + 0.2)/0.7575 = 1.15/0.7575 = 1.518152 and
     * (0.25 + 0.85)/0.7575 = 1.1/0.7575 = 1.452145. (Not 1.5 and 1.375: those would need different A.)
     * Σ_ij L = 2.25/0.7575, so BL = 2·1.15/2.25 = 1.022222 and 2·1.1/2.25 = 0.977778.
     * B = diag(x)⁻¹·Z = [[0.15, 0.5], [0.1, 0.05]]; det(I − B) = 0.7575 as well;
     * G = (1/0.7575)·[[0.95, 0.5], [0.1, 0.85]]; row sums 1.45/0.7575 and 0.95/0.7575;
     * FL = 2·1.45/2.4 = 1.208333 and 2·0.95/2.4 = 0.791667. Key sector: S1 (BL > 1 and FL > 1).
     * v = va/x = [0.65, 0.7]; vᵀL = [(0.65·0.95 + 0.7·0.2), (0.65·0.25 + 0.7·0.85)]/0.7575
     *   = [0.7575, 0.7575]/0.7575 = [1, 1] (balanced, no imports: every unit of demand becomes VA).
     */
    static final String MILLER_BLAIR = """
            code,S1,S2,fd:households,fd:exports,total_output
            S1,150,500,300,50,1000
            S2,200,100,1500,200,2000
            value_added,650,1400,,,
            """;

    static final double DET = 0.7575;

    @Test
    void multipliersOfTheMillerBlairTable() throws IOException {
        Path f = write("io.csv", MILLER_BLAIR);
        CliRun r = ok("io", "multipliers", "--table", f.toString(), "--format", "csv");
        assertThat(r.header()).isEqualTo("sector,output,output_multiplier,backward_linkage,forward_linkage,key_sector,"
                + "import_content,value_added_multiplier");
        assertThat(r.csv()).hasSize(2);
        assertThat(r.num("S1", "output")).isEqualTo(1000);
        assertThat(r.num("S2", "output")).isEqualTo(2000);
        assertThat(r.num("S1", "output_multiplier")).isCloseTo(1.15 / DET, within(1e-9));
        assertThat(r.num("S2", "output_multiplier")).isCloseTo(1.1 / DET, within(1e-9));
        assertThat(r.num("S1", "output_multiplier")).isCloseTo(1.518152, within(1e-6));
        assertThat(r.num("S2", "output_multiplier")).isCloseTo(1.452145, within(1e-6));
        assertThat(r.num("S1", "backward_linkage")).isCloseTo(2 * 1.15 / 2.25, within(1e-9));
        assertThat(r.num("S2", "backward_linkage")).isCloseTo(2 * 1.1 / 2.25, within(1e-9));
        assertThat(r.num("S1", "forward_linkage")).isCloseTo(2 * 1.45 / 2.4, within(1e-9));
        assertThat(r.num("S2", "forward_linkage")).isCloseTo(2 * 0.95 / 2.4, within(1e-9));
        assertThat(r.row("S1").get("key_sector")).isEqualTo("true");
        assertThat(r.row("S2").get("key_sector")).isEqualTo("false");
        assertThat(r.row("S1").get("import_content")).isEmpty(); // no import rows: undefined, printed empty
        assertThat(r.num("S1", "value_added_multiplier")).isCloseTo(1, within(1e-9));
        assertThat(r.num("S2", "value_added_multiplier")).isCloseTo(1, within(1e-9));
        assertThat(r.err()).contains("note: largest column-balance gap 0 % (sector");
    }

    @Test
    void jsonPrintsUndefinedAsNull() throws IOException {
        Path f = write("io.csv", MILLER_BLAIR);
        CliRun r = ok("io", "multipliers", "--table", f.toString(), "--format", "json");
        assertThat(r.out()).contains("\"import_content\" : null");
    }

    /*
     * --demand S1=-0.2: Δf = (−0.2·350, 0) = (−70, 0); Δx = L·Δf = (−70·0.95, −70·0.2)/0.7575
     * = (−87.788779, −18.481848); % of x: −8.778878 % and −0.924092 %;
     * TOTAL: −70·1.15/0.7575 = −106.270627 on a baseline of 3000 (−3.542354 %).
     */
    @Test
    void demandShockByHand() throws IOException {
        Path f = write("io.csv", MILLER_BLAIR);
        CliRun r = ok("io", "shock", "--table", f.toString(), "--demand", "S1=-0.2", "--format", "csv");
        assertThat(r.header()).isEqualTo("sector,baseline_output,output_change,output_change_pct");
        assertThat(r.csv()).extracting(m -> m.get("sector")).containsExactly("S1", "S2", "TOTAL");
        assertThat(r.num("S1", "output_change")).isCloseTo(-70 * 0.95 / DET, within(1e-9));
        assertThat(r.num("S2", "output_change")).isCloseTo(-70 * 0.2 / DET, within(1e-9));
        assertThat(r.num("S1", "output_change_pct")).isCloseTo(-8.778878, within(1e-6));
        assertThat(r.num("S2", "output_change_pct")).isCloseTo(-0.924092, within(1e-6));
        assertThat(r.num("TOTAL", "baseline_output")).isEqualTo(3000);
        assertThat(r.num("TOTAL", "output_change")).isCloseTo(-70 * 1.15 / DET, within(1e-9));
        assertThat(r.num("TOTAL", "output_change_pct")).isCloseTo(-100 * 70 * 1.15 / DET / 3000, within(1e-9));
    }

    /*
     * S1 −20 %, S2 +10 %: Δf = (−70, +170); Δx_1 = (0.95·−70 + 0.25·170)/0.7575 = −24/0.7575,
     * Δx_2 = (0.2·−70 + 0.85·170)/0.7575 = 130.5/0.7575. Repeated and comma-separated flags agree.
     */
    @Test
    void shockFlagSyntaxVariants() throws IOException {
        Path f = write("io.csv", MILLER_BLAIR);
        CliRun comma = ok("io", "shock", "--table", f.toString(), "--demand", "S1=-0.2,S2=0.1", "--format", "csv");
        CliRun repeated = ok("io", "shock", "--table", f.toString(), "--demand", "S1=-0.2", "--demand", "S2=+0.1",
                "--format", "csv");
        CliRun equals = ok("io", "shock", "--table", f.toString(), "--demand=S2=0.1, S1=-0.2", "--format", "csv");
        assertThat(comma.out()).isEqualTo(repeated.out()).isEqualTo(equals.out());
        assertThat(comma.num("S1", "output_change")).isCloseTo(-24 / DET, within(1e-9));
        assertThat(comma.num("S2", "output_change")).isCloseTo(130.5 / DET, within(1e-9));
    }

    @Test
    void inputCutAndPerturbRun() throws IOException {
        Path f = write("io_m.csv", """
                code,S1,S2,fd:households,total_output
                S1,150,500,350,1000
                S2,200,100,1700,2000
                imports,50,100,,
                value_added,600,1300,,
                """);
        CliRun cut = ok("io", "shock", "--table", f.toString(), "--input-cut", "S1=0.5", "--format", "csv");
        // Δp = (−25, 0); Δxᵀ = ΔpᵀG → Δx = −25·(0.95, 0.5)/0.7575
        assertThat(cut.num("S1", "output_change")).isCloseTo(-25 * 0.95 / DET, within(1e-9));
        assertThat(cut.num("S2", "output_change")).isCloseTo(-25 * 0.5 / DET, within(1e-9));
        CliRun perturb = ok("io", "shock", "--table", f.toString(), "--perturb", "S2=0.1", "--format", "csv");
        assertThat(perturb.num("TOTAL", "output_change")).isNegative();
        CliRun none = klaster("io", "shock", "--table", write("mb.csv", MILLER_BLAIR).toString(), "--input-cut", "S1=0.5");
        assertThat(none.code()).isEqualTo(Klaster.IMPOSSIBLE);
        assertThat(none.err()).contains("input cut needs imports");
    }

    @Test
    void extractionRowsAreConsistent() throws IOException {
        Path f = write("io.csv", MILLER_BLAIR);
        CliRun r = ok("io", "extract", "--table", f.toString(), "--format", "csv");
        assertThat(r.header()).isEqualTo("sector,backward_extraction_loss,backward_extraction_loss_pct,"
                + "forward_extraction_loss,forward_extraction_loss_pct");
        assertThat(r.csv()).extracting(m -> m.get("sector")).containsExactly("S1", "S2");
        for (String s : List.of("S1", "S2")) {
            double back = r.num(s, "backward_extraction_loss");
            double fwd = r.num(s, "forward_extraction_loss");
            assertThat(back).isGreaterThanOrEqualTo(0);
            assertThat(fwd).isGreaterThanOrEqualTo(0);
            // balanced table: both baselines are Σx = 3000
            assertThat(r.num(s, "backward_extraction_loss_pct")).isCloseTo(100 * back / 3000, within(1e-9));
            assertThat(r.num(s, "forward_extraction_loss_pct")).isCloseTo(100 * fwd / 3000, within(1e-9));
        }
        // S1 stops buying: Ā has only column 2, x̄ solves x̄_1 = 0.25 x̄_2 + 350, x̄_2 = 0.05 x̄_2 + 1700
        double x2 = 1700 / 0.95;
        double x1 = 0.25 * x2 + 350;
        assertThat(r.num("S1", "backward_extraction_loss")).isCloseTo(3000 - x1 - x2, within(1e-6));
    }

    @Test
    void nonProductiveTableExitsOne() throws IOException {
        // A = [[0.6, 0.6], [0.6, 0.6]]: ρ(A) = 1.2 (negative final demand keeps x positive)
        Path f = write("np.csv", """
                code,A,B,fd:inventories
                A,600,600,-200
                B,600,600,-200
                """);
        Path out = dir.resolve("np-out.csv");
        CliRun r = klaster("io", "multipliers", "--table", f.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(Klaster.IMPOSSIBLE);
        assertThat(r.err()).contains("not productive: spectral radius of A is 1.20 ≥ 1").doesNotContain("Exception");
        assertThat(out).doesNotExist();
        assertThat(klaster("io", "extract", "--table", f.toString()).code()).isEqualTo(Klaster.IMPOSSIBLE);
        assertThat(klaster("io", "shock", "--table", f.toString(), "--demand", "A=0.1").code())
                .isEqualTo(Klaster.IMPOSSIBLE);
    }

    @Test
    void malformedFileExitsTwoNamingLineAndColumnAndWritesNothing() throws IOException {
        Path f = write("bad-io.csv", """
                code,S1,S2,fd:households
                S1,150,500,350
                S2,200,abc,1700
                """);
        Path out = dir.resolve("out.csv");
        CliRun r = klaster("io", "multipliers", "--table", f.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(r.err()).contains("bad-io.csv, line 3, column \"S2\": \"abc\" is not a number")
                .doesNotContain("Exception");
        assertThat(out).doesNotExist();
        assertThat(r.out()).isEmpty();
    }

    @Test
    void imbalanceIsAnErrorUnlessAllowed() throws IOException {
        Path f = write("imb.csv", """
                code,S1,S2,fd:households,total_output
                S1,150,500,350,1000
                S2,200,100,1700,2100
                """);
        CliRun refused = klaster("io", "multipliers", "--table", f.toString());
        assertThat(refused.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(refused.err()).contains("imb.csv, line 3, column \"total_output\": total_output of sector S2 is 2100");
        CliRun allowed = ok("io", "multipliers", "--table", f.toString(), "--allow-imbalance", "--format", "csv");
        assertThat(allowed.err()).contains("warning: imb.csv: row balance: total_output of sector S2 is 2100");
        assertThat(allowed.num("S2", "output")).isEqualTo(2000);
    }

    @Test
    void shockUsageErrorsExitTwo() throws IOException {
        Path f = write("io.csv", MILLER_BLAIR);
        CliRun unknown = klaster("io", "shock", "--table", f.toString(), "--demand", "S9=0.1");
        assertThat(unknown.code()).isEqualTo(Klaster.BAD_INPUT);
        // the message names the whole command (a user may have several io commands in a script)
        assertThat(unknown.err()).startsWith("klaster io shock: --demand: unknown sector \"S9\" (the table's sectors: S1, S2)");
        CliRun syntax = klaster("io", "shock", "--table", f.toString(), "--demand", "S1:0.1");
        assertThat(syntax.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(syntax.err()).contains("--demand: expects SECTOR=r pairs such as S1=-0.2, got “S1:0.1”");
        CliRun notNumber = klaster("io", "shock", "--table", f.toString(), "--demand", "S1=ten");
        assertThat(notNumber.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(notNumber.err()).contains("“ten” is not a number");
        CliRun twice = klaster("io", "shock", "--table", f.toString(), "--demand", "S1=0.1,S1=0.2");
        assertThat(twice.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(twice.err()).contains("sector \"S1\" is given twice");
        CliRun both = klaster("io", "shock", "--table", f.toString(), "--demand", "S1=0.1", "--perturb", "S2=0.1");
        assertThat(both.code()).isEqualTo(Klaster.BAD_INPUT);
        CliRun neither = klaster("io", "shock", "--table", f.toString());
        assertThat(neither.code()).isEqualTo(Klaster.BAD_INPUT);
        CliRun noTable = klaster("io", "multipliers");
        assertThat(noTable.code()).isEqualTo(Klaster.BAD_INPUT);
        CliRun noSubcommand = klaster("io");
        assertThat(noSubcommand.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(noSubcommand.err()).contains("needs a subcommand: multipliers, shock, extract, regionalise, leakage, suppliers or localise");
    }

    @Test
    void inactiveSectorPrintsEmptyValues() throws IOException {
        Path f = write("inactive.csv", """
                code,S1,S2,S3,fd:households
                S1,150,500,0,350
                S2,200,100,0,1700
                S3,0,0,0,0
                """);
        CliRun r = ok("io", "multipliers", "--table", f.toString(), "--format", "csv");
        assertThat(r.row("S3").get("output")).isEqualTo("0");
        assertThat(r.row("S3").get("output_multiplier")).isEmpty();
        assertThat(r.row("S3").get("key_sector")).isEmpty();
        assertThat(r.err()).contains("warning: inactive.csv: inactive sectors (zero total output)");
        assertThat(r.num("S1", "output_multiplier")).isCloseTo(1.15 / DET, within(1e-9));
    }
}
