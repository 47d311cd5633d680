package org.klaster.data.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.activity.ActivityRecord;

class FirmsReaderTest {

    @TempDir
    Path dir;

    private final FirmsReader reader = new FirmsReader(2, "256MB");

    private static ActivityRecord agg(String region, String industry, int year, double employment, int firms) {
        return new ActivityRecord(region, industry, year, employment, firms, Double.NaN, Double.NaN);
    }

    @Test
    void aggregatesCsvInsideDuckDb() throws Exception {
        Path f = write("firms.csv", "firm_id,region,industry,year,employment,lat,lon,source\n"
                + "F1,RU-SAM,29.10,2023,10,53.2,50.1,x\n"
                + "F2,RU-SAM,29.10,2023,5,,,\n"
                + "F3, RU-SAM ,29.10,2023,2.5,,,\n"          // padded code: same region after trimming
                + "F1,RU-SAM,29.10,2022,8,,,\n"              // same firm, other year: fine
                + "F4,RU-MOW,01.11,2023,\"1 000\",,,\n"       // thousands separator
                + "\n"                                        // empty line: skipped
                + "F5,RU-MOW,01.11,2023,0,,,\n");
        List<String> phases = Collections.synchronizedList(new ArrayList<>());
        ActivityData d = reader.read(f, (phase, fraction) -> phases.add(phase));
        // by hand: RU-MOW/01.11/2023 = 1000 + 0 from 2 firms; RU-SAM/29.10/2022 = 8 from 1; RU-SAM/29.10/2023 = 10+5+2.5 from 3
        assertThat(d.records()).containsExactly(
                agg("RU-MOW", "01.11", 2023, 1000, 2),
                agg("RU-SAM", "29.10", 2022, 8, 1),
                agg("RU-SAM", "29.10", 2023, 17.5, 3));
        assertThat(d.warnings()).extracting(Object::toString).containsExactly("firms.csv: column \"source\" is not part of the firm format and was ignored");
        assertThat(d.format()).isEqualTo("firm-level CSV, UTF-8, separator \",\", decimal point");
        assertThat(d.sha256()).isEqualTo(ActivityReaderTest.sha256(f));
        ActivityData noDigest = new FirmsReader().read(f, FirmsReader.Progress.NONE, false);
        assertThat(noDigest.sha256()).isNull();
        assertThat(noDigest.records()).isEqualTo(d.records());
        assertThat(d.sourceName()).isEqualTo("firms.csv");
        assertThat(phases).startsWith("checking firms.csv").endsWith("done");
    }

    @Test
    void semicolonsDecimalCommaAndBom() throws Exception {
        Path f = write("firms_ru.csv", "\uFEFFFirm_ID;Region;Industry;Year;Employment\r\n"
                + "1;Самарская область;01.11;2023;12,5\r\n"
                + "2;Самарская область;01.11;2023;1\u00A0000\r\n"
                + "3;Москва;01.11;2023;0,25\r\n");
        ActivityData d = reader.read(f);
        assertThat(d.format()).isEqualTo("firm-level CSV, UTF-8 (BOM), separator \";\", decimal comma");
        assertThat(d.records()).containsExactly(
                agg("Москва", "01.11", 2023, 0.25, 1),
                agg("Самарская область", "01.11", 2023, 1012.5, 2));
    }

    @Test
    void tabSeparatedAndLeadingZerosKept() throws Exception {
        Path f = write("t.tsv", "firm_id\tregion\tindustry\tyear\temployment\n"
                + "a\t01\t01.11\t2021\t3\n"
                + "b\t01\t01.11\t2021\t4\n");
        assertThat(reader.read(f).records()).containsExactly(agg("01", "01.11", 2021, 7, 2));
    }

    @Test
    void headerOnlyGivesNoRecordsAndAWarning() throws Exception {
        ActivityData d = reader.read(write("h.csv", "firm_id,region,industry,year,employment\n"));
        assertThat(d.records()).isEmpty();
        assertThat(d.warnings()).extracting(Object::toString).containsExactly("h.csv: the file has a header but no data rows");
    }

