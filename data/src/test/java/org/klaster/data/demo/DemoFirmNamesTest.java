package org.klaster.data.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.data.formats.ActivityData;
import org.klaster.data.formats.FirmsReader;

/** The invented company names of the synthetic establishments: deterministic, plausible, in Russian. */
class DemoFirmNamesTest {

    private static final DemoEconomy DEMO = DemoEconomy.standard();

    /** A legal form and a quoted name, or a sole proprietor with initials. */
    private static final Pattern SHAPE = Pattern.compile("(ООО|АО|ПАО|ГБУЗ|ГБУ|ГАУ|ГКУ|МКУ|МБОУ|МБДОУ|МАОУ|ГБПОУ|ФГБОУ ВО"
            + "|МБУ ДО|ГАУК|ГБУК|МБУК|МАУ|РОО|АНО) \"[А-ЯЁ][А-ЯЁа-яё0-9 .№\"-]*[А-ЯЁа-яё0-9]\"|ИП [А-ЯЁ][а-яё]+ [А-Я]\\. [А-Я]\\.");

    /** Digest of the names of the first 50 000 scaled firms of 2024; changes only with the name tables (bump VERSION). */
    static final String NAMES_50K_SHA256 = "9269b974368c709f1b04f32cfee8470768ee4bbcfa69125e0fc3063046251a25";

    @Test
    void namedRowsAreTheUnnamedRowsWithAName() {
        List<String> plain = new ArrayList<>();
        DEMO.firms(2024, 30_000, (id, region, industry, year, employment, lat, lon) ->
                plain.add(id + "," + region + "," + industry + "," + year + "," + employment + "," + lat + "," + lon));
        List<String> named = new ArrayList<>();
        DEMO.firms(2024, 30_000, (id, name, region, industry, year, employment, lat, lon) -> {
            named.add(id + "," + region + "," + industry + "," + year + "," + employment + "," + lat + "," + lon);
            assertThat(name).isEqualTo(DEMO.firmName(id, region, industry, employment));
        });
        assertThat(named).isEqualTo(plain);
    }

    @Test
    void namesAreDeterministicAndPinned() throws Exception {
        assertThat(namesDigest()).isEqualTo(namesDigest()).isEqualTo(NAMES_50K_SHA256);
        assertThat(new DemoEconomy().firmName(12_345, "RU-SAM", "28.4", 120))
                .isEqualTo(DEMO.firmName(12_345, "RU-SAM", "28.4", 120));
    }

    private static String namesDigest() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        DEMO.firms(2024, 50_000, (id, name, region, industry, year, employment, lat, lon) ->
                sha.update((name + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(sha.digest());
    }

    @Test
    void everyNameOf2024HasAPlausibleShape() {
        long[] counts = new long[4]; // all, sole proprietors, brand-like (no space inside the quotes), numbered
        Set<String> distinct = new HashSet<>();
        Map<String, Integer> samara = new HashMap<>();
        DEMO.firms(2024, (id, name, region, industry, year, employment, lat, lon) -> {
            if (name.length() > 90 || !SHAPE.matcher(name).matches()) {
                throw new AssertionError("implausible name of firm " + id + " (" + region + ", " + industry + "): " + name);
            }
            counts[0]++;
            if (name.startsWith("ИП ")) counts[1]++;
            else if (name.indexOf(' ', name.indexOf('"')) < 0) counts[2]++;
            if (name.contains(" № ")) counts[3]++;
            if (id % 4 == 0) distinct.add(name);
            if (region.equals("RU-SAM") && !name.startsWith("ИП ")) {
                for (String stem : List.of("Самарск", "Жигулёвск", "Тольяттинск", "Волжск")) {
                    if (name.contains(stem)) samara.merge(stem, 1, Integer::sum);
                }
            }
        });
        assertThat(counts[0]).isEqualTo(DEMO.establishmentsTotal(2024));
        assertThat((double) counts[1] / counts[0]).as("sole proprietors").isBetween(0.03, 0.4);
        assertThat((double) counts[2] / counts[0]).as("brand names").isBetween(0.15, 0.5);
        assertThat((double) counts[3] / counts[0]).as("numbered").isBetween(0.03, 0.3);
        assertThat((double) distinct.size() / (counts[0] / 4)).as("distinct names").isGreaterThan(0.2);
        // Samara's firms take the region's adjectives, each of them
        assertThat(samara).containsOnlyKeys("Самарск", "Жигулёвск", "Тольяттинск", "Волжск");
    }

    @Test
    void namesFollowIndustryAndSize() {
        // public bodies keep their forms; big plants are joint-stock companies more often than small shops
        for (long id = 1; id <= 200; id++) {
            assertThat(DEMO.firmName(id, "RU-SAM", "85", 40)).matches("(МБОУ|МБДОУ|МАОУ|ГБПОУ|МБУ ДО) \".*\"");
            assertThat(DEMO.firmName(id, "RU-MOW", "97", 1)).startsWith("ИП ");
        }
        int big = 0;
        int small = 0;
        for (long id = 1; id <= 2000; id++) {
            if (DEMO.firmName(id, "RU-SAM", "29", 3000).matches("(АО|ПАО) .*")) big++;
            if (DEMO.firmName(id, "RU-SAM", "29", 20).matches("(АО|ПАО) .*")) small++;
        }
        assertThat(big).isGreaterThan(900);
        assertThat(small).isLessThan(150);
        assertThatThrownBy(() -> DEMO.firmName(1, "RU-XXX", "29", 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RU-XXX");
        assertThatThrownBy(() -> DEMO.firmName(1, "RU-SAM", "28", 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("industry 28");
    }

    @Test
    void adjectivesAgreeWithTheNoun() {
        assertThat(DemoFirmNames.forms("Самарский")).containsExactly("Самарский", "Самарская", "Самарское", "Самарские");
        assertThat(DemoFirmNames.forms("Новый")).containsExactly("Новый", "Новая", "Новое", "Новые");
        assertThat(DemoFirmNames.forms("Тверской")).containsExactly("Тверской", "Тверская", "Тверское", "Тверские");
        assertThat(DemoFirmNames.forms("Островной")).containsExactly("Островной", "Островная", "Островное", "Островные");
        assertThatThrownBy(() -> DemoFirmNames.forms("Москва")).isInstanceOf(IllegalStateException.class);
    }

    /** The CSV with names (formats.md §1, optional name column) reads back: same aggregate, names intact. */
    @Test
    void csvWithNamesReadsBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("firms.csv");
        assertThat(DEMO.writeFirmsCsv(file, 2024, 20_000, true)).isEqualTo(20_000);
        List<String> names = new ArrayList<>();
        DEMO.firms(2024, 20_000, (id, name, region, industry, year, employment, lat, lon) -> names.add(name));
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVParser.parse(in, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(p.getHeaderNames()).containsExactly("firm_id", "region", "industry", "year", "employment", "lat",
                    "lon", "name");
            int k = 0;
            for (CSVRecord r : p) {
                assertThat(r.get("name")).isEqualTo(names.get(k++));
            }
            assertThat(k).isEqualTo(20_000);
        }
        Path plain = dir.resolve("plain.csv");
        DEMO.writeFirmsCsv(plain, 2024, 20_000);
        FirmsReader reader = new FirmsReader(2, "256MB");
        ActivityData withNames = reader.read(file);
        assertThat(withNames.warnings()).isEmpty();
        assertThat(withNames.records()).isEqualTo(reader.read(plain).records());
    }
}
