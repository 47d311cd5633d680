package org.klaster.data.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.inputoutput.IoTable;
import org.klaster.inputoutput.LeontiefModel;
import org.klaster.inputoutput.Multipliers;
import org.klaster.linalg.DenseMatrix;

/**
 * Rosstat's basic input–output tables of 2016 (the public workbook in ../shared/data/io). The oracle
 * is the workbook's own published total-requirement coefficients «КПЗ отеч» (×1000), read here
 * independently of the reader; cell values are also cross-checked against the derived CSV dumps of
 * the symmetric sheets (SOURCES.md §io), which are a second, independent reading of the same cells.
 */
class RosstatIoReaderTest {

    private static Path dir;
    private static Path xlsx;
    private static RosstatIoReader.Result result;

    @BeforeAll
    static void read() throws IOException {
        dir = Path.of(System.getProperty("klaster.shared.data", "../shared/data"), "io");
        xlsx = dir.resolve("rosstat_io_basic_tables_2016.xlsx");
        if (Files.isRegularFile(xlsx)) {
            result = RosstatIoReader.read(xlsx);
        }
    }

    private static void requireData() {
        Assumptions.assumeTrue(result != null, "shared public data not available (" + xlsx
                + "); the Rosstat 2016 checks are skipped");
    }

    @Test
    void reproducesThePublishedTotalRequirementCoefficients() throws IOException {
        requireData();
        IoTable t = result.table();
        LeontiefModel model = LeontiefModel.of(t);
        assertThat(model.size()).as("every product has output").isEqualTo(98);
        DenseMatrix l = model.leontiefInverse();
        double[][] published = publishedDomesticCoefficients(t.sectors());
        double maxAbs = 0;
        List<Double> rel = new ArrayList<>();
        for (int i = 0; i < 98; i++) {
            for (int j = 0; j < 98; j++) {
                double p = published[i][j];
                double gap = Math.abs(l.get(i, j) - p);
                maxAbs = Math.max(maxAbs, gap);
                if (p != 0) {
                    rel.add(gap / Math.abs(p));
                } else {
                    assertThat(l.get(i, j)).as("L[%d][%d] where «КПЗ отеч» publishes 0", i, j).isEqualTo(0.0);
                }
            }
        }
        double median = median(rel);
        // measured: max 1.14e-4, median 2.42e-4 over the 9,314 non-zero published coefficients (the other 290
        // are 0 in both)
        assertThat(maxAbs).isLessThanOrEqualTo(2e-4);
        assertThat(median).isLessThan(1e-3);
        System.out.printf("Rosstat 2016 L vs «КПЗ отеч»: max abs %.3g, median rel %.3g over %d coefficients%n",
                maxAbs, median, rel.size());
    }

    /** The engine's x is the row sum; the reader's rounding column makes it exactly P1 of «Симм ТЗВ». */
    @Test
    void outputIsRowP1OfTheTotalTable() throws IOException {
        requireData();
        IoTable t = result.table();
        double[] p1 = csvRow("total", "P1");
        double[] x = t.totalOutput();
        for (int i = 0; i < 98; i++) {
            assertThat(x[i]).as("x of %s", t.sectors().get(i)).isCloseTo(p1[i], org.assertj.core.data.Offset.offset(1e-6));
            assertThat(t.givenTotalOutput()[i]).isEqualTo(p1[i]);
        }
        assertThat(result.validation().ok()).isTrue();
    }

    @Test
    void codesNamesAndFinalDemandCategories() throws IOException {
        requireData();
        IoTable t = result.table();
        List<CSVRecord> columns = csv(dir.resolve("rosstat_siot_2016_columns.csv"));
        List<CSVRecord> domestic = csv(dir.resolve("rosstat_siot_2016_domestic.csv"));
        assertThat(t.sectors()).hasSize(98);
        for (int i = 0; i < 98; i++) {
            assertThat(t.sectors().get(i)).isEqualTo(columns.get(i).get("col_code"));
            assertThat(t.names().get(i)).isEqualTo(domestic.get(i).get("row_label").strip());
        }
        assertThat(t.sectors().get(0)).isEqualTo("01.1 + 01.2");
        assertThat(t.names().get(0)).isEqualTo("Продукция сельского хозяйства");
        assertThat(t.sectors()).contains("75", "90", "95");
        assertThat(t.finalDemandCategories()).containsExactly("fd:households", "fd:government", "fd:npish",
                "fd:gfcf", "fd:inventories", "fd:valuables", IoTable.EXPORTS, RosstatIoReader.ROUNDING);
        assertThat(result.sha256()).isEqualTo(sha256(xlsx));
    }