    @Test
    void fileNamesWithGlobCharactersAreReadLiterally() throws Exception {
        write("firms1.csv", "firm_id,region,industry,year,employment\nX,R,01,2020,99\n");
        Path f = write("firms[1].csv", "firm_id,region,industry,year,employment\nA,R,01,2020,1\n");
        assertThat(reader.read(f).records()).containsExactly(agg("R", "01", 2020, 1, 1));
    }

    @Test
    void parquetAggregatesAndKeepsTypesHonest() throws Exception {
        Path p = dir.resolve("firms.parquet");
        duck("COPY (SELECT * FROM (VALUES ('F1', 'RU-SAM', '29.10', 2023, 10.0, 53.2, 50.1),"
                + " ('F2', 'RU-SAM', '29.10', 2023, 5.5, NULL, NULL), ('F1', 'RU-SAM', '29.10', 2022, 8.0, NULL, NULL),"
                + " ('F3', 'RU-MOW', '01.11', 2023, 0.0, NULL, NULL))"
                + " t(firm_id, region, industry, year, employment, lat, lon)) TO '" + p + "' (FORMAT parquet)");
        ActivityData d = reader.read(p);
        assertThat(d.format()).isEqualTo("firm-level Parquet");
        assertThat(d.records()).containsExactly(
                agg("RU-MOW", "01.11", 2023, 0, 1),
                agg("RU-SAM", "29.10", 2022, 8, 1),
                agg("RU-SAM", "29.10", 2023, 15.5, 2));
        assertThat(d.warnings()).isEmpty();
        assertThat(d.sha256()).isEqualTo(ActivityReaderTest.sha256(p));
    }

    @Test
    void parquetNumericCodesAndTextEmployment() throws Exception {
        Path p = dir.resolve("typed.parquet");
        duck("COPY (SELECT * FROM (VALUES (1, 63, 2910, 2023::SMALLINT, '7'), (2, 63, 2910, 2023::SMALLINT, '1 000'))"
                + " t(FIRM_ID, Region, industry, year, employment)) TO '" + p + "' (FORMAT parquet)");
        ActivityData d = reader.read(p);
        assertThat(d.records()).containsExactly(agg("63", "2910", 2023, 1007, 2));
        assertThat(d.warnings()).hasSize(2).allSatisfy(w -> assertThat(w.toString()).contains("holds numbers"));
    }

    @Test
    void parquetErrorsNameTheRow() throws Exception {
        Path neg = dir.resolve("neg.parquet");
        duck("COPY (SELECT * FROM (VALUES ('F1', 'R', '01', 2023, 1.0), ('F2', 'R', '01', 2023, 2.0),"
                + " ('F3', 'R', '01', 2023, -3.0)) t(firm_id, region, industry, year, employment)) TO '" + neg
                + "' (FORMAT parquet)");
        InputException e = ActivityReaderTest.catchInput(() -> reader.read(neg));
        assertThat(e.getMessage()).isEqualTo("neg.parquet, row 3, column \"employment\": \"-3.0\" is negative;"
                + " employment cannot be negative");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.unit()).isEqualTo(InputException.Unit.ROW);

        Path dup = dir.resolve("dup.parquet");
        duck("COPY (SELECT * FROM (VALUES ('F1', 'R', '01', 2023, 1), ('F2', 'R', '01', 2023, 2),"
                + " ('F1', 'S', '02', 2023, 3)) t(firm_id, region, industry, year, employment)) TO '" + dup
                + "' (FORMAT parquet)");
        assertThatThrownBy(() -> reader.read(dup))
                .hasMessage("dup.parquet, row 3, column \"firm_id\": firm \"F1\" appears twice in year 2023 (first on row 1)");

