package org.klaster.data.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.data.formats.RegistryReader;
import org.klaster.data.formats.RulesReader;
import org.klaster.registry.Compliance;
import org.klaster.registry.ComplianceResult;
import org.klaster.registry.ComplianceRow;
import org.klaster.registry.Identifiers;
import org.klaster.registry.Membership;
import org.klaster.registry.Organisation;
import org.klaster.registry.Registry;
import org.klaster.registry.RuleSet;

/**
 * The demo registry passes and fails as designed (docs/demo.md, "Demo registry"), with the project's rules,
 * after a round trip through its folder and the registry reader (which checks every INN and OGRN).
 */
class DemoRegistryTest {

    static Registry registry;
    static RuleSet rules;
    @TempDir
    static Path dir;

    @BeforeAll
    static void write() throws IOException {
        DemoRegistry.write(DemoRegistry.generate(), dir.resolve("registry"));
        registry = RegistryReader.read(dir.resolve("registry")).registry();
        rules = RulesReader.project().rules();
    }

    static ComplianceResult check(String cluster, String asOf, int year) {
        return Compliance.check(registry, cluster, rules, LocalDate.parse(asOf), year, true);
    }

    @Test
    void threeClustersOfTenToFortyParticipantsWithValidNumbers() {
        assertThat(registry.clusters()).extracting(c -> c.id()).containsExactly("SAM-AUTO", "TA-AERO", "SVE-METAL");
        for (var c : registry.clusters()) {
            long n = registry.memberships().stream().filter(m -> m.cluster().equals(c.id())
                    && m.activeOn(LocalDate.of(2024, 12, 31))).count();
            assertThat(n).as(c.id()).isBetween(10L, 40L);
            assertThat(c.name()).contains("SYNTHETIC");
        }
        assertThat(registry.organisations()).allMatch(o -> Identifiers.validInn(o.inn()) && Identifiers.validOgrn(o.ogrn()));
        // tax office 00 does not exist, so no number is a real organisation's
        assertThat(registry.organisations()).extracting(Organisation::inn).allMatch(inn -> inn.startsWith("00", 2));
        assertThat(registry.organisations()).extracting(Organisation::name).allMatch(n -> !n.isBlank());
    }

    @Test
    void theAutomotiveAndAerospaceClustersMeetEveryRequirementEveryYear() {
        for (String c : List.of("SAM-AUTO", "TA-AERO")) {
            for (int y = DemoRegistry.FIRST_YEAR; y <= DemoRegistry.LAST_YEAR; y++) {
                ComplianceResult r = check(c, y + "-12-31", y);
                assertThat(r.rows().stream().filter(x -> !x.passed()).toList()).as(c + " " + y).isEmpty();
                assertThat(r.compliant()).as(c + " " + y).isTrue();
            }
        }
    }

    @Test
    void theAerospaceClusterHasTwoExemptNewcomersAndAFormerMember() {
        ComplianceResult r = check("TA-AERO", "2024-12-31", 2024);
        assertThat(r.rows().stream().filter(ComplianceRow::exempt).map(ComplianceRow::subject).distinct()).hasSize(2);
        assertThat(r.participants()).isEqualTo(19);
        assertThat(registry.memberships()).filteredOn(m -> m.cluster().equals("TA-AERO") && m.left() != null)
                .extracting(Membership::left).containsExactly(LocalDate.of(2023, 6, 30));
    }

    @Test
    void theMetalsClusterFailsOnlyTheFunctionalDependence() {
        for (int y = DemoRegistry.FIRST_YEAR; y <= DemoRegistry.LAST_YEAR; y++) {
            ComplianceResult r = check("SVE-METAL", y + "-12-31", y);
            List<ComplianceRow> failed = r.rows().stream().filter(x -> !x.passed()).toList();
            assertThat(failed).as("" + y).hasSize(1);
            ComplianceRow fd = failed.get(0);
            assertThat(fd.requirement()).isEqualTo("functional_dependence");
            assertThat(fd.value()).isBetween(0.10, 0.135);
            assertThat(fd.threshold()).isEqualTo(0.2);
            assertThat(fd.note().toString()).startsWith("final producers buy 1").contains("20 % needed");
        }
        // before the functional-dependence rule (2022-01-01) the same facts pass
        assertThat(check("SVE-METAL", "2021-12-31", 2022).compliant()).isTrue();
    }

    @Test
    void theGeneratorIsDeterministic() throws IOException {
        Path again = dir.resolve("again");
        DemoRegistry.write(DemoRegistry.generate(), again);
        for (String f : List.of("organisations.csv", "clusters.csv", "memberships.csv", "contracts.csv", "facts.csv")) {
            assertThat(Files.readAllBytes(again.resolve(f))).as(f).isEqualTo(Files.readAllBytes(dir.resolve("registry").resolve(f)));
        }
    }
}