    /** Every cell read equals the derived CSV dump; F sums the mapped columns and leaves out the totals. */
    @Test
    void flowsMatchTheSheetsCellForCell() throws IOException {
        requireData();
        IoTable t = result.table();
        List<CSVRecord> dom = csv(dir.resolve("rosstat_siot_2016_domestic.csv"));
        List<CSVRecord> imp = csv(dir.resolve("rosstat_siot_2016_imports.csv"));
        for (int i = 0; i < 98; i++) {
            for (int j = 0; j < 98; j++) {
                String col = String.format("%03d", j + 1);
                assertThat(t.intermediate().get(i, j)).isEqualTo(Double.parseDouble(dom.get(i).get(col)));
                assertThat(t.importMatrix().get(i, j)).isEqualTo(Double.parseDouble(imp.get(i).get(col)));
            }
            CSVRecord r = dom.get(i);
            assertThat(t.finalDemand().get(i, 0)).isEqualTo(v(r, "100"));
            assertThat(t.finalDemand().get(i, 1)).isEqualTo(v(r, "101") + v(r, "102"));
            assertThat(t.finalDemand().get(i, 2)).isEqualTo(v(r, "103"));
            assertThat(t.finalDemand().get(i, 3)).isEqualTo(v(r, "105"));
            assertThat(t.finalDemand().get(i, 4)).isEqualTo(v(r, "106"));
            assertThat(t.finalDemand().get(i, 5)).isEqualTo(v(r, "107"));
            assertThat(t.finalDemand().get(i, 6)).isEqualTo(v(r, "109"));
            CSVRecord m = imp.get(i);
            assertThat(t.importsFinalUse().get(i, 1)).isEqualTo(v(m, "101") + v(m, "102"));
            assertThat(t.importsFinalUse().get(i, 6)).isEqualTo(v(m, "109"));
        }
        assertThat(t.valueAdded()).containsExactly(csvRow("domestic", "B1g"));
        assertThat(result.productTaxes()).containsExactly(csvRow("domestic", "D21-D31"));
    }

    /**
     * Row identity Σ_j z_ij + Σ_k f_ik (published columns) = P1_i: measured residuals −8 … +10 million RUB
     * (largest relative 9.0e-4, product 12 with output 4,423); the rounding column holds exactly them.
     */
    @Test
    void rowSumsMatchOutputWithinRosstatsRounding() throws IOException {
        requireData();
        IoTable t = result.table();
        double[] p1 = csvRow("total", "P1");
        double[] z = t.intermediate().rowSums();
        int rounding = t.finalDemandCategories().indexOf(RosstatIoReader.ROUNDING);
        double worst = 0;
        for (int i = 0; i < 98; i++) {
            double published = z[i];
            for (int k = 0; k < rounding; k++) {
                published += t.finalDemand().get(i, k);
            }
            double r = p1[i] - published;
            assertThat(t.finalDemand().get(i, rounding)).isEqualTo(r);
            worst = Math.max(worst, Math.abs(r));
        }
        assertThat(worst).isLessThanOrEqualTo(10.0);
    }

    /**
     * Column identity x_j = Σ_i z_ij + Σ_i m_ij + taxes_j + va_j: measured gaps −6 … +13. The import
     * matrix sums to the imports sheet's TOTAL row within 7 per column.
     */
    @Test
    void columnsBalanceWithTaxesAndImportMatrixMatchesTheTotalRow() throws IOException {
        requireData();
        IoTable t = result.table();
        double[] x = csvRow("total", "P1");
        double[] importTotal = csvRow("imports", "TOTAL");
        double[] zs = t.intermediate().columnSums();
        double[] ms = t.importMatrix().columnSums();
        for (int j = 0; j < 98; j++) {
            assertThat(Math.abs(ms[j] - importTotal[j])).as("imports of %s", t.sectors().get(j)).isLessThanOrEqualTo(7.0);
            double gap = x[j] - (zs[j] + ms[j] + result.productTaxes()[j] + t.valueAdded()[j]);
            assertThat(Math.abs(gap)).as("column %s", t.sectors().get(j)).isLessThanOrEqualTo(13.0);
        }
        // the grand total: measured 93 — the per-column rounding gaps (at most 7 each) accumulate over 98 columns
        assertThat(Math.abs(Arrays.stream(ms).sum() - 8_363_306)).isLessThanOrEqualTo(100.0);
        // every published total (TOTAL, P3, P5, TFU, TU, P7) agrees with its parts within rounding, so the only
        // warnings are the note on taxes and the validation's column gap that the taxes explain
        assertThat(result.warnings()).hasSize(2);
        assertThat(result.warnings().get(0).toString()).contains("D21-D31", "1151447", "5.32 % (product 16)", "balance within 13");
        assertThat(result.warnings().get(1).toString()).contains("column balance", "5.32 % (sector 16)");
    }

