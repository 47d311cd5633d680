package org.klaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.klaster.app.cli.CliRun.klaster;
import static org.klaster.app.cli.CliRun.ok;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.app.Klaster;

/**
 * {@code klaster match} end to end on a registry folder, an IO table file and a dependent-products file written here.
 *
 * <pre>
 * Asker Alpha 7707083893 (28.41, RU-TA, at 55°N 50°E, cluster AUTO) needs «механическая обработка деталей», 25.62.
 * io.csv: x = (100, 200, 100) for 25, 28, 72; the buyer column 28: a = 40/200, 20/200, 10/200 = 0.2, 0.1, 0.05,
 *   divided by 0.2 → 25 → 28: 1, 72 → 28: 0.25.   dependent.csv: 25.62.
 * Beta 7736050003 (25.62, RU-TA, 55°N 50°E, AUTO): code 0.2·1, IO 0.1·1, distance 0.1·exp(0) = 0.1, dependency 0.1,
 *   tier cluster.
 * Delta 500100732259 (25.62, RU-TA, 56°N 50°E: 1° = 111.195 km): code 0.2, IO 0.1, distance 0.1·exp(−111.195/500)
 *   = 0.08006, dependency 0.1, tier region.
 * Gamma 7706107510 (72.19, RU-SAM, 57°N 50°E: 222.390 km): code 0, IO 0.1·0.25 = 0.025, distance 0.1·exp(−222.390/500)
 *   = 0.064097, dependency 0, tier nation.
 * Text: 0.5 × BM25 / best BM25 — the best of the three has 0.5.
 * </pre>
 */
class MatchCliTest {

    static final String ALPHA = "7707083893";
    static final String BETA = "7736050003";
    static final String GAMMA = "7706107510";
    static final String DELTA = "500100732259";

    @TempDir
    Path dir;
    Path reg;
    Path io;
    Path dependent;

    @BeforeEach
    void folder() throws IOException {
        reg = Files.createDirectory(dir.resolve("registry"));
        write("organisations.csv", """
                inn,ogrn,name,type,okved,region,lat,lon
                7707083893,1027700132195,Alpha,enterprise,28.41,RU-TA,55,50
                7736050003,1027700070518,Beta,enterprise,25.62,RU-TA,55,50
                7706107510,1027700043502,Gamma Institute,research,72.19,RU-SAM,57,50
                500100732259,304500116000157,Delta IP,enterprise,25.62,RU-TA,56,50
                """);
        write("clusters.csv", """
                cluster,name,type,regions,specialisation,specialised_organisation
                AUTO,Auto cluster,industrial,RU-TA,28.41,
                """);
        write("memberships.csv", """
                cluster,inn,joined,left
                AUTO,7707083893,2016-03-01,
                AUTO,7736050003,2016-03-01,
                """);
        write("contracts.csv", "cluster,supplier,buyer,type,year,value\n");
        write("facts.csv", "inn,year,output,purchases\n");
        write("offers.csv", """
                inn,kind,text,codes
                7736050003,competence,Механическая обработка деталей на станках с ЧПУ,25.62
                500100732259,competence,CNC machining of parts,25.62
                7706107510,competence,Испытания деталей после механической обработки,72.19
                7707083893,need,Механическая обработка корпусов редукторов,25.62
                """);
        io = dir.resolve("io.csv");
        Files.writeString(io, """
                code,25,28,72,fd:households
                25,10,40,0,50
                28,0,20,0,180
                72,0,10,5,85
                """, StandardCharsets.UTF_8);
        dependent = dir.resolve("dependent.csv");
        Files.writeString(dependent, "code\n25.62\n", StandardCharsets.UTF_8);
    }

