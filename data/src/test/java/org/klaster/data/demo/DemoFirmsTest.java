package org.klaster.data.demo;

import org.klaster.activity.ActivityRecord;
import org.klaster.data.reference.Region;
import org.klaster.data.reference.Regions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoFirmsTest {

    private static final DemoEconomy DEMO = DemoEconomy.standard();

    /** Every region × industry cell of the year: firm count = establishments, firm employment sums exactly. */
    @Test
    void firmsAggregateExactlyToTheActivityOf2024() {
        Map<String, long[]> agg = new HashMap<>();
        long[] rows = {0};
        long[] lastId = {0};
        DEMO.firms(2024, (id, region, industry, year, employment, lat, lon) -> {
            assertThat(id).isEqualTo(lastId[0] + 1);
            lastId[0] = id;
            assertThat(year).isEqualTo(2024);
            assertThat(employment).isPositive();
            long[] v = agg.computeIfAbsent(region + "|" + industry, k -> new long[2]);
            v[0]++;
            v[1] += employment;
            rows[0]++;
        });
        assertThat(rows[0]).isEqualTo(DEMO.establishmentsTotal(2024)).isBetween(1_150_000L, 1_250_000L);
        List<ActivityRecord> activity = DEMO.activity(2024);
        assertThat(agg).hasSize(activity.size());
        for (ActivityRecord a : activity) {
            long[] v = agg.get(a.region() + "|" + a.industry());
            assertThat(v).as("firms of %s %s", a.region(), a.industry()).isNotNull();
            assertThat(v[0]).as("count %s %s", a.region(), a.industry()).isEqualTo((long) a.establishments());
            assertThat(v[1]).as("employment %s %s", a.region(), a.industry()).isEqualTo((long) a.employment());
        }
    }

    @Test
    void otherYearsAggregateExactlyToo() {
        Map<String, long[]> agg = new HashMap<>();
        DEMO.firms(2019, (id, region, industry, year, employment, lat, lon) -> {
            if (region.equals("RU-SAM") || region.equals("RU-CHU")) {
                long[] v = agg.computeIfAbsent(region + "|" + industry, k -> new long[2]);
                v[0]++;
                v[1] += employment;
            }
        });
        for (ActivityRecord a : DEMO.activity(2019)) {
            if (a.region().equals("RU-SAM") || a.region().equals("RU-CHU")) {
                long[] v = agg.get(a.region() + "|" + a.industry());
                assertThat(v[0]).isEqualTo((long) a.establishments());
                assertThat(v[1]).isEqualTo((long) a.employment());
            }
        }
    }

    @Test
    void firmsLieAroundTheirRegionalCapital() {
        Map<String, Region> regions = new HashMap<>();
        Regions.all().forEach(r -> regions.put(r.iso(), r));
        long[] nearCapital = {0, 0};
        DEMO.firms(2024, 300_000, (id, region, industry, year, employment, lat, lon) -> {
            Region r = regions.get(region);
            assertThat(lat).isBetween(40.0, 82.0);
            assertThat(lon).isBetween(-180.0, 180.0);
            double dLat = Math.abs(lat - r.capitalLat());
            double dLon = Math.abs(lon - r.capitalLon());
            if (dLon > 180) {
                dLon = 360 - dLon;
            }
            double kmMax = 2.5 * Math.max(5 + 2 * Math.sqrt(r.population() / 100.0),
                    Math.min(400, 0.35 * Math.sqrt(r.areaThousandKm2() * 1000 / Math.PI)));
            assertThat(dLat * 111.32).as("north-south offset of a firm in %s", region).isLessThanOrEqualTo(kmMax + 1);
            double kmLon = dLon * 111.32 * Math.cos(Math.toRadians(r.capitalLat()));
            assertThat(kmLon).as("east-west offset of a firm in %s", region).isLessThanOrEqualTo(kmMax + 1);
            nearCapital[1]++;
            if (dLat < 0.5 && kmLon < 55) {
                nearCapital[0]++;
            }
        });
        assertThat((double) nearCapital[0] / nearCapital[1]).as("share of firms near the capital").isGreaterThan(0.4);
    }

    @Test
    void scaledRunsGiveExactlyTheRequestedRows() {
        long[] count = {0};
        long[] persons = {0};
        DEMO.firms(2024, 100_000, (id, region, industry, year, employment, lat, lon) -> {
            count[0]++;
            persons[0] += employment;
            assertThat(employment).isPositive();
        });
        assertThat(count[0]).isEqualTo(100_000);
        // fewer firms than establishments: cells keep their employment
        assertThat(persons[0]).isBetween(DEMO.employmentTotal(2024) * 95 / 100, DEMO.employmentTotal(2024));
        count[0] = 0;
        DEMO.firms(2024, 0, (id, region, industry, year, employment, lat, lon) -> count[0]++);
        assertThat(count[0]).isZero();
        assertThatThrownBy(() -> DEMO.firms(2030, 10, (id, r, i, y, e, la, lo) -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2030");
    }

    /** Digest of the first 50 000 scaled firms of 2024; changes only with the model (bump VERSION then). */
    static final String FIRMS_50K_SHA256 = "53857020912f9807a686db51edf19d168f4f1e164b6375c08414f65e9b815535";

    @Test
    void firmsAreDeterministic() throws Exception {
        assertThat(firmDigest(50_000)).isEqualTo(firmDigest(50_000)).isEqualTo(FIRMS_50K_SHA256);
        assertThat(firmDigest(50_000)).isNotEqualTo(firmDigest(50_001));
    }

    private static String firmDigest(long rows) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        DEMO.firms(2024, rows, (id, region, industry, year, employment, lat, lon) -> {
            sha.update((id + "," + region + "," + industry + "," + employment + "," + Double.doubleToLongBits(lat)
                    + "," + Double.doubleToLongBits(lon)).getBytes(StandardCharsets.UTF_8));
        });
        return HexFormat.of().formatHex(sha.digest());
    }

    @Test
    void csvMatchesTheStream(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("firms.csv");
        long t0 = System.nanoTime();
        long written = DEMO.writeFirmsCsv(file, 2024, 200_000);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "writeFirmsCsv: 200000 rows in %.2f s (%d bytes)%n", seconds, Files.size(file));
        assertThat(written).isEqualTo(200_000);
        List<String> expected = new ArrayList<>();
        DEMO.firms(2024, 200_000, (id, region, industry, year, employment, lat, lon) -> {
            if (expected.size() < 2000 || id % 997 == 0) {
                expected.add(id + "," + region + "," + industry + "," + year + "," + employment + ","
                        + String.format(Locale.ROOT, "%.4f", lat) + "," + String.format(Locale.ROOT, "%.4f", lon));
            }
        });
        List<String> actual = new ArrayList<>();
        long lines = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            assertThat(in.readLine()).isEqualTo("firm_id,region,industry,year,employment,lat,lon");
            String line;
            while ((line = in.readLine()) != null) {
                lines++;
                long id = Long.parseLong(line.substring(0, line.indexOf(',')));
                if (actual.size() < 2000 || id % 997 == 0) {
                    actual.add(line);
                }
            }
        }
        assertThat(lines).isEqualTo(200_000);
        assertThat(actual).hasSameSizeAs(expected);
        for (int k = 0; k < actual.size(); k++) {
            assertThat(sameRow(actual.get(k), expected.get(k))).as("row %s vs %s", actual.get(k), expected.get(k)).isTrue();
        }
    }

    /** Equal rows; coordinates may differ by one unit in the 4th decimal (half-up vs. half-even rounding). */
    private static boolean sameRow(String a, String b) {
        String[] x = a.split(",");
        String[] y = b.split(",");
        if (x.length != 7 || y.length != 7) {
            return false;
        }
        for (int k = 0; k < 5; k++) {
            if (!x[k].equals(y[k])) {
                return false;
            }
        }
        for (int k = 5; k < 7; k++) {
            if (Math.abs(Double.parseDouble(x[k]) - Double.parseDouble(y[k])) > 1.5e-4) {
                return false;
            }
        }
        return true;
    }

    @Test
    void activityCsvFollowsFormatsSectionOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("activity.csv");
        long rows = DEMO.writeActivityCsv(file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("region,industry,year,employment,establishments,wages,output");
        assertThat(lines).hasSize((int) rows + 1);
        assertThat(rows).isEqualTo(DEMO.activity().size());
        ActivityRecord first = DEMO.activity().get(0);
        String[] f = lines.get(1).split(",");
        assertThat(f[0]).isEqualTo(first.region());
        assertThat(f[1]).isEqualTo(first.industry());
        assertThat(Double.parseDouble(f[3])).isEqualTo(first.employment());
        assertThat(Double.parseDouble(f[5])).isEqualTo(first.wages());
        assertThat(Double.parseDouble(f[6])).isEqualTo(first.output());
    }
}