        Path year = dir.resolve("year.parquet");
        duck("COPY (SELECT * FROM (VALUES ('F1', 'R', '01', 2023.0, 1), ('F2', 'R', '01', 2023.5, 2))"
                + " t(firm_id, region, industry, year, employment)) TO '" + year + "' (FORMAT parquet)");
        assertThatThrownBy(() -> reader.read(year))
                .hasMessage("year.parquet, row 2, column \"year\": \"2023.5\" is not a year");

        Path missing = dir.resolve("missing.parquet");
        duck("COPY (SELECT 'F1' AS firm_id, 'R' AS region, 2023 AS year, 1 AS employment) TO '" + missing
                + "' (FORMAT parquet)");
        assertThatThrownBy(() -> reader.read(missing)).hasMessage("missing.parquet: required column \"industry\" is"
                + " missing (columns found: firm_id, region, year, employment)");
    }

    /**
     * The scan's count of bad coordinates and the streaming pass agree value by value: every value is either
     * accepted by both or refused at its own line and column (never "could not locate the line").
     */
    @Test
    void coordinatesAreJudgedAlikeByTheScanAndTheStreamingPass() throws Exception {
        List<String> both = List.of("53.2", "-90", "90", " 53.2 ", "\u00A053.2", "0", "-0.5");
        List<String> longitudes = List.of("-180.0", "180", "-91", "90.0001");
        List<String> neither = List.of("180.5", "1e1", "+5", "5.", ".5", "N53", "nan", "1 000", "53.2.1", "--5");
        for (String column : List.of("lat", "lon")) {
            for (String value : concat(both, longitudes, neither)) {
                boolean good = both.contains(value) || column.equals("lon") && longitudes.contains(value);
                String lat = column.equals("lat") ? value : "10";
                String lon = column.equals("lon") ? value : "10";
                Path f = write("c.csv", "firm_id,region,industry,year,employment,lat,lon\nF1,R,01,2020,1,10,10\n"
                        + "F2,R,01,2020,1,\"" + lat + "\",\"" + lon + "\"\n");
                if (good) {
                    assertThat(reader.read(f).records()).as("%s = %s", column, value).hasSize(1);
                } else {
                    InputException e = ActivityReaderTest.catchInput(() -> reader.read(f));
                    assertThat(e).as("%s = %s", column, value).isNotNull();
                    assertThat(e.line()).as(e.getMessage()).isEqualTo(3);
                    assertThat(e.column()).as(e.getMessage()).isEqualTo(column);
                }
            }
        }
        // one coordinate without the other, as values and as columns
        assertThatThrownBy(() -> reader.read(write("h.csv", "firm_id,region,industry,year,employment,lat,lon\nF1,R,01,2020,1,,10\n")))
                .hasMessage("h.csv, line 2, column \"lat\": the value is empty, but lon is given; give both lat and lon, or neither");
        assertThatThrownBy(() -> reader.read(write("l.csv", "firm_id,region,industry,year,employment,Lon\nF1,R,01,2020,1,10\n")))
                .hasMessage("l.csv: the file has a column \"lon\" but no column \"lat\"; give both lat and lon, or neither");
    }

    @Test
    void parquetCoordinatesAreChecked() throws Exception {
        Path nan = dir.resolve("nan.parquet");
        duck("COPY (SELECT * FROM (VALUES ('F1', 'R', '01', 2023, 1.0, 53.2, 50.1), ('F2', 'R', '01', 2023, 2.0, NULL, NULL),"
                + " ('F3', 'R', '01', 2023, 3.0, 53.2, 'NaN'::DOUBLE)) t(firm_id, region, industry, year, employment, lat, lon))"
                + " TO '" + nan + "' (FORMAT parquet)");
        InputException e = ActivityReaderTest.catchInput(() -> reader.read(nan));
        assertThat(e.getMessage()).startsWith("nan.parquet, row 3, column \"lon\": \"nan\" is not a number");
        Path text = dir.resolve("text.parquet");
        duck("COPY (SELECT * FROM (VALUES ('F1', 'R', '01', 2023, 1.0, '53.2', '50.1'), ('F2', 'R', '01', 2023, 2.0, '-95', '50'))"
                + " t(firm_id, region, industry, year, employment, lat, lon)) TO '" + text + "' (FORMAT parquet)");
        assertThatThrownBy(() -> reader.read(text))
                .hasMessage("text.parquet, row 2, column \"lat\": \"-95\" is not a latitude (degrees from -90 to 90)");
        Path typed = dir.resolve("typed.parquet");
        duck("COPY (SELECT 'F1' AS firm_id, 'R' AS region, '01' AS industry, 2023 AS year, 1 AS employment, true AS lat,"
                + " 1.0 AS lon) TO '" + typed + "' (FORMAT parquet)");
        InputException type = ActivityReaderTest.catchInput(() -> reader.read(typed));
        assertThat(type.getMessage()).isEqualTo("typed.parquet: column \"lat\" has type BOOLEAN, but it must hold numbers");
        assertThat(type.column()).isEqualTo("lat");
    }

    @Test
    void agreesWithAPlainJavaAggregationOnRandomData() throws Exception {
        Random rnd = new Random(7);
        Path f = dir.resolve("random.csv");
        Map<String, double[]> expected = new TreeMap<>();
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write("firm_id;region;industry;year;employment\n");
            for (int i = 0; i < 20_000; i++) {
                String region = "R" + rnd.nextInt(7);
                String industry = String.format("%02d.%d", rnd.nextInt(5), rnd.nextInt(3));
                int year = 2019 + i % 3;
                int quarters = rnd.nextInt(4000);
                double employment = quarters / 4.0;
                String text = String.format("%d,%02d", quarters / 4, (quarters % 4) * 25);
                w.write("F" + i + ";" + region + ";" + industry + ";" + year + ";" + text + "\n");
                double[] acc = expected.computeIfAbsent(region + "|" + industry + "|" + year, k -> new double[2]);
                acc[0] += employment;
                acc[1]++;
            }
        }
        List<ActivityRecord> got = reader.read(f).records();
        assertThat(got).hasSize(expected.size());
        for (ActivityRecord r : got) {
            double[] e = expected.get(r.region() + "|" + r.industry() + "|" + r.year());
            assertThat(e).as("%s", r).isNotNull();
            assertThat(r.employment()).isCloseTo(e[0], within(1e-9));
            assertThat(r.establishments()).isEqualTo(e[1]);
        }
    }

    @Test
    void errorDeepInAFileIsLocatedExactly() throws Exception {
        Path f = dir.resolve("deep.csv");
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write("firm_id,region,industry,year,employment\n");
            for (int i = 0; i < 50_000; i++) {
                w.write(i == 1000 ? "F" + i + ",R,\"01\n.11\",2021,3\n" : "F" + i + ",R,01,2021,3\n");
            }
            w.write("Fz,R,01,2021,3.5.1\n");
        }
        // header = line 1; 50 000 records, one of them two lines long; the bad one follows
        InputException e = ActivityReaderTest.catchInput(() -> reader.read(f));
        assertThat(e.getMessage()).isEqualTo("deep.csv, line 50003, column \"employment\": \"3.5.1\" is not a number");
    }

    @Test
    void rejectsWorkbooksAndBadSettings() throws Exception {
        Path x = dir.resolve("f.xlsx");
        Files.write(x, new byte[] {0x50, 0x4B, 0x03, 0x04, 0, 0});
        assertThatThrownBy(() -> reader.read(x)).hasMessage("f.xlsx: is an Excel workbook; firm-level files must be CSV or Parquet");
        assertThatThrownBy(() -> reader.read(write("empty.csv", ""))).hasMessage("empty.csv: the file is empty");
        assertThatThrownBy(() -> new FirmsReader(0, "1GB")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FirmsReader(1, "1GB; DROP")).isInstanceOf(IllegalArgumentException.class);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> l : lists) {
            all.addAll(l);
        }
        return all;
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private static void duck(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
