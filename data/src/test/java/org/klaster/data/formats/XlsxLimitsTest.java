package org.klaster.data.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workbooks that would make the reader build gigabytes or spin for minutes are refused with a
 * sentence naming the file (and sheet, row and column when known) — issue 10, probe 2. Each bomb is
 * generated here ({@link XlsxBombs}); that each is refused quickly and in bounded memory is measured by
 * {@code bench/load/bomb_xlsx.sh}, not asserted here (no timed assertions in unit tests). Before
 * {@link XlsxGuard} these tests ended in an OutOfMemoryError, minutes of CPU, or a dataset.
 */
class XlsxLimitsTest {

    @TempDir
    Path dir;

    @Test
    void theBaseWorkbookOfTheBombsReads() throws Exception {
        ActivityData a = ActivityReader.read(XlsxBombs.with(dir.resolve("ok.xlsx"), XlsxBombs.SHEET,
                XlsxBombs.SHEET_START + XlsxBombs.ROW_2 + XlsxBombs.SHEET_END));
        assertThat(a.records()).hasSize(1);
        assertThat(a.records().get(0).region()).isEqualTo("RU-SAM");
        assertThat(a.records().get(0).employment()).isEqualTo(120.0);
    }

    /** Probe 2: one shared string of 256 MiB (the probe's was 2 GiB) in a file of kilobytes; declared sizes lie. */
    @Test
    void aSharedStringThatInflatesAThousandfoldIsABomb() throws Exception {
        Path bomb = XlsxBombs.hugeSharedString(dir.resolve("bomb.xlsx"), 256L << 20);
        assertThat(bomb.toFile().length()).isLessThan(1 << 20);
        assertThatThrownBy(() -> ActivityReader.read(bomb)).isInstanceOf(InputException.class)
                .hasMessage("bomb.xlsx: part \"xl/sharedStrings.xml\": the cell holds more than 32767 characters,"
                        + " Excel's own limit");
    }

    /** Many short texts that inflate a thousandfold: refused by the inflation ratio before the count limit. */
    @Test
    void sharedStringsThatInflateAThousandfoldAreABomb() throws Exception {
        Path bomb = XlsxBombs.repeated(dir.resolve("texts.xlsx"), XlsxBombs.STRINGS, XlsxBombs.STRINGS_START,
                "<si><t>AAAA</t></si>", 64L << 20, XlsxBombs.STRINGS_END);
        assertThatThrownBy(() -> ActivityReader.read(bomb)).isInstanceOf(InputException.class)
                .hasMessage("texts.xlsx: holds the part \"xl/sharedStrings.xml\", which inflates more than 100 times its"
                        + " compressed size: a compressed \"zip bomb\", not a table");
    }

    /** Probe 2: a billion empty rows (the probe's were four billion): refused long before they are read. */
    @Test
    void billionsOfEmptyRowsAreABomb() throws Exception {
        Path bomb = XlsxBombs.emptyRows(dir.resolve("rows.xlsx"), 1L << 30);
        assertThat(bomb.toFile().length()).isLessThan(16 << 20);
        assertThatThrownBy(() -> ActivityReader.read(bomb)).isInstanceOf(InputException.class)
                .hasMessageContaining("rows.xlsx: holds the part \"xl/worksheets/sheet1.xml\", which inflates more than 100");
    }