    void write(String name, String content) throws IOException {
        Files.writeString(reg.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** The default command line, with {@code extra} flags added or replacing a default's value. */
    String[] args(String... extra) {
        List<String> a = new ArrayList<>(List.of("match", "--registry", reg.toString(), "--need", "механическая обработка деталей",
                "--codes", "25.62", "--inn", ALPHA, "--table", io.toString(), "--dependent", dependent.toString(),
                "--as-of", "2024-06-30", "--format", "csv", "--db", dir.resolve("none.duckdb").toString()));
        for (int i = 0; i < extra.length; i++) {
            int at = a.indexOf(extra[i]);
            // a flag given again replaces the default; others are added
            if (at >= 0 && i + 1 < extra.length) a.set(at + 1, extra[++i]);
            else a.add(extra[i]);
        }
        return a.toArray(String[]::new);
    }

    static double distance(double km) {
        return Math.round(1e6 * 0.1 * Math.exp(-km / 500)) / 1e6;
    }

    @Test
    void theColumnsAreTheContractsAndTheContributionsAreWorkedByHand() {
        CliRun r = ok(args());
        assertThat(r.header()).isEqualTo("rank,inn,name,score,text,code,io_link,distance,dependency");
        List<Map<String, String>> rows = r.csv();
        assertThat(rows).extracting(x -> x.get("inn")).containsExactly(BETA, DELTA, GAMMA);
        assertThat(rows).extracting(x -> x.get("rank")).containsExactly("1", "2", "3");
        Map<String, String> beta = rows.get(0);
        assertThat(List.of(beta.get("code"), beta.get("io_link"), beta.get("distance"), beta.get("dependency")))
                .containsExactly("0.2", "0.1", "0.1", "0.1");
        Map<String, String> delta = rows.get(1);
        double km = 6371.0088 * Math.PI / 180;
        assertThat(List.of(delta.get("code"), delta.get("io_link"), delta.get("dependency"))).containsExactly("0.2", "0.1", "0.1");
        assertThat(Double.parseDouble(delta.get("distance"))).isEqualTo(distance(km)).isEqualTo(0.08006);
        Map<String, String> gamma = rows.get(2);
        assertThat(List.of(gamma.get("code"), gamma.get("io_link"), gamma.get("dependency"))).containsExactly("0", "0.025", "0");
        assertThat(Double.parseDouble(gamma.get("distance"))).isEqualTo(distance(2 * km)).isEqualTo(0.064097);
        double best = 0;
        for (Map<String, String> x : rows) {
            double text = Double.parseDouble(x.get("text"));
            assertThat(text).isGreaterThan(0).isLessThanOrEqualTo(0.5);
            best = Math.max(best, text);
            // the contributions add up to the score, in decimal as printed
            java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
            for (String c : List.of("text", "code", "io_link", "distance", "dependency")) sum = sum.add(new java.math.BigDecimal(x.get(c)));
            assertThat(sum.compareTo(new java.math.BigDecimal(x.get("score")))).as(x.get("inn")).isZero();
        }
        assertThat(best).isEqualTo(0.5);
        assertThat(r.err()).contains("note: rows: 1 in the cluster, 1 in the region, 1 elsewhere (at most 10 each)");
        assertThat(r.err()).contains("note: score = 0.5 × text + 0.2 × code + 0.1 × IO link + 0.1 × distance + 0.1 × dependency");
    }

    @Test
    void namesAddTheTierThePlaceAndTheOfferMatched() {
        CliRun r = ok(args("--names"));
        Map<String, String> beta = r.csv().get(0);
        assertThat(beta.get("tier")).isEqualTo("cluster");
        assertThat(beta.get("offer")).isEqualTo("Механическая обработка деталей на станках с ЧПУ");
        assertThat(beta.get("codes")).isEqualTo("25.62");
        assertThat(r.csv().get(1).get("tier")).isEqualTo("region");
        assertThat(r.csv().get(2).get("tier")).isEqualTo("nation");
        assertThat(r.csv().get(2).get("region_name")).isEqualTo("Samara Oblast");
    }

    /** Without the IO table and dependent products both factors are 0, and notes say why. */
    @Test
    void missingInputsGiveZeroFactorsAndSaySo() {
        CliRun r = ok("match", "--registry", reg.toString(), "--need", "обработка деталей", "--format", "csv", "--db",
                dir.resolve("none.duckdb").toString());
        assertThat(r.csv()).allMatch(x -> x.get("io_link").equals("0") && x.get("dependency").equals("0")
                && x.get("distance").equals("0"));
        assertThat(r.err()).contains("no input–output table").contains("no dependent products").contains("no asking organisation");
        CliRun ru = ok("match", "--registry", reg.toString(), "--need", "обработка деталей", "--lang", "ru", "--db",
                dir.resolve("none.duckdb").toString());
        assertThat(ru.err()).contains("нет таблицы «затраты — выпуск»");
    }

    /** A competence is matched against the needs: Alpha's need for machining of gearbox housings. */
    @Test
    void aCompetenceFindsTheNeeds() {
        CliRun r = ok("match", "--registry", reg.toString(), "--competence", "Механическая обработка на станках с ЧПУ",
                "--codes", "25.62", "--inn", BETA, "--table", io.toString(), "--format", "csv", "--names", "--db",
                dir.resolve("none.duckdb").toString());
        assertThat(r.csv()).extracting(x -> x.get("inn")).containsExactly(ALPHA);
        Map<String, String> alpha = r.csv().get(0);
        assertThat(alpha.get("offer")).isEqualTo("Механическая обработка корпусов редукторов");
        // supplier 25 → buyer 28: 1; the need's code is the competence's
        assertThat(List.of(alpha.get("text"), alpha.get("code"), alpha.get("io_link"))).containsExactly("0.5", "0.2", "0.1");
        assertThat(alpha.get("tier")).isEqualTo("cluster");
    }

    @Test
    void theStoredRegistryGivesTheSameRows() {
        Path db = dir.resolve("k.duckdb");
        ok("registry", "import", reg.toString(), "--db", db.toString());
        CliRun stored = ok("match", "--need", "механическая обработка деталей", "--codes", "25.62", "--inn", ALPHA, "--table",
                io.toString(), "--dependent", dependent.toString(), "--as-of", "2024-06-30", "--format", "csv", "--db",
                db.toString());
        assertThat(stored.out()).isEqualTo(ok(args()).out());
    }

    /** With a dataset store, its default IO table stands in for --table, and the provenance names it. */
    @Test
    void theStoredTableIsTheDefault() {
        Path db = dir.resolve("k.duckdb");
        String id = ok("import", "io", io.toString(), "--db", db.toString()).out().strip();
        ok("registry", "import", reg.toString(), "--db", db.toString());
        CliRun stored = ok("match", "--need", "механическая обработка деталей", "--codes", "25.62", "--inn", ALPHA,
                "--dependent", dependent.toString(), "--as-of", "2024-06-30", "--format", "csv", "--db", db.toString());
        assertThat(stored.out()).isEqualTo(ok(args()).out());
        assertThat(stored.err()).doesNotContain("no input–output table").contains(id);
    }

    @Test
    void badInputNamesTheFileLineAndColumnAndExitsTwo() throws IOException {
        write("offers.csv", """
                inn,kind,text,codes
                7736050003,competence,Механическая обработка,25.62
                500100732259,offer,CNC machining,25.62
                """);
        CliRun r = klaster(args());
        assertThat(r.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("offers.csv, line 3, column \"kind\": \"offer\" is not a known value (expected one of: need,"
                + " competence)");

        write("offers.csv", "inn,kind,text,codes\n7736050003,competence,Механическая обработка,25.62;2562\n");
        r = klaster(args());
        assertThat(r.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(r.err()).contains("offers.csv, line 2, column \"codes\": \"2562\" is not an OKPD2/OKVED2 code");

        Files.writeString(dependent, "code\n25.62\n25_62\n", StandardCharsets.UTF_8);
        r = klaster(args());
        assertThat(r.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(r.err()).contains("dependent.csv, line 3, column \"code\": \"25_62\" is not an OKPD2/OKVED2 code");
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void badFlagsExitTwoNamingTheFlag() {
        CliRun r = klaster(args("--codes", "25-62"));
        assertThat(r.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(r.err()).contains("--codes").contains("“25-62” is not an OKPD2/OKVED2 code");
        r = klaster(args("--weights", "text=0.5,speed=1"));
        assertThat(r.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(r.err()).contains("--weights").contains("“speed=1” is not a weight");
        r = klaster(args("--weights", "text=-1"));
        assertThat(r.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(r.err()).contains("--weights").contains("the weight of text must be a number ≥ 0");
        r = klaster(args("--top", "0"));
        assertThat(r.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(r.err()).contains("--top");
        r = klaster(args("--inn", "7702070139"));
        assertThat(r.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(r.err()).contains("--inn").contains("INN 7702070139 is not in the registry");
        r = klaster(args("--competence", "сварка"));
        assertThat(r.code()).isEqualTo(Klaster.BAD_INPUT);
        r = klaster("match", "--registry", reg.toString(), "--db", dir.resolve("none.duckdb").toString());
        assertThat(r.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(r.err()).contains("--need").contains("--competence");
    }

    /** Nothing is written to --out when the input is refused; --out may not be an input. */
    @Test
    void outIsWrittenOnlyOnSuccess() throws IOException {
        Path out = dir.resolve("rows.csv");
        write("offers.csv", "inn,kind,text,codes\n7736050003,wish,x,\n");
        assertThat(klaster(args("--out", out.toString())).code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(out).doesNotExist();
        CliRun r = klaster(args("--out", dependent.toString()));
        assertThat(r.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(Files.readString(dependent)).isEqualTo("code\n25.62\n");
        // a file of the registry folder is an input too
        Path offers = reg.resolve("offers.csv");
        String before = Files.readString(offers);
        r = klaster(args("--out", offers.toString()));
        assertThat(r.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(r.err()).contains("--out").contains("is also given to --registry");
        assertThat(Files.readString(offers)).isEqualTo(before);
    }
}