    /**
     * Import content + VA multiplier is not 1 here: taxes on products are a third primary input. Measured:
     * import content + VA multiplier in [0.944, 1.000]; adding the tax multiplier Σ_i t_i L_ij gives 1
     * within 6.5e-4 (rounding of the published cells).
     */
    @Test
    void importContentPlusValueAddedPlusTaxesIsOne() {
        requireData();
        IoTable t = result.table();
        List<Multipliers.Row> rows = Multipliers.compute(t);
        LeontiefModel model = LeontiefModel.of(t);
        double[] x = t.totalOutput();
        double[] taxCoefficients = new double[98];
        for (int i = 0; i < 98; i++) {
            taxCoefficients[i] = result.productTaxes()[i] / x[i];
        }
        double[] taxMultiplier = model.solveTransposed(taxCoefficients);
        double worst = 0;
        for (int j = 0; j < 98; j++) {
            double sum = rows.get(j).importContent() + rows.get(j).valueAddedMultiplier();
            assertThat(sum).isBetween(0.944, 1.0 + 1e-3);
            worst = Math.max(worst, Math.abs(sum + taxMultiplier[j] - 1));
        }
        assertThat(worst).isLessThan(1e-3);
    }

    // ------------------------------------------------------------------------ malformed copies

    @Test
    void anUnchangedCopyReadsTheSame(@TempDir Path tmp) throws IOException {
        requireData();
        Path copy = copy(tmp.resolve("copy.xlsx"), null, (s, rc) -> null);
        RosstatIoReader.Result r = RosstatIoReader.read(copy);
        assertThat(r.table().intermediate().maxAbsDifference(result.table().intermediate())).isZero();
        assertThat(r.table().totalOutput()).containsExactly(result.table().totalOutput());
    }

