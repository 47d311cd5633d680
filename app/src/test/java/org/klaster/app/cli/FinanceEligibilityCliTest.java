package org.klaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.klaster.app.cli.CliRun.klaster;
import static org.klaster.app.cli.CliRun.ok;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.app.Klaster;

/**
 * {@code klaster finance eligibility | instruments | key-rate} on the shipped catalogue and key-rate series, with the
 * answers worked by hand from policy notes' figures; bad files refused with file, line and column, nothing written.
 */
class FinanceEligibilityCliTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    /** A metal-products maker on 2024-06-01 (key rate 16 % since 2023-12-18) asking 1,150 mln on a 2,000 mln project. */
    private Path application() throws IOException {
        return write("app.csv", "key,value\ninn,7707083893\nokved,25.62\nrevenue,1500\nsme,false\nregion,RU-SVE\n"
                + "cluster_member,false\nbudget,2000\nown_funds,850\nloan,1150\nterm,5\npurpose,construction\n"
                + "products,25.62.20\npriority_products,true\nrussian_equipment_share,60%\ndate,2024-06-01\n");
    }

    private static Map<String, String> row(CliRun r, String instrument, String rule) {
        return r.row(instrument, rule);
    }

    @Test
    void eachInstrumentByHand() throws IOException {
        CliRun r = ok("finance", "eligibility", "--application", application().toString(), "--format", "csv");
        assertThat(r.header()).isEqualTo("instrument,rule,verdict,passed,value,threshold,unit,value_text,threshold_text,"
                + "confidence,valid_from,valid_to,source,reason");
        // Проекты развития: 1,150 > 1,000 by 150; the rest passes; 5 % − 2 pp as 60 % ≥ 50 % of the loan buys Russian equipment
        Map<String, String> max = row(r, "frp_development", "loan_max");
        assertThat(max.get("verdict")).isEqualTo("fail");
        assertThat(max.get("passed")).isEqualTo("false");
        assertThat(Double.parseDouble(max.get("value"))).isEqualTo(1150);
        assertThat(Double.parseDouble(max.get("threshold"))).isEqualTo(1000);
        assertThat(max.get("unit")).isEqualTo("mln_rub");
        assertThat(max.get("valid_from")).isEqualTo("2021-01-01");
        assertThat(max.get("confidence")).isEqualTo("V");
        assertThat(max.get("source")).contains("https://frprf.ru/zaymy/proekty-razvitiya/");
        assertThat(max.get("reason")).isEqualTo("loan 1150 mln exceeds the 1000 mln maximum of Проекты развития (ФРП): reduce it by 150 mln");
        assertThat(row(r, "frp_development", "loan_share_max").get("verdict")).isEqualTo("pass");
        assertThat(Double.parseDouble(row(r, "frp_development", "loan_share_max").get("value"))).isCloseTo(0.575, within(1e-12));
        assertThat(Double.parseDouble(row(r, "frp_development", "rate").get("value"))).isCloseTo(0.03, within(1e-12));
        assertThat(row(r, "frp_development", "eligible").get("passed")).isEqualTo("false");
        assertThat(row(r, "frp_development", "condition_sales").get("verdict")).isEqualTo("confirm");
        // KIP: 1,000 ≤ 1,150, 57.5 % ≤ 80 %, priority products: eligible at 3 % + 0.3 × 16 % = 7.8 %
        Map<String, String> kip = row(r, "kip", "rate");
        assertThat(Double.parseDouble(kip.get("value"))).isCloseTo(0.078, within(1e-12));
        assertThat(Double.parseDouble(kip.get("threshold"))).isCloseTo(0.16, within(1e-12));
        assertThat(kip.get("reason")).isEqualTo("3 % + 0.3 × key rate 16 % (effective 2023-12-18) = 7.8 %");
        assertThat(kip.get("confidence")).isEqualTo("M");
        assertThat(row(r, "kip", "eligible").get("passed")).isEqualTo("true");
        // industrial mortgage: 1,150 > 500; rate 5 % + (16 − 10) = 11 %; the unconfirmed 5 mln minimum is flagged M
        assertThat(row(r, "industrial_mortgage", "loan_max").get("reason")).contains("reduce it by 650 mln");
        assertThat(Double.parseDouble(row(r, "industrial_mortgage", "rate").get("value"))).isCloseTo(0.11, within(1e-12));
        assertThat(row(r, "industrial_mortgage", "loan_min").get("confidence")).isEqualTo("M");
        assertThat(row(r, "industrial_mortgage", "okved_excluded").get("verdict")).isEqualTo("pass");
        assertThat(row(r, "industrial_mortgage", "purposes").get("verdict")).isEqualTo("pass");
        // cluster instruments: not a participant
        assertThat(row(r, "starting_batch_subsidy", "cluster_member").get("verdict")).isEqualTo("fail");
        assertThat(Double.parseDouble(row(r, "starting_batch_subsidy", "subsidy").get("value"))).isEqualTo(150);
        // a megaproject is at least 10 bn
        assertThat(row(r, "decree603_megaproject", "budget_min").get("reason")).contains("8000 mln more needed");
        assertThat(r.err()).contains("Кластерная инвестиционная платформа (КИП): eligible")
                .contains("key rate used: 16.00 % effective 2023-12-18").contains("unconfirmed (M) rules used: 1");
    }

    @Test
    void foodExcludedFromTheMortgageFromItsDateAndRussianReasons() throws IOException {
        Path f = write("food.csv", "key,value\nokved,10.51\nloan,300\nbudget,400\nterm,7\npurpose,purchase\ndate,2024-04-22\n");
        CliRun r = ok("finance", "eligibility", "--application", f.toString(), "--format", "csv");
        assertThat(row(r, "industrial_mortgage", "okved_excluded").get("reason"))
                .startsWith("OKVED 10.51 is excluded from Промышленная ипотека");
        assertThat(row(r, "industrial_mortgage", "eligible").get("passed")).isEqualTo("false");
        // the day before the exclusion (and the key-rate formula): eligible at 5 %
        CliRun before = ok("finance", "eligibility", "--application", f.toString(), "--as-of", "2024-04-21", "--format", "csv");
        assertThat(before.csv().stream().filter(x -> x.get("rule").equals("okved_excluded"))).isEmpty();
        assertThat(row(before, "industrial_mortgage", "eligible").get("passed")).isEqualTo("true");
        assertThat(Double.parseDouble(row(before, "industrial_mortgage", "rate").get("value"))).isEqualTo(0.05);
        CliRun ru = ok("finance", "eligibility", "--application", f.toString(), "--format", "csv", "--lang", "ru");
        assertThat(row(ru, "industrial_mortgage", "okved_excluded").get("reason"))
                .startsWith("ОКВЭД 10.51 исключён из программы Промышленная ипотека");
    }

    @Test
    void theCatalogueAsOfADayWithComputedRates() {
        CliRun r = ok("finance", "instruments", "--as-of", "2023-03-01", "--format", "csv");
        assertThat(r.header()).isEqualTo("instrument,parameter,value,value_text,unit,valid_from,valid_to,source,confidence");
        Map<String, String> kip = r.row("kip", "rate_applicable");
        assertThat(Double.parseDouble(kip.get("value"))).isCloseTo(0.0525, within(1e-12));
        assertThat(kip.get("valid_from")).isEqualTo("2022-09-19");
        assertThat(Double.parseDouble(r.row("kip", "rate_kr_multiplier").get("value"))).isEqualTo(0.3);
        // before 2024-04-22 the mortgage's rate is not tied to the key rate: no computed row
        assertThat(r.csv().stream().filter(x -> x.get("instrument").equals("industrial_mortgage")
                && x.get("parameter").equals("rate_applicable"))).isEmpty();
        CliRun later = ok("finance", "instruments", "--as-of", "2024-06-01", "--format", "csv");
        assertThat(Double.parseDouble(later.row("industrial_mortgage", "rate_applicable").get("value"))).isCloseTo(0.11, within(1e-12));
        assertThat(later.row("industrial_mortgage", "okved_excluded").get("value_text")).isEqualTo("10;11");
        CliRun all = ok("finance", "instruments", "--all", "--format", "csv");
        assertThat(all.csv().size()).isGreaterThan(later.csv().size());
    }

    @Test
    void theKeyRateSeriesExtendedAndUsed() throws IOException {
        CliRun on = ok("finance", "key-rate", "--as-of", "2024-01-15", "--format", "csv");
        assertThat(on.csv()).hasSize(1);
        assertThat(Double.parseDouble(on.row("2023-12-18").get("rate"))).isEqualTo(16);
        Path out = dir.resolve("kr.csv");
        ok("finance", "key-rate", "--add", "2026-02-16", "15.5%", "--source", "my note", "--format", "csv", "--out", out.toString());
        CliRun extended = ok("finance", "key-rate", "--key-rate", out.toString(), "--format", "csv");
        assertThat(extended.csv()).hasSize(21);
        assertThat(Double.parseDouble(extended.row("2026-02-16").get("rate"))).isEqualTo(15.5);
        assertThat(extended.row("2026-02-16").get("confidence")).isEqualTo("S");
        // KIP on that day: 3 % + 0.3 × 15.5 % = 7.65 %
        CliRun kip = ok("finance", "instruments", "--as-of", "2026-02-16", "--key-rate", out.toString(), "--format", "csv");
        assertThat(Double.parseDouble(kip.row("kip", "rate_applicable").get("value"))).isCloseTo(0.0765, within(1e-12));
        // a date given twice, and a day before the series
        CliRun twice = klaster("finance", "key-rate", "--add", "2025-12-22", "16%", "--source", "x");
        assertThat(twice.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(twice.err()).contains("2025-12-22");
        CliRun early = klaster("finance", "key-rate", "--as-of", "2021-06-01");
        assertThat(early.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(early.err()).contains("no key rate on 2021-06-01").contains("2022-02-28");
    }

    @Test
    void aKeyRateSeriesThatStartsTooLateIsRefusedNamingTheDay() throws IOException {
        Path kr = write("late.csv", "effective_date,rate,source,confidence\n2025-01-01,21,x,V\n");
        CliRun r = klaster("finance", "eligibility", "--application", application().toString(), "--key-rate", kr.toString());
        assertThat(r.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(r.err()).contains("no key rate on 2024-06-01");
    }

    @Test
    void badFilesNameFileLineAndColumnAndWriteNothing() throws IOException {
        Path out = dir.resolve("out.csv");
        Path bad = write("bad.csv", "key,value\ndate,2024-06-01\nloan,1150\ninn,7707083894\n");
        CliRun r = klaster("finance", "eligibility", "--application", bad.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(r.err()).contains("bad.csv").contains("line 4").contains("value").contains("7707083894");
        assertThat(out).doesNotExist();
        Path neg = write("neg.csv", "key,value\ndate,2024-06-01\nbudget,-3\n");
        CliRun n = klaster("finance", "eligibility", "--application", neg.toString(), "--out", out.toString());
        assertThat(n.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(n.err()).contains("neg.csv").contains("line 3").contains("negative");
        assertThat(out).doesNotExist();
        Path rules = write("rules.csv", "rule,parameter,value,valid_from,valid_to,source,confidence\nkip,loan_max,1,2023-01-01,,s,V\n"
                + "kip,interest,0.05,2023-01-01,,s,V\n");
        CliRun badRules = klaster("finance", "eligibility", "--application", application().toString(), "--rules", rules.toString(),
                "--out", out.toString());
        assertThat(badRules.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(badRules.err()).contains("rules.csv").contains("line 3").contains("parameter").contains("interest");
        assertThat(out).doesNotExist();
        Path noDate = write("nodate.csv", "key,value\nloan,5\n");
        assertThat(klaster("finance", "eligibility", "--application", noDate.toString()).code()).isEqualTo(Klaster.BAD_INPUT);
        // a day when no instrument of the catalogue is offered: impossible, with the reason
        CliRun none = klaster("finance", "eligibility", "--application", noDate.toString(), "--as-of", "2010-01-01");
        assertThat(none.code()).isEqualTo(Klaster.IMPOSSIBLE);
        assertThat(none.err()).contains("no support instrument").contains("2010-01-01");
    }

    @Test
    void catalogueVersionsInThePlatformStore() throws IOException {
        String db = dir.resolve("k.duckdb").toString();
        CliRun saved = ok("finance", "instruments", "--save", "project", "--note", "policy notes", "--db", db, "--format", "csv");
        assertThat(saved.row("1").get("note")).isEqualTo("policy notes");
        assertThat(saved.err()).contains("saved as version 1");
        // an edited catalogue: KIP's minimum raised to 1,200 mln from 2024-01-01 (the old row closed the day before)
        String project = new String(FinanceEligibilityCliTest.class.getResourceAsStream(
                "/org/klaster/data/reference/instruments.csv").readAllBytes(), StandardCharsets.UTF_8);
        String edited = project.replace("kip,loan_min,1000,2023-01-01,,", "kip,loan_min,1000,2023-01-01,2023-12-31,")
                + "kip,loan_min,1200,2024-01-01,,\"edited by hand, https://example.org/kip\",S\n";
        Path f = write("instruments-2.csv", edited);
        CliRun two = ok("finance", "instruments", "--save", f.toString(), "--db", db, "--format", "csv");
        assertThat(two.csv()).hasSize(2);
        assertThat(two.row("2").get("created_by")).startsWith("cli:");
        assertThat(ok("finance", "instruments", "--versions", "--db", db, "--format", "csv").csv()).hasSize(2);
        // the latest version judges 1,150 mln below KIP's new minimum; version 1 still passes it
        CliRun latest = ok("finance", "eligibility", "--application", application().toString(), "--rules-version", "latest",
                "--db", db, "--format", "csv");
        Map<String, String> min = row(latest, "kip", "loan_min");
        assertThat(min.get("verdict")).isEqualTo("fail");
        assertThat(min.get("reason")).contains("raise it by 50 mln");
        assertThat(min.get("confidence")).isEqualTo("S");
        assertThat(latest.err()).contains("platform:2");
        CliRun first = ok("finance", "eligibility", "--application", application().toString(), "--rules-version", "1",
                "--db", db, "--format", "csv");
        assertThat(row(first, "kip", "loan_min").get("verdict")).isEqualTo("pass");
        CliRun asOf = ok("finance", "instruments", "--as-of", "2023-12-31", "--rules-version", "2", "--db", db, "--format", "csv");
        assertThat(Double.parseDouble(asOf.row("kip", "loan_min").get("value"))).isEqualTo(1000);
        // a version that is not there, and both sources at once
        CliRun none = klaster("finance", "eligibility", "--application", application().toString(), "--rules-version", "9", "--db", db);
        assertThat(none.code()).isNotZero();
        assertThat(none.err()).contains("no instrument catalogue version 9");
        CliRun both = klaster("finance", "instruments", "--rules", f.toString(), "--rules-version", "1", "--db", db);
        assertThat(both.code()).isEqualTo(Klaster.BAD_INPUT);
    }
}
