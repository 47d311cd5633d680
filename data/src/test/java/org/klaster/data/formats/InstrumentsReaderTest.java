package org.klaster.data.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.klaster.finance.Catalogue;
import org.klaster.finance.Eligibility;
import org.klaster.finance.InstrumentRule;
import org.klaster.finance.KeyRate;
import org.klaster.registry.Confidence;

/**
 * The project's instrument catalogue and key-rate series as shipped — every row sourced and marked, the issue's own
 * figures reproduced from them — and each malformed row of the catalogue, the series and an application refused with
 * file, line and column.
 */
class InstrumentsReaderTest {

    @TempDir
    Path dir;

    static final String HEADER = "rule,parameter,value,valid_from,valid_to,source,confidence\n";

    @Test
    void theProjectCatalogueIsSourcedAndMarked() {
        Catalogue c = InstrumentsReader.project().catalogue();
        assertThat(c.instruments()).contains("frp_development", "frp_joint", "frp_conversion", "frp_components",
                "frp_digital", "frp_productivity", "frp_marking", "kip", "industrial_mortgage", "decree41_subsidy",
                "starting_batch_subsidy", "decree603_megaproject");
        for (InstrumentRule r : c.rules()) {
            assertThat(r.source()).as(r.name()).containsPattern("https?://\\S+");
            assertThat(r.confidence()).as(r.name()).isNotNull();
        }
        // every instrument has both names on every day it is offered
        for (LocalDate d : List.of(LocalDate.of(2016, 6, 1), LocalDate.of(2023, 6, 1), LocalDate.of(2026, 1, 1))) {
            for (Catalogue.Instrument in : c.asOf(d)) {
                assertThat(in.rule("name_ru")).as(in.id() + " " + d).isNotNull();
                assertThat(in.rule("name_en")).as(in.id() + " " + d).isNotNull();
            }
        }
        // no rate tied to the key rate is typed in: KIP and the mortgage keep the formula's parts
        Catalogue.Instrument kip = c.asOf(LocalDate.of(2024, 1, 15)).stream().filter(i -> i.id().equals("kip")).findFirst().orElseThrow();
        assertThat(kip.number("rate")).isEqualTo(0.03);
        assertThat(kip.number("rate_kr_multiplier")).isEqualTo(0.3);
        // Decree 41 paused from 2019 to 2023
        assertThat(c.asOf(LocalDate.of(2020, 1, 1))).extracting(Catalogue.Instrument::id).doesNotContain("decree41_subsidy");
        assertThat(c.asOf(LocalDate.of(2024, 1, 1))).extracting(Catalogue.Instrument::id).contains("decree41_subsidy");
        assertThat(c.rules().stream().filter(r -> r.confidence() == Confidence.M)).isNotEmpty();
    }

    @Test
    void theProjectKeyRateSeries() {
        KeyRate k = KeyRateReader.project().keyRate();
        assertThat(k.changes()).hasSize(20);
        assertThat(k.on(LocalDate.of(2022, 2, 28)).rate()).isCloseTo(0.20, within(1e-12));
        assertThat(k.on(LocalDate.of(2025, 12, 21)).rate()).isCloseTo(0.165, within(1e-12));
        assertThat(k.on(LocalDate.of(2025, 12, 22)).rate()).isCloseTo(0.16, within(1e-12));
        assertThat(k.on(LocalDate.of(2025, 12, 22)).confidence()).isEqualTo(Confidence.V);
        assertThat(k.on(LocalDate.of(2024, 1, 15)).confidence()).isEqualTo(Confidence.M);
    }

    /** The issue's figures from the shipped files: KIP 5.25 % at 7.5 %, 7.8 % at 16 %; the mortgage 11 % at 16 %. */
    @Test
    void theIssuesFiguresFromTheShippedFiles() {
        Catalogue c = InstrumentsReader.project().catalogue();
        KeyRate k = KeyRateReader.project().keyRate();
        assertThat(rate(c, k, "kip", "2023-03-01", false)).isCloseTo(0.0525, within(1e-12));
        assertThat(rate(c, k, "kip", "2024-01-15", false)).isCloseTo(0.078, within(1e-12));
        assertThat(rate(c, k, "industrial_mortgage", "2024-06-01", false)).isCloseTo(0.11, within(1e-12));
        assertThat(rate(c, k, "industrial_mortgage", "2024-06-01", true)).isCloseTo(0.09, within(1e-12));
        assertThat(rate(c, k, "industrial_mortgage", "2024-04-21", false)).isEqualTo(0.05);
        // 21 % from 2024-10-28: 5 + 11 = 16 %
        assertThat(rate(c, k, "industrial_mortgage", "2024-10-28", false)).isCloseTo(0.16, within(1e-12));
        assertThat(rate(c, k, "industrial_mortgage", "2024-10-27", false)).isCloseTo(0.14, within(1e-12));
    }