    @Test
    void aMissingSheetIsNamed(@TempDir Path tmp) throws IOException {
        requireData();
        Path copy = copy(tmp.resolve("no-imports.xlsx"), "Симм имп", (s, rc) -> null);
        assertThatThrownBy(() -> RosstatIoReader.read(copy)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("no-imports.xlsx: there is no sheet \"Симм имп\"");
    }

    @Test
    void textInANumberCellNamesSheetRowAndColumn(@TempDir Path tmp) throws IOException {
        requireData();
        // product 010 (sheet row 14) bought by product 002 (column E) in the domestic table
        Path copy = copy(tmp.resolve("text.xlsx"), null,
                (s, rc) -> s.equals("Симм отеч") && rc[0] == 14 && rc[1] == 4 ? "n/a" : null);
        assertThatThrownBy(() -> RosstatIoReader.read(copy)).isInstanceOfSatisfying(InputException.class, e -> {
            assertThat(e.sheet()).isEqualTo("Симм отеч");
            assertThat(e.line()).isEqualTo(14);
            assertThat(e.column()).isEqualTo("E");
        }).hasMessage("text.xlsx, sheet \"Симм отеч\", row 14, column \"E\": \"n/a\" is not a number"
                + " (leave the cell empty if the value is missing)");
    }

    /** Issue 10, probe 7: a finite but huge number cell would make every sum ∞; refused at its cell. */
    @Test
    void aNumberBeyondTenToTheEighteenthIsRefusedAtItsCell(@TempDir Path tmp) throws IOException {
        requireData();
        Path copy = copy(tmp.resolve("huge.xlsx"), null,
                (s, rc) -> s.equals("Симм отеч") && rc[0] == 14 && rc[1] == 4 ? new BigDecimal("1E+308") : null);
        assertThatThrownBy(() -> RosstatIoReader.read(copy)).isInstanceOf(InputException.class)
                .hasMessage("huge.xlsx, sheet \"Симм отеч\", row 14, column \"E\": \"1E+308\" is beyond ±10^18, the largest"
                        + " magnitude accepted (sums of such values could overflow); check the unit of the column");
    }

    @Test
    void aMissingRowCodeIsNamed(@TempDir Path tmp) throws IOException {
        requireData();
        // rename the P1 code of «Симм ТЗВ» (found by its code, as the reader does)
        int p1Row = rowOfCode("Симм ТЗВ", "P1");
        Path renamed = copy(tmp.resolve("no-p1.xlsx"), null,
                (s, rc) -> s.equals("Симм ТЗВ") && rc[1] == 1 && rc[0] == p1Row ? "PX" : null);
        assertThatThrownBy(() -> RosstatIoReader.read(renamed)).isInstanceOfSatisfying(InputException.class,
                e -> assertThat(e.sheet()).isEqualTo("Симм ТЗВ"))
                .hasMessageContaining("there is no row with code \"P1\" in column B");
    }

    @Test
    void productRowsOutOfOrderAreRefusedAtTheRow(@TempDir Path tmp) throws IOException {
        requireData();
        Path copy = copy(tmp.resolve("order.xlsx"), null,
                (s, rc) -> s.equals("Симм имп") && rc[0] == 6 && rc[1] == 1 ? "01.5" : null);
        assertThatThrownBy(() -> RosstatIoReader.read(copy)).isInstanceOfSatisfying(InputException.class, e -> {
            assertThat(e.sheet()).isEqualTo("Симм имп");
            assertThat(e.line()).isEqualTo(6);
            assertThat(e.column()).isEqualTo("B");
        }).hasMessageContaining("product row 2 has code \"01.5\" but the columns name product \"01.4\"");
    }

    @Test
    void anUnknownFinalUseColumnIsRefusedAtItsCode(@TempDir Path tmp) throws IOException {
        requireData();
        // column 107 (P53, valuables) is column DD; its code is in the row of «Коды» (sheet row 3)
        Path copy = copy(tmp.resolve("p54.xlsx"), null,
                (s, rc) -> s.equals("Симм отеч") && rc[0] == 3 && rc[1] == 107 ? "P54" : null);
        assertThatThrownBy(() -> RosstatIoReader.read(copy)).isInstanceOfSatisfying(InputException.class, e -> {
            assertThat(e.sheet()).isEqualTo("Симм отеч");
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.column()).isEqualTo("DD");
        }).hasMessageContaining("unexpected final-use column code \"P54\"");
    }

    @Test
    void anEmptyFlowCellIsRefused(@TempDir Path tmp) throws IOException {
        requireData();
        // a blank text cell where the imports of product 001 by product 001 are (D5)
        Path copy = copy(tmp.resolve("blank.xlsx"), null,
                (s, rc) -> s.equals("Симм имп") && rc[0] == 5 && rc[1] == 3 ? " " : null);
        assertThatThrownBy(() -> RosstatIoReader.read(copy))
                .hasMessage("blank.xlsx, sheet \"Симм имп\", row 5, column \"D\": the cell is empty, but a number is required");
    }

    @Test
    void sheetsListingDifferentProductsAreRefused(@TempDir Path tmp) throws IOException {
        requireData();
        // the total table's column code of product 005 (column H) renamed, its row code too
        Path copy = copy(tmp.resolve("products.xlsx"), null, (s, rc) -> s.equals("Симм ТЗВ")
                && ((rc[0] == 3 && rc[1] == 7) || (rc[0] == 9 && rc[1] == 1)) ? "05.9" : null);
        assertThatThrownBy(() -> RosstatIoReader.read(copy)).isInstanceOfSatisfying(InputException.class, e -> {
            assertThat(e.sheet()).isEqualTo("Симм ТЗВ");
            assertThat(e.column()).isEqualTo("H");
        }).hasMessageContaining("product column 5 is \"05.9\" here but \"05\" in sheet \"Симм отеч\"");
    }