    /** A cell of 400 000 varied characters inflates honestly, yet no Excel cell holds that much: refused at its cell. */
    @Test
    void aCellFarBeyondExcelsLimitIsRefusedBeforeItIsBuilt() throws Exception {
        StringBuilder text = new StringBuilder();
        java.util.Random random = new java.util.Random(1);
        while (text.length() < 400_000) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        Path f = XlsxBombs.with(dir.resolve("long.xlsx"), XlsxBombs.SHEET, XlsxBombs.SHEET_START
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>" + text + "</t></is></c></row>" + XlsxBombs.SHEET_END);
        assertThatThrownBy(() -> ActivityReader.read(f)).isInstanceOf(InputException.class)
                .hasMessage("long.xlsx, sheet \"Data\", row 2, column \"A\": the cell holds more than 32767 characters,"
                        + " Excel's own limit");
    }

    /** Just over Excel's limit (40 000 characters in a shared string): the reader's own check names row and column. */
    @Test
    void aCellJustOverExcelsLimitIsRefusedAtItsCell() throws Exception {
        Path f = XlsxBombs.with(dir.resolve("over.xlsx"), XlsxBombs.STRINGS, XlsxBombs.STRINGS_START
                + "<si><t>" + "Б".repeat(40_000) + "</t></si><si><t>29.10</t></si></sst>");
        assertThatThrownBy(() -> ActivityReader.read(f)).isInstanceOf(InputException.class)
                .hasMessage("over.xlsx, sheet \"Data\", row 2, column \"A\": the cell holds more than 32767 characters,"
                        + " Excel's own limit");
    }

    @Test
    void moreRowsThanExcelAllowsAreRefused() throws Exception {
        StringBuilder sheet = new StringBuilder(XlsxBombs.SHEET_START);
        for (int r = 2; r <= XlsxGuard.MAX_ROWS + 1; r++) {
            sheet.append("<row r=\"").append(r).append("\"/>");
        }
        Path f = XlsxBombs.with(dir.resolve("tall.xlsx"), XlsxBombs.SHEET, sheet + XlsxBombs.SHEET_END);
        assertThatThrownBy(() -> ActivityReader.read(f)).isInstanceOf(InputException.class)
                .hasMessage("tall.xlsx, sheet \"Data\", row 1048576: the sheet has more than 1048576 rows,"
                        + " Excel's own limit");
    }

    /** A reference such as ZZZZZZZ2 would size a list of billions of cells inside the reader. */
    @Test
    void aCellBeyondColumnXfdIsRefused() throws Exception {
        for (String ref : new String[] {"XFE2", "ZZZZZZZ2"}) {
            Path f = XlsxBombs.with(dir.resolve("wide.xlsx"), XlsxBombs.SHEET, XlsxBombs.SHEET_START
                    + "<row r=\"2\"><c r=\"" + ref + "\"><v>1</v></c></row>" + XlsxBombs.SHEET_END);
            assertThatThrownBy(() -> ActivityReader.read(f)).as(ref).isInstanceOf(InputException.class)
                    .hasMessage("wide.xlsx, sheet \"Data\", row 2: the sheet has a cell beyond column 16384 (XFD),"
                            + " Excel's own limit");
        }
        StringBuilder row = new StringBuilder("<row r=\"2\">");
        for (int i = 0; i <= XlsxGuard.MAX_COLUMNS; i++) {
            row.append("<c/>");
        }
        Path f = XlsxBombs.with(dir.resolve("cells.xlsx"), XlsxBombs.SHEET, XlsxBombs.SHEET_START + row + "</row>"
                + XlsxBombs.SHEET_END);
        assertThatThrownBy(() -> ActivityReader.read(f)).isInstanceOf(InputException.class)
                .hasMessageContaining("the sheet has a cell beyond column 16384 (XFD)");
    }

    /** A number cell of twelve bytes, 1E+999999999, is a billion digits as plain text: refused as too large. */
    @Test
    void aNumberCellWithAHugeExponentIsTooLargeNotABillionDigits() throws Exception {
        for (String v : new String[] {"1E+999999999", "1E-999999999"}) {
            Path f = XlsxBombs.with(dir.resolve("exp.xlsx"), XlsxBombs.SHEET, XlsxBombs.SHEET_START
                    + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>4</v></c><c r=\"B2\" t=\"s\"><v>5</v></c><c r=\"C2\"><v>2023</v></c>"
                    + "<c r=\"D2\"><v>" + v + "</v></c></row>" + XlsxBombs.SHEET_END);
            if (v.contains("+")) {
                assertThatThrownBy(() -> ActivityReader.read(f)).isInstanceOf(InputException.class)
                        .hasMessage("exp.xlsx, sheet \"Data\", row 2, column \"employment\": \"1E+999999999\" is too large a number");
            } else {
                assertThat(ActivityReader.read(f).records().get(0).employment()).isEqualTo(0.0);
            }
        }
        Path digits = XlsxBombs.with(dir.resolve("digits.xlsx"), XlsxBombs.SHEET, XlsxBombs.SHEET_START
                + "<row r=\"2\"><c r=\"D2\"><v>" + "9".repeat(2_000) + "</v></c></row>" + XlsxBombs.SHEET_END);
        assertThatThrownBy(() -> ActivityReader.read(digits)).isInstanceOf(InputException.class)
                .hasMessage("digits.xlsx, sheet \"Data\", row 2, column \"D\": the cell holds a number written with more"
                        + " than 1024 characters");
    }

    /** A long shared formula copied down: expanding it per cell costs length × references character copies. */
    @Test
    void sharedFormulasThatWouldTakeMinutesToExpandAreRefused() throws Exception {
        StringBuilder sheet = new StringBuilder(XlsxBombs.SHEET_START);
        sheet.append("<row r=\"2\"><c r=\"A2\"><f t=\"shared\" ref=\"A2:A400\" si=\"0\">")
                .append("A1+".repeat(2_700)).append("A1</f><v>1</v></c></row>");
        for (int r = 3; r <= 400; r++) {
            sheet.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\"><f t=\"shared\" si=\"0\"/><v>1</v></c></row>");
        }
        Path f = XlsxBombs.with(dir.resolve("formulas.xlsx"), XlsxBombs.SHEET, sheet + XlsxBombs.SHEET_END);
        assertThatThrownBy(() -> ActivityReader.read(f)).isInstanceOf(InputException.class)
                .hasMessageContaining("formulas.xlsx, sheet \"Data\", row ")
                .hasMessageContaining("the sheet's shared and array formulas would take too long to expand");
    }

