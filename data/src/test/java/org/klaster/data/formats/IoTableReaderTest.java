package org.klaster.data.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.klaster.inputoutput.IoTable;

/** {@link IoTableReader}: the io.csv matrix layout (formats.md §2), good files and a corpus of bad ones. */
class IoTableReaderTest {

    @TempDir
    Path dir;

    static Stream<Arguments> corpus() {
        return Stream.of(
                // file, line, column (null = none), fragment of the message
                bad("unknown_row.csv", 4, "code", "unknown row code \"S3\": expected a sector of the header (S1, S2)"),
                bad("missing_sector_row.csv", 0, null, "sector row \"S2\" is missing"),
                bad("duplicate_row.csv", 4, "code", "row \"S2\" appears twice (first on line 3)"),
                bad("duplicate_column.csv", 1, null, "column \"S1\" appears twice (columns 2 and 3)"),
                bad("order_mismatch.csv", 2, "code", "row \"S2\" is out of order"),
                bad("non_numeric_z.csv", 3, "S1", "\"abc\" is not a number"),
                bad("empty_z.csv", 2, "S2", "the intermediate flow is empty; an empty cell is a missing value"),
                bad("negative_z.csv", 3, "S2", "intermediate flow \"-5\" is negative"),
                bad("imbalance.csv", 3, "total_output",
                        "total_output of sector S2 is 2100 but its row sums to 2000 (4.76 % apart"),
                bad("both_imports.csv", 6, "code", "import: rows and an imports row cannot both be given"),
                bad("imports_total_output.csv", 4, "total_output", "the total_output cell of row \"imports\" must be empty"),
                bad("first_column_not_code.csv", 1, "sector", "the first column must be \"code\""),
                bad("no_final_demand.csv", 1, null, "no final-demand column"),
                bad("bad_final_demand.csv", 3, "fd:exports", "\"12x\" is not a number"),
                bad("import_unknown_sector.csv", 4, "code", "row \"import:S9\" names no sector of the header"),
                bad("negative_import.csv", 4, "S1", "imported input \"-1\" is negative"),
                bad("empty_final_demand.csv", 2, "fd:households", "the final demand is empty"),
                bad("value_added_twice.csv", 5, "code", "row \"value_added\" appears twice (first on line 4)"),
                bad("missing_import_row.csv", 0, null, "row \"import:S2\" is missing"),
                bad("fd_after_total.csv", 1, "fd:households", "comes after \"total_output\""),
                bad("empty_value_added.csv", 4, "S2", "the value added is empty"),
                bad("decimal_comma_negative.csv", 3, "S2", "intermediate flow \"-0,5\" is negative"),
                bad("no_sectors.csv", 1, null, "no sector columns"));
    }

    private static Arguments bad(String file, long line, String column, String fragment) {
        return Arguments.of(file, line, column, fragment);
    }

    private static Path fixture(String name) {
        try {
            return Path.of(Objects.requireNonNull(IoTableReaderTest.class.getResource("/formats/io-bad/" + name),
                    name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void malformedFilesAreRefusedNamingLineAndColumn(String file, long line, String column, String fragment) {
        InputException e = catchThrowableOfType(InputException.class,
                () -> IoTableReader.read(fixture(file), null, false));
        MalformedCorpus.assertRefused(e, file, line, column, fragment);
    }

    @Test
    void everyFixtureHasAnExpectation() throws Exception {
        MalformedCorpus.assertEveryFixtureHasAnExpectation(fixture("unknown_row.csv").getParent(), corpus());
    }

    @Test
    void imbalanceIsAWarningWhenAllowed() throws Exception {
        IoTableReader.Result r = IoTableReader.load(fixture("imbalance.csv"), null, true);
        assertThat(r.table().totalOutput()).containsExactly(1000, 2000);
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w.toString()).contains("total_output of sector S2 is 2100"));
    }

    private Path write(String name, String content, Charset cs) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, content.getBytes(cs));
        return p;
    }

    private static void assertMillerBlair(IoTable t) {
        assertThat(t.sectors()).containsExactly("S1", "S2");
        assertThat(t.intermediate().toRows()).isDeepEqualTo(new double[][] {{150, 500}, {200, 100}});
        assertThat(t.totalOutput()[0]).isCloseTo(1000, within(1e-9));
        assertThat(t.totalOutput()[1]).isCloseTo(2000, within(1e-9));
        assertThat(t.valueAdded()).containsExactly(650, 1400);
    }

