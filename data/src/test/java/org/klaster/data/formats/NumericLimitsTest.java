package org.klaster.data.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.klaster.data.formats.Numbers.DecimalMark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values whose sums would overflow are refused where they are read, naming line and column — issue 10,
 * probe 7: an upload of 1e308 values was stored (the number is finite), after which every page, export
 * and API call on it said "cannot rank NaN at index 0". Every reader of numbers goes through
 * {@link Numbers#MAX_MAGNITUDE} (10¹⁸): the general text path, the fast plain-CSV paths, workbook
 * number cells and the firm files' SQL scan.
 */
class NumericLimitsTest {

    private static final String BEYOND = "is beyond ±10^18, the largest magnitude accepted (sums of such values could"
            + " overflow); check the unit of the column";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void theBoundIsTenToTheEighteenth() {
        assertThat(Numbers.parse("1e18", DecimalMark.POINT)).isEqualTo(1e18);
        assertThat(Numbers.parse("-1000000000000000000", DecimalMark.POINT)).isEqualTo(-1e18);
        assertThat(Numbers.parse("999999999999999999", DecimalMark.POINT)).isEqualTo(1e18); // the fast path's largest
        assertThat(Numbers.parse("1 000 000 000 000 000 000", DecimalMark.POINT)).isEqualTo(1e18);
        for (String s : new String[] {"1e308", "1.0000001e18", "-2e18", "10000000000000000000", "1 000 000 000 000 000 001 000"}) {
            assertThatThrownBy(() -> Numbers.parse(s, DecimalMark.POINT)).as(s)
                    .isInstanceOf(Numbers.NotANumberException.class).hasMessage("\"" + s + "\" " + BEYOND);
        }
        assertThatThrownBy(() -> Numbers.parse("1e999", DecimalMark.POINT)).hasMessage("\"1e999\" is too large a number");
        assertThatThrownBy(() -> Numbers.checkMagnitude(Double.POSITIVE_INFINITY, "x")).hasMessage("\"x\" is too large a number");
    }

    /** The probe: an activity upload of 1e308. */
    @Test
    void activity() throws Exception {
        Path f = write("a.csv", "region,industry,year,employment,wages\nRU-SAM,29,2023,10,5\nRU-SAM,30,2023,1e308,5\n");
        assertThatThrownBy(() -> ActivityReader.read(f)).isInstanceOf(InputException.class)
                .hasMessage("a.csv, line 3, column \"employment\": \"1e308\" " + BEYOND);
        Path w = write("w.csv", "region;industry;year;employment;wages\nRU-SAM;29;2023;10;2 000 000 000 000 000 000,5\n");
        assertThatThrownBy(() -> ActivityReader.read(w))
                .hasMessage("w.csv, line 2, column \"wages\": \"2 000 000 000 000 000 000,5\" " + BEYOND);
    }

    /** A workbook number cell is a double already: checked all the same, quoted briefly. */
    @Test
    void workbookNumberCells() throws Exception {
        Path f = XlsxBombs.with(dir.resolve("a.xlsx"), XlsxBombs.SHEET, XlsxBombs.SHEET_START
                + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>4</v></c><c r=\"B2\" t=\"s\"><v>5</v></c><c r=\"C2\"><v>2023</v></c>"
                + "<c r=\"D2\"><v>1.5E+308</v></c></row>" + XlsxBombs.SHEET_END);
        assertThatThrownBy(() -> ActivityReader.read(f))
                .hasMessage("a.xlsx, sheet \"Data\", row 2, column \"employment\": \"1.5E+308\" " + BEYOND);
    }

    @Test
    void tradeAndProduction() throws Exception {
        Path t = write("t.csv", "year,reporter,partner,product,flow,value\n2023,RUS,CHN,0101,import,1e300\n");
        assertThatThrownBy(() -> TradeReader.read(t, null, null))
                .hasMessage("t.csv, line 2, column \"value\": \"1e300\" " + BEYOND);
        Path ok = write("ok.csv", "year,reporter,partner,product,flow,value\n2023,RUS,CHN,0101,import,5\n");
        Path p = write("p.csv", "year,reporter,product,value\n2023,RUS,0101,3\n2023,RUS,0102,1e19\n");
        assertThatThrownBy(() -> TradeReader.read(ok, p, null))
                .hasMessage("p.csv, line 3, column \"value\": \"1e19\" " + BEYOND);
    }

    /** Exports: both the fast plain-CSV path and the general one refuse, with the general reader's message. */
    @Test
    void exports() throws Exception {
        Path plain = write("x.csv", "year,location,product,value\n2020,RUS,0101,5\n2020,RUS,0102,1e308\n");
        assertThatThrownBy(() -> ExportsReader.read(plain))
                .hasMessage("x.csv, line 3, column \"value\": \"1e308\" " + BEYOND);
        Path digits = write("d.csv", "year,location,product,value\n2020,RUS,0101,5\n2020,RUS,0102,12345678901234567890\n");
        assertThatThrownBy(() -> ExportsReader.read(digits))
                .hasMessage("d.csv, line 3, column \"value\": \"12345678901234567890\" " + BEYOND);
    }

    @Test
    void ioTables() throws Exception {
        String head = "code,S1,S2,fd:households\n";
        Path flow = write("io.csv", head + "S1,1,2,3\nS2,4,5e300,6\n");
        assertThatThrownBy(() -> IoTableReader.read(flow, null, false))
                .hasMessage("io.csv, line 3, column \"S2\": \"5e300\" " + BEYOND);
        Path fd = write("fd.csv", head + "S1,1,2,-1e19\nS2,4,5,6\n");
        assertThatThrownBy(() -> IoTableReader.read(fd, null, false))
                .hasMessage("fd.csv, line 2, column \"fd:households\": \"-1e19\" " + BEYOND);
    }

    @Test
    void firmFiles() throws Exception {
        FirmsReader reader = new FirmsReader(1, "256MB");
        Path csv = write("f.csv", "firm_id,region,industry,year,employment\nF1,RU-SAM,29.10,2023,10\n"
                + "F2,RU-SAM,29.10,2023,100000000000000000000\n");
        assertThatThrownBy(() -> reader.read(csv, FirmsReader.Progress.NONE))
                .hasMessage("f.csv, line 3, column \"employment\": \"100000000000000000000\" " + BEYOND);
        Path parquet = dir.resolve("f.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT * FROM (VALUES ('F1', 'RU-SAM', '29.10', 2023, 10.0), ('F2', 'RU-SAM', '29.10', 2023,"
                    + " 1e300)) t(firm_id, region, industry, year, employment)) TO '" + parquet + "' (FORMAT parquet)");
        }
        assertThatThrownBy(() -> reader.read(parquet, FirmsReader.Progress.NONE))
                .hasMessageStartingWith("f.parquet, row 2, column \"employment\": \"1e+300\" ").hasMessageEndingWith(BEYOND);
    }
}