    @Test
    void notAWorkbook(@TempDir Path tmp) throws IOException {
        Path csv = Files.writeString(tmp.resolve("t.csv"), "a,b\n1,2\n");
        assertThatThrownBy(() -> RosstatIoReader.read(csv)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("t.csv: is not an .xlsx workbook");
    }

    // ------------------------------------------------------------------------------- helpers

    /** «КПЗ отеч» / 1000 in the order of {@code codes}: rows and columns found by the codes in column B / the «Коды» row. */
    private static double[][] publishedDomesticCoefficients(List<String> codes) throws IOException {
        Map<String, Integer> colOf = new HashMap<>();
        Map<String, double[]> rowOf = new HashMap<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(xlsx.toFile())) {
            Sheet s = wb.findSheet("КПЗ отеч").orElseThrow();
            List<Row> rows = s.read();
            for (Row r : rows) {
                if ("Коды".equals(text(r, 1))) {
                    for (int c = 3; c < r.getCellCount(); c++) {
                        colOf.put(text(r, c), c);
                    }
                    continue;
                }
                String code = text(r, 1);
                if (!colOf.isEmpty() && codes.contains(code)) {
                    double[] v = new double[codes.size()];
                    for (int j = 0; j < codes.size(); j++) {
                        v[j] = r.getCell(colOf.get(codes.get(j))).asNumber().doubleValue() / 1000.0;
                    }
                    rowOf.put(code, v);
                }
            }
        }
        double[][] p = new double[codes.size()][];
        for (int i = 0; i < codes.size(); i++) {
            p[i] = rowOf.get(codes.get(i));
            assertThat(p[i]).as("«КПЗ отеч» row %s", codes.get(i)).isNotNull();
        }
        return p;
    }

    private static String text(Row r, int c) {
        if (c >= r.getCellCount() || r.getCell(c) == null) {
            return "";
        }
        Cell cell = r.getCell(c);
        return switch (cell.getType()) {
            case STRING -> cell.asString().strip();
            case NUMBER -> cell.asNumber().stripTrailingZeros().toPlainString();
            default -> "";
        };
    }

    private static int rowOfCode(String sheet, String code) throws IOException {
        try (ReadableWorkbook wb = new ReadableWorkbook(xlsx.toFile())) {
            for (Row r : wb.findSheet(sheet).orElseThrow().read()) {
                if (code.equals(text(r, 1))) {
                    return r.getRowNum();
                }
            }
        }
        throw new AssertionError("no row " + code + " in " + sheet);
    }

    /**
     * Writes the three symmetric sheets of the workbook to {@code target} (values only), leaving out
     * the sheet {@code drop} and replacing a cell by text where {@code override(sheet, {row, col})}
     * (1-based row, 0-based column) returns non-null.
     */
    private static Path copy(Path target, String drop, BiFunction<String, int[], Object> override) throws IOException {
        try (ReadableWorkbook in = new ReadableWorkbook(xlsx.toFile());
             OutputStream os = Files.newOutputStream(target)) {
            Workbook out = new Workbook(os, "klaster-test", "1.0");
            for (String name : List.of("Симм ТЗВ", "Симм отеч", "Симм имп")) {
                if (name.equals(drop)) {
                    continue;
                }
                Worksheet ws = out.newWorksheet(name);
                for (Row r : in.findSheet(name).orElseThrow().read()) {
                    for (int c = 0; c < r.getCellCount(); c++) {
                        Cell cell = r.getCell(c);
                        Object replaced = override.apply(name, new int[] {r.getRowNum(), c});
                        if (replaced instanceof BigDecimal number) {
                            ws.value(r.getRowNum() - 1, c, number);
                        } else if (replaced != null) {
                            ws.value(r.getRowNum() - 1, c, (String) replaced);
                        } else if (cell == null) {
                            continue;
                        } else if (cell.getType() == CellType.NUMBER) {
                            ws.value(r.getRowNum() - 1, c, cell.asNumber());
                        } else if (cell.getType() == CellType.STRING) {
                            ws.value(r.getRowNum() - 1, c, cell.asString());
                        } else if (cell.getType() == CellType.FORMULA && cell.getValue() instanceof BigDecimal b) {
                            ws.value(r.getRowNum() - 1, c, b);
                        }
                    }
                }
            }
            out.finish();
        }
        return target;
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader,
                     CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return new ArrayList<>(parser.getRecords());
        }
    }

    /** Columns 001–098 of the row with {@code code} in the derived CSV of a sheet. */
    private static double[] csvRow(String sheet, String code) throws IOException {
        for (CSVRecord r : csv(dir.resolve("rosstat_siot_2016_" + sheet + ".csv"))) {
            if (r.get("row_code").strip().equals(code)) {
                double[] v = new double[98];
                for (int j = 0; j < 98; j++) {
                    v[j] = Double.parseDouble(r.get(String.format("%03d", j + 1)));
                }
                return v;
            }
        }
        throw new AssertionError("no row " + code + " in the " + sheet + " CSV");
    }

    private static double v(CSVRecord r, String col) {
        return Double.parseDouble(r.get(col));
    }

    private static double median(List<Double> values) {
        double[] s = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
