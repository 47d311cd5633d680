package org.klaster.data.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.klaster.registry.ContractType;
import org.klaster.registry.Membership;
import org.klaster.registry.Organisation;
import org.klaster.registry.OrganisationType;
import org.klaster.registry.Registry;

/**
 * The registry folder (formats.md, "Registry"): a valid folder is read whole; each malformed variant — one
 * file of the valid folder changed — is refused naming the file, line and column, and nothing is returned.
 * INNs and OGRNs are the published numbers of IdentifiersTest (core).
 */
class RegistryReaderTest {

    @TempDir
    Path dir;

    static Map<String, String> valid() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("organisations.csv", """
                inn,ogrn,name,type,okved,region,lat,lon,employees,revenue,final_producer,special_territory
                7707083893,1027700132195,Alpha,enterprise,29.10,RU-TA,55.79,49.12,1200,5000000,true,false
                7736050003,1027700070518,"Beta, JSC",enterprise,29.32,RU-TA,,,300,,false,false
                7706107510,1027700043502,Gamma Institute,research,72.19,RU-TA,,,,,false,TRUE
                500100732259,304500116000157,Delta IP,enterprise,25.62,RU-SAM,,,,,,
                """);
        m.put("clusters.csv", """
                cluster,name,type,regions,specialisation,specialised_organisation
                AUTO,Auto cluster,industrial,RU-TA; RU-SAM,29.10;29.32,7706107510
                """);
        m.put("memberships.csv", """
                cluster,inn,joined,left
                AUTO,7707083893,2016-03-01,
                AUTO,7736050003,01.06.2017,
                AUTO,7706107510,2018-01-15,2024-12-31
                AUTO,500100732259,2023-02-01,
                """);
        m.put("contracts.csv", """
                cluster,supplier,buyer,type,year,value
                AUTO,7736050003,7707083893,supply,2023,1234.5
                AUTO,7706107510,7707083893,works,2023,300
                """);
        m.put("facts.csv", """
                inn,year,output,purchases
                7707083893,2023,10000,5000
                7736050003,2023,4000,
                """);
        return m;
    }

    Path folder(Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> e : files.entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
        return dir;
    }

    @Test
    void aValidFolderIsReadWhole() throws IOException {
        RegistryReader.Result r = RegistryReader.read(folder(valid()));
        Registry reg = r.registry();
        assertThat(reg.organisations()).extracting(Organisation::inn)
                .containsExactly("7707083893", "7736050003", "7706107510", "500100732259");
        Organisation alpha = reg.organisations().get(0);
        assertThat(alpha.finalProducer()).isTrue();
        assertThat(alpha.lat()).isEqualTo(55.79);
        assertThat(reg.organisations().get(1).name()).isEqualTo("Beta, JSC");
        assertThat(reg.organisations().get(1).revenue()).isNaN();
        assertThat(reg.organisations().get(2).type()).isEqualTo(OrganisationType.RESEARCH);
        assertThat(reg.organisations().get(2).specialTerritory()).isTrue();
        assertThat(reg.cluster("AUTO").regions()).containsExactly("RU-TA", "RU-SAM");
        assertThat(reg.cluster("AUTO").specialisedOrganisation()).isEqualTo("7706107510");
        assertThat(reg.memberships()).extracting(Membership::joined).containsExactly(LocalDate.of(2016, 3, 1),
                LocalDate.of(2017, 6, 1), LocalDate.of(2018, 1, 15), LocalDate.of(2023, 2, 1));
        assertThat(reg.memberships().get(2).left()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(reg.contracts().get(0).value()).isEqualTo(1234.5);
        assertThat(reg.contracts().get(1).type()).isEqualTo(ContractType.WORKS);
        assertThat(reg.facts().get(1).purchases()).as("empty = missing, never zero").isNaN();
        assertThat(reg.offers()).isEmpty();
        assertThat(r.files()).hasSize(5);
        assertThat(r.sha256()).hasSize(64);
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void offersAreReadWhenPresentAndExtraColumnsAreWarnings() throws IOException {
        Map<String, String> m = valid();
        m.put("offers.csv", """
                inn,kind,text,codes,comment
                7707083893,need,Литьё алюминия под давлением,24.53;25.50,x
                7706107510,competence,Testing of composite materials,,
                """);
        RegistryReader.Result r = RegistryReader.read(folder(m));
        assertThat(r.registry().offers()).hasSize(2);
        assertThat(r.registry().offers().get(0).codes()).containsExactly("24.53", "25.50");
        assertThat(r.registry().offers().get(1).codes()).isEmpty();
        assertThat(r.warnings()).anyMatch(w -> w.toString().contains("\"comment\" is not part of the offers format"));
    }

    /** A workbook file stands in for its CSV; a workbook date cell (a serial number) is a date. */
    @Test
    void anXlsxFileIsReadLikeItsCsv() throws IOException {
        Map<String, String> m = valid();
        m.remove("memberships.csv");
        folder(m);
        try (OutputStream os = Files.newOutputStream(dir.resolve("memberships.xlsx"));
             Workbook wb = new Workbook(os, "Klaster test", "1.0")) {
            Worksheet s = wb.newWorksheet("Memberships");
            String[] h = {"cluster", "inn", "joined", "left"};
            for (int c = 0; c < h.length; c++) s.value(0, c, h[c]);
            s.value(1, 0, "AUTO");
            s.value(1, 1, "7707083893");
            s.value(1, 2, LocalDate.of(2016, 3, 1));
            s.value(2, 0, "AUTO");
            s.value(2, 1, "7736050003");
            s.value(2, 2, "2017-06-01");
        }
        Registry reg = RegistryReader.read(dir).registry();
        assertThat(reg.memberships()).extracting(Membership::joined).containsExactly(LocalDate.of(2016, 3, 1),
                LocalDate.of(2017, 6, 1));
    }

    static Arguments bad(String file, String content, long line, String column, String fragment) {
        return Arguments.of(file, content, line, column, fragment);
    }

    static final String ORG_HEADER = "inn,ogrn,name,type,okved,region,final_producer\n";
    static final String ALPHA = "7707083893,1027700132195,Alpha,enterprise,29.10,RU-TA,true\n";
    static final String BETA = "7736050003,1027700070518,Beta,enterprise,29.32,RU-TA,false\n";
    static final String GAMMA = "7706107510,1027700043502,Gamma,research,72.19,RU-TA,false\n";
    static final String DELTA = "500100732259,304500116000157,Delta IP,enterprise,25.62,RU-SAM,false\n";

    static Stream<Arguments> malformed() {
        return Stream.of(
                bad("organisations.csv", ORG_HEADER + ALPHA + "7736050004,1027700070518,Beta,enterprise,29.32,RU-TA,false\n"
                        + GAMMA + DELTA, 3, "inn", "\"7736050004\" is not a valid INN: its check digit is wrong"),
                bad("organisations.csv", ORG_HEADER + ALPHA + BETA + GAMMA + "50010073225,304500116000157,D,enterprise,25,RU-SAM,\n",
                        5, "inn", "\"50010073225\" is not an INN: an INN has 10 digits (organisation) or 12 digits"),
                bad("organisations.csv", ORG_HEADER + "7707083893,1027700132196,Alpha,enterprise,29.10,RU-TA,true\n" + BETA
                        + GAMMA + DELTA, 2, "ogrn", "\"1027700132196\" is not a valid OGRN: its check digit is wrong"),
                bad("organisations.csv", ORG_HEADER + ALPHA + BETA + GAMMA
                        + "500100732259,1027700043502,Delta IP,enterprise,25.62,RU-SAM,false\n", 5, "ogrn",
                        "OGRN \"1027700043502\" does not fit INN \"500100732259\""),
                bad("organisations.csv", ORG_HEADER + ALPHA + BETA + GAMMA + DELTA
                        + "7707083893,1027700132195,Alpha again,enterprise,29.10,RU-TA,true\n", 6, "inn",
                        "INN \"7707083893\" appears twice (first on line 2)"),
                bad("organisations.csv", ORG_HEADER + ALPHA + "7736050003,1027700070518,Beta,factory,29.32,RU-TA,false\n"
                        + GAMMA + DELTA, 3, "type", "\"factory\" is not a known value (expected one of: enterprise, research,"),
                bad("organisations.csv", ORG_HEADER + "7707083893,1027700132195,Alpha,enterprise,29.10,RU-TA,yes\n" + BETA
                        + GAMMA + DELTA, 2, "final_producer", "\"yes\" is not a flag (expected true or false)"),
                bad("clusters.csv", "cluster,name,type,regions,specialisation,specialised_organisation\n"
                        + "AUTO,Auto,industrial,RU-TA,29.10,7702070139\n", 2, "specialised_organisation",
                        "INN \"7702070139\" is not in organisations"),
                bad("clusters.csv", "cluster,name,type,regions,specialisation,specialised_organisation\n"
                        + "AUTO,Auto,manufacturing,RU-TA,29.10,\n", 2, "type",
                        "\"manufacturing\" is not a known value (expected one of: industrial, innovative_territorial, other)"),
                bad("memberships.csv", "cluster,inn,joined\nAUTO,7707083893,2016-03-01\nAUTO,7702070139,2016-03-01\n", 3, "inn",
                        "INN \"7702070139\" is not in organisations"),
                bad("memberships.csv", "cluster,inn,joined\nAUTO,7707083893,2016-03-01\nAVIA,7736050003,2016-03-01\n", 3,
                        "cluster", "cluster \"AVIA\" is not in clusters"),
                bad("memberships.csv", "cluster,inn,joined\nAUTO,7707083893,1850-03-01\n", 2, "joined",
                        "\"1850-03-01\" is out of range (expected a date in 1900–2100)"),
                bad("memberships.csv", "cluster,inn,joined\nAUTO,7707083893,2023-02-30\n", 2, "joined",
                        "\"2023-02-30\" is not a date (expected YYYY-MM-DD"),
                bad("memberships.csv", "cluster,inn,joined,left\nAUTO,7707083893,2020-01-01,2019-12-31\n", 2, "left",
                        "left 2019-12-31 is before joined 2020-01-01"),
                bad("memberships.csv", "cluster,inn,joined,left\nAUTO,7707083893,2016-01-01,2020-12-31\n"
                        + "AUTO,7707083893,2020-06-01,\n", 3, "joined",
                        "membership of INN \"7707083893\" in cluster \"AUTO\" overlaps an earlier one (first on line 2)"),
                bad("contracts.csv", "cluster,supplier,buyer,type,year,value\nAUTO,7736050003,7702070139,supply,2023,10\n", 2,
                        "buyer", "INN \"7702070139\" is not in organisations"),
                bad("contracts.csv", "cluster,supplier,buyer,type,year,value\nAUTO,7736050003,7736050003,supply,2023,10\n", 2,
                        "buyer", "a contract of \"7736050003\" with itself"),
                bad("contracts.csv", "cluster,supplier,buyer,type,year,value\nAUTO,7736050003,7707083893,supply,2023,10\n"
                        + "AUTO,7706107510,7707083893,works,2023,-5\n", 3, "value", "\"-5\" is negative; the value cannot be negative"),
                bad("contracts.csv", "cluster,supplier,buyer,type,year,value\nAUTO,7736050003,7707083893,loan,2023,10\n", 2,
                        "type", "\"loan\" is not a known value (expected one of: supply, works, import_substitution, spic)"),
                bad("contracts.csv", "cluster,supplier,buyer,type,year,value\nAUTO,7736050003,7707083893,supply,1850,10\n", 2,
                        "year", "\"1850\" is not a plausible year (expected 1900–2100)"),
                bad("facts.csv", "inn,year,output,purchases\n7707083893,2023,-1,5\n", 2, "output",
                        "\"-1\" is negative; the value cannot be negative"),
                bad("facts.csv", "inn,year,output,purchases\n7707083893,2023,1,5\n7707083893,2023,2,5\n", 3, null,
                        "INN \"7707083893\", year 2023 appears twice (first on line 2)"),
                bad("facts.csv", "inn,year,output\n7707083893,2023,1\n", 0, "purchases",
                        "required column \"purchases\" is missing"),
                bad("offers.csv", "inn,kind,text,codes\n7707083893,need,Castings,24.53\n7736050003,offer,Machining,25.62\n", 3,
                        "kind", "\"offer\" is not a known value (expected one of: need, competence)"),
                bad("offers.csv", "inn,kind,text,codes\n7707083893,need,Castings,24.53;24-51\n", 2, "codes",
                        "\"24-51\" is not an OKPD2/OKVED2 code"),
                bad("offers.csv", "inn,kind,text,codes\n7707083893,competence,Machining,2562\n", 2, "codes",
                        "\"2562\" is not an OKPD2/OKVED2 code"));
    }

    @ParameterizedTest(name = "{0}: {4}")
    @MethodSource("malformed")
    void eachProblemIsRefusedWithFileLineAndColumn(String file, String content, long line, String column, String fragment)
            throws IOException {
        Map<String, String> m = valid();
        m.put(file, content);
        InputException e = catchThrowableOfType(InputException.class, () -> RegistryReader.read(folder(m)));
        MalformedCorpus.assertRefused(e, file, line, column, fragment);
        assertThat(e.text().in(Locale.forLanguageTag("ru"))).doesNotContain("\u27e6").contains(file);
    }

    @Test
    void aMissingFileOrTwoVersionsOfOneFileAreRefused() throws IOException {
        Map<String, String> m = valid();
        m.remove("facts.csv");
        InputException missing = catchThrowableOfType(InputException.class, () -> RegistryReader.read(folder(m)));
        assertThat(missing.getMessage()).isEqualTo("facts.csv: the registry folder has neither facts.csv nor facts.xlsx");
        Files.writeString(dir.resolve("facts.csv"), valid().get("facts.csv"));
        Files.writeString(dir.resolve("facts.xlsx"), "not really");
        InputException both = catchThrowableOfType(InputException.class, () -> RegistryReader.read(dir));
        assertThat(both.getMessage()).contains("has both facts.csv and facts.xlsx");
        InputException notDir = catchThrowableOfType(InputException.class,
                () -> RegistryReader.read(dir.resolve("facts.csv")));
        assertThat(notDir.getMessage()).contains("the registry must be a folder");
    }
}
