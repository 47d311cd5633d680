package org.klaster.data.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.activity.ActivityRecord;

/** The optional {@code name} column of firm-level files (formats.md §1): accepted quietly, aggregation unchanged. */
class FirmsReaderNameTest {

    @TempDir
    Path dir;

    private final FirmsReader reader = new FirmsReader(2, "256MB");

    private static ActivityRecord agg(String region, String industry, int year, double employment, int firms) {
        return new ActivityRecord(region, industry, year, employment, firms, Double.NaN, Double.NaN);
    }

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void csvWithNamesAggregatesAsWithout() throws Exception {
        Path f = write("firms.csv", "firm_id,name,region,industry,year,employment,lat,lon\n"
                + "1,\"ООО \"\"Волжский станкозавод\"\"\",RU-SAM,28.4,2024,120,53.2,50.1\n"
                + "2,\"Smith, Jones & Co\",RU-SAM,28.4,2024,30,,\n"
                + "3,,RU-SAM,29,2024,7,,\n"                                  // no name: fine
                + "4,\"Two\nlines\",RU-TA,29,2024,5,,\n");                   // a quoted line break
        ActivityData d = reader.read(f);
        assertThat(d.records()).containsExactly(agg("RU-SAM", "28.4", 2024, 150, 2), agg("RU-SAM", "29", 2024, 7, 1),
                agg("RU-TA", "29", 2024, 5, 1));
        assertThat(d.warnings()).isEmpty(); // name is part of the format: not "ignored"
    }

    @Test
    void anErrorAfterQuotedNamesStillNamesItsLine() throws Exception {
        Path f = write("bad.csv", "firm_id,region,industry,year,employment,Name\n"
                + "1,RU-SAM,29,2024,10,\"ООО \"\"Альфа, Бета\"\"\"\n"
                + "2,RU-SAM,29,2024,5,\"Multi\nline\"\n"
                + "3,RU-SAM,29,2024,-1,Gamma\n");
        InputException e = catchThrowableOfType(InputException.class, () -> reader.read(f));
        assertThat(e.getMessage()).isEqualTo("bad.csv, line 5, column \"employment\": \"-1\" is negative;"
                + " employment cannot be negative");
    }

    @Test
    void parquetWithNames() throws Exception {
        Path p = dir.resolve("firms.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT * FROM (VALUES ('F1', 'АО \"Тест\"', 'RU-SAM', '29', 2024, 10.0),"
                    + " ('F2', NULL, 'RU-SAM', '29', 2024, 5.0)) t(firm_id, name, region, industry, year, employment))"
                    + " TO '" + p + "' (FORMAT parquet)");
        }
        ActivityData d = reader.read(p);
        assertThat(d.records()).containsExactly(agg("RU-SAM", "29", 2024, 15, 2));
        assertThat(d.warnings()).isEmpty();
    }
}