    @Test
    void anArchiveOfTooManyPartsIsNotOpened() throws Exception {
        Path f = XlsxBombs.manyParts(dir.resolve("parts.xlsx"), XlsxGuard.MAX_ENTRIES);
        assertThatThrownBy(() -> ActivityReader.read(f)).isInstanceOf(InputException.class)
                .hasMessage("parts.xlsx: is a ZIP archive of more than 10000 parts, more than any workbook has");
    }

    @Test
    void aCompressionMethodNoWorkbookUsesIsRefused() throws Exception {
        Path f = XlsxBombs.method(dir.resolve("bzip.xlsx"), 12);
        assertThatThrownBy(() -> ActivityReader.read(f)).isInstanceOf(InputException.class)
                .hasMessage("bzip.xlsx: holds the part \"xl/sharedStrings.xml\" compressed with method 12, which workbooks"
                        + " do not use");
    }

    /** The Rosstat reader opens workbooks through the same guard. */
    @Test
    void theRosstatReaderRefusesTheBombToo() throws Exception {
        Path bomb = XlsxBombs.hugeSharedString(dir.resolve("io.xlsx"), 64L << 20);
        assertThatThrownBy(() -> RosstatIoReader.read(bomb)).isInstanceOf(InputException.class)
                .hasMessage("io.xlsx: part \"xl/sharedStrings.xml\": the cell holds more than 32767 characters, Excel's"
                        + " own limit");
    }

    /** The checks cost no refusal of real workbooks: a typical sheet inflates about ten times. */
    @Test
    void aLargeOrdinaryWorkbookPasses() throws Exception {
        StringBuilder sheet = new StringBuilder(XlsxBombs.SHEET_START);
        for (int r = 2; r < 60_000; r++) {
            sheet.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\" t=\"s\"><v>4</v></c><c r=\"B")
                    .append(r).append("\" t=\"s\"><v>5</v></c><c r=\"C").append(r).append("\"><v>").append(1900 + r % 200)
                    .append("</v></c><c r=\"D").append(r).append("\"><v>0</v></c></row>");
        }
        Path f = XlsxBombs.with(dir.resolve("zeros.xlsx"), XlsxBombs.SHEET, sheet + XlsxBombs.SHEET_END);
        XlsxGuard.check(f);
    }
}