    static double rate(Catalogue c, KeyRate k, String id, String day, boolean tech) {
        Eligibility.Application a = new Eligibility.Application(null, "25.62", "C", Double.NaN, false, tech, null, false,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, List.of(), null, Double.NaN, LocalDate.parse(day));
        return Eligibility.check(a, c, k).stream().filter(r -> r.instrument().id().equals(id)).findFirst().orElseThrow().rate();
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("X,loan_max,1,2020-01-01,,src,V\n", 2, "rule", "\"X\" is not an instrument id"),
                Arguments.of("kip,loan_maximum,1,2020-01-01,,src,V\n", 2, "parameter", "parameter \"loan_maximum\" is unknown"),
                Arguments.of("kip,loan_share_max,80,2020-01-01,,src,V\n", 2, "value", "\"80\" is not a share"),
                Arguments.of("kip,rate,5,2020-01-01,,src,V\n", 2, "value", "\"5\" is not a rate"),
                Arguments.of("kip,term_max,2.5,2020-01-01,,src,V\n", 2, "value", "\"2.5\" is not a number of years"),
                Arguments.of("kip,loan_max,-1,2020-01-01,,src,V\n", 2, "value", "\"-1\" is not an amount"),
                Arguments.of("kip,okved_sections,,2020-01-01,,src,V\n", 2, "value", "the value is empty"),
                Arguments.of("kip,loan_max,1,2021-01-01,2020-12-31,src,V\n", 2, "valid_to", "is before valid_from"),
                Arguments.of("kip,loan_max,1,2021-01-01,,,V\n", 2, "source", "the source is empty"),
                Arguments.of("kip,loan_max,1,2021-01-01,,src,Q\n", 2, "confidence", "is not a confidence mark"),
                Arguments.of("kip,loan_max,1,2021-01-01,,src,V\nkip,loan_max,2,2022-01-01,,src,V\n", 3, "valid_from",
                        "kip.loan_max is already in force on some of these days (first on line 2)"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("malformed")
    void eachCatalogueProblemIsRefusedWithLineAndColumn(String rows, long line, String column, String fragment) throws IOException {
        Path f = dir.resolve("instruments.csv");
        Files.writeString(f, HEADER + rows, StandardCharsets.UTF_8);
        InputException e = catchThrowableOfType(InputException.class, () -> InstrumentsReader.read(f));
        MalformedCorpus.assertRefused(e, "instruments.csv", line, column, fragment);
    }

    static Stream<Arguments> malformedKeyRate() {
        return Stream.of(
                Arguments.of("2024-01-01,0.16,src,V\n", 2, "rate", "\"0.16\" is not a key rate"),
                Arguments.of("2024-01-01,x,src,V\n", 2, "rate", "\"x\" is not a number"),
                Arguments.of("2024-13-01,16,src,V\n", 2, "effective_date", "is not a date"),
                Arguments.of("2024-01-01,16,,V\n", 2, "source", "the source is empty"),
                Arguments.of("2024-01-01,16,src,Z\n", 2, "confidence", "is not a confidence mark"),
                Arguments.of("2024-01-01,16,src,V\n2024-01-01,17,src,V\n", 3, "effective_date",
                        "a rate effective on 2024-01-01 is already given (first on line 2)"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("malformedKeyRate")
    void eachKeyRateProblemIsRefusedWithLineAndColumn(String rows, long line, String column, String fragment) throws IOException {
        Path f = dir.resolve("key_rate.csv");
        Files.writeString(f, "effective_date,rate,source,confidence\n" + rows, StandardCharsets.UTF_8);
        InputException e = catchThrowableOfType(InputException.class, () -> KeyRateReader.read(f));
        MalformedCorpus.assertRefused(e, "key_rate.csv", line, column, fragment);
    }

    @Test
    void aUsersSeriesWithPercentSignsAndDecimalCommas() throws IOException {
        Path f = dir.resolve("kr.csv");
        Files.writeString(f, "effective_date;rate;source;confidence\n2026-02-16;15,5%;my note;[S]\n2025-12-22;16,00;cbr;V\n",
                StandardCharsets.UTF_8);
        KeyRate k = KeyRateReader.read(f).keyRate();
        assertThat(k.on(LocalDate.of(2026, 2, 16)).rate()).isCloseTo(0.155, within(1e-12));
        assertThat(k.on(LocalDate.of(2026, 2, 15)).rate()).isCloseTo(0.16, within(1e-12));
    }

    @Test
    void anApplicationOfKeysAndValues() throws IOException {
        Path f = dir.resolve("app.csv");
        Files.writeString(f, "key,value\ninn,7707083893\nokved,10.51\nrevenue,1500\nmtk,true\nloan,400\nbudget,600\n"
                + "russian_equipment_share,60%\nproducts,10.51.11;10.51.12\npurpose,Construction\ndate,2024-06-01\ncolour,red\n",
                StandardCharsets.UTF_8);
        ApplicationReader.Result r = ApplicationReader.read(f, null);
        Eligibility.Application a = r.application();
        assertThat(a.okvedSection()).isEqualTo("C");
        assertThat(a.technologyCompany()).isTrue();
        assertThat(a.russianEquipmentShare()).isCloseTo(0.6, within(1e-12));
        assertThat(a.products()).containsExactly("10.51.11", "10.51.12");
        assertThat(a.purpose()).isEqualTo("construction");
        assertThat(a.term()).isNaN();
        assertThat(a.priorityProducts()).isNull();
        assertThat(a.date()).isEqualTo(LocalDate.of(2024, 6, 1));
        assertThat(r.warnings()).hasSize(1);
        assertThat(r.warnings().get(0).in(Locale.ENGLISH)).contains("colour").contains("line 12");
        assertThat(ApplicationReader.read(f, LocalDate.of(2023, 1, 1)).application().date()).isEqualTo(LocalDate.of(2023, 1, 1));
    }

    static Stream<Arguments> malformedApplication() {
        return Stream.of(
                Arguments.of("inn,7707083894\n", 2, "value", "is not a valid INN"),
                Arguments.of("okved,manufacturing\n", 2, "value", "is not an OKPD2/OKVED2 code"),
                Arguments.of("date,2024-06-01\nloan,-5\n", 3, "value", "\"-5\" is negative"),
                Arguments.of("date,2024-06-01\nloan,lots\n", 3, "value", "\"lots\" is not a number"),
                Arguments.of("date,2024-06-01\nrussian_equipment_share,60\n", 3, "value", "\"60\" is not a share"),
                Arguments.of("date,2024-06-01\nsme,maybe\n", 3, "value", "\"maybe\" is not a flag"),
                Arguments.of("date,2024-06-01\nloan,5\nLoan,6\n", 4, "key", "key \"loan\" is given twice (first on line 3)"),
                Arguments.of("date,01/06/2024\n", 2, "value", "is not a date"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("malformedApplication")
    void eachApplicationProblemIsRefusedWithLineAndColumn(String rows, long line, String column, String fragment) throws IOException {
        Path f = dir.resolve("application.csv");
        Files.writeString(f, "key,value\n" + rows, StandardCharsets.UTF_8);
        InputException e = catchThrowableOfType(InputException.class, () -> ApplicationReader.read(f, null));
        MalformedCorpus.assertRefused(e, "application.csv", line, column, fragment);
    }

    @Test
    void anApplicationFromAWorkbookWithNumberCells() throws Exception {
        Path f = dir.resolve("application.xlsx");
        try (java.io.OutputStream os = Files.newOutputStream(f);
             org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(os, "Klaster test", "1.0")) {
            org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet("Заявка");
            Object[][] cells = {{"key", "value"}, {"okved", "25.62"}, {"loan", 1150}, {"russian_equipment_share", 0.6},
                    {"cluster_member", "да"}, {"date", "01.06.2024"}, {"term", "x"}};
            for (int r = 0; r < cells.length; r++) {
                for (int k = 0; k < 2; k++) {
                    Object v = cells[r][k];
                    if (v instanceof Number n) ws.value(r, k, n); else ws.value(r, k, (String) v);
                }
            }
        }
        InputException e = catchThrowableOfType(InputException.class, () -> ApplicationReader.read(f, null));
        assertThat(e.getMessage()).contains("application.xlsx").contains("7").contains("value").contains("\"x\"");
        Path g = dir.resolve("application2.xlsx");
        try (java.io.OutputStream os = Files.newOutputStream(g);
             org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(os, "Klaster test", "1.0")) {
            org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet("Заявка");
            Object[][] cells = {{"key", "value"}, {"okved", "25.62"}, {"loan", 1150}, {"russian_equipment_share", 0.6},
                    {"cluster_member", "да"}, {"date", "01.06.2024"}};
            for (int r = 0; r < cells.length; r++) {
                for (int k = 0; k < 2; k++) {
                    Object v = cells[r][k];
                    if (v instanceof Number n) ws.value(r, k, n); else ws.value(r, k, (String) v);
                }
            }
        }
        Eligibility.Application a = ApplicationReader.read(g, null).application();
        assertThat(a.loan()).isEqualTo(1150);
        assertThat(a.russianEquipmentShare()).isCloseTo(0.6, within(1e-12));
        assertThat(a.clusterMember()).isTrue();
        assertThat(a.date()).isEqualTo(LocalDate.of(2024, 6, 1));
        assertThat(a.okvedSection()).isEqualTo("C");
    }

    @Test
    void anApplicationWithoutADateNeedsAsOf() throws IOException {
        Path f = dir.resolve("nodate.csv");
        Files.writeString(f, "key,value\nloan,5\n", StandardCharsets.UTF_8);
        InputException e = catchThrowableOfType(InputException.class, () -> ApplicationReader.read(f, null));
        assertThat(e.getMessage()).contains("nodate.csv").contains("gives no date");
    }
}