    @Test
    void commaSeparated() throws Exception {
        Path f = write("io.csv", "code,S1,S2,fd:households,fd:exports,total_output\n"
                + "S1,150,500,300,50,1000\n"
                + "S2,200,100,1500,200,2000\n"
                + "value_added,650,1400,,,\n", StandardCharsets.UTF_8);
        IoTableReader.Result r = IoTableReader.load(f, null, false);
        assertMillerBlair(r.table());
        assertThat(r.table().finalDemandCategories()).containsExactly("fd:households", "fd:exports");
        assertThat(r.table().givenTotalOutput()).containsExactly(1000, 2000);
        assertThat(r.validation().largestColumnGap()).isCloseTo(0, within(1e-12));
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void semicolonWithDecimalCommaInWindows1251() throws Exception {
        Path f = write("io_ru.csv", "Code;S1;S2;fd:домохозяйства;total_output\n"
                + "S1;150,0;500;350;1 000\n"
                + "S2;200;100;1700;2000,0\n"
                + "imports;0,5;0;;\n"
                + "value_added;649,5;1400;;\n", Charset.forName("windows-1251"));
        IoTable t = IoTableReader.read(f, null, false);
        assertMillerBlair(withoutImports(t));
        assertThat(t.imports()).containsExactly(0.5, 0);
        assertThat(t.finalDemandCategories()).containsExactly("fd:домохозяйства");
    }

    private static IoTable withoutImports(IoTable t) {
        return new IoTable(t.sectors(), t.names(), t.intermediate(), t.finalDemandCategories(), t.finalDemand(), null,
                null, null, new double[] {650, 1400}, t.givenTotalOutput());
    }

    @Test
    void importMatrixRowsAndExtraColumnWarning() throws Exception {
        Path f = write("io_m.csv", "code,A,B,fd:households,note\n"
                + "A,10,20,70,x\n"
                + "B,5,5,90,\n"
                + "import:B,1,2,3,\n"
                + "import:A,0,4,,\n", StandardCharsets.UTF_8);
        IoTableReader.Result r = IoTableReader.load(f, null, false);
        IoTable t = r.table();
        assertThat(t.importMatrix().toRows()).isDeepEqualTo(new double[][] {{0, 4}, {1, 2}});
        assertThat(t.intermediateImports()).containsExactly(1, 6);
        assertThat(Double.isNaN(t.importsFinalUse().get(0, 0))).isTrue();
        assertThat(t.importsFinalUse().get(1, 0)).isEqualTo(3);
        assertThat(r.warnings()).extracting(Object::toString).containsExactly(
                "io_m.csv: column \"note\" is not part of the io format (sectors come before the fd: columns) and was ignored");
    }

    @Test
    void xlsxNamedSheet() throws Exception {
        Path f = dir.resolve("io.xlsx");
        try (OutputStream os = Files.newOutputStream(f); Workbook wb = new Workbook(os, "Klaster test", "1.0")) {
            Worksheet other = wb.newWorksheet("Notes");
            other.value(0, 0, "see the IO sheet");
            Worksheet ws = wb.newWorksheet("IO");
            Object[][] cells = {
                    {"code", "S1", "S2", "fd:households", "total_output"},
                    {"S1", 150, 500, 350, 1000},
                    {"S2", 200, 100, 1700, 2000},
                    {"value_added", 650, 1400, null, null}};
            for (int r = 0; r < cells.length; r++) {
                for (int c = 0; c < cells[r].length; c++) {
                    Object v = cells[r][c];
                    if (v instanceof String s) ws.value(r, c, s);
                    else if (v instanceof Number x) ws.value(r, c, x);
                }
            }
        }
        assertMillerBlair(IoTableReader.read(f, "IO", false));
        InputException e = catchThrowableOfType(InputException.class, () -> IoTableReader.read(f, null, false));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith("io.xlsx, sheet \"Notes\"");
    }

    @Test
    void xlsxErrorNamesSheetRowAndColumn() throws Exception {
        Path f = dir.resolve("bad.xlsx");
        try (OutputStream os = Files.newOutputStream(f); Workbook wb = new Workbook(os, "Klaster test", "1.0")) {
            Worksheet ws = wb.newWorksheet("IO");
            List<Object[]> rows = List.of(new Object[] {"code", "S1", "fd:households"}, new Object[] {"S1", -3, 10});
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).length; c++) {
                    Object v = rows.get(r)[c];
                    if (v instanceof String s) ws.value(r, c, s);
                    else ws.value(r, c, (Number) v);
                }
            }
        }
        InputException e = catchThrowableOfType(InputException.class, () -> IoTableReader.read(f, null, false));
        assertThat(e.getMessage()).isEqualTo("bad.xlsx, sheet \"IO\", row 2, column \"S1\": intermediate flow \"-3\""
                + " is negative; flows between sectors cannot be negative");
    }
}
