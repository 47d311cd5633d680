package org.klaster.data.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.cooperation.SkillsGap;
import org.klaster.data.formats.GraduatesReader;
import org.klaster.data.formats.JobsReader;
import org.klaster.data.formats.SpecialtyOccupationsReader;
import org.klaster.data.formats.StaffingReader;
import org.klaster.data.reference.Okved2;
import org.klaster.data.reference.Regions;
import org.klaster.registry.Organisation;
import org.klaster.registry.OrganisationType;
import org.klaster.registry.Registry;

class DemoSkillsTest {

    @TempDir
    Path dir;

    @Test
    void staffingCoversEveryDivisionWithSharesUpToOne() {
        List<SkillsGap.Staff> s = DemoSkills.staffing();
        Map<String, Double> sums = new HashMap<>();
        for (SkillsGap.Staff x : s) {
            assertThat(SkillsGap.validOccupation(x.occupation())).isTrue();
            assertThat(x.share()).isBetween(0.0, 1.0);
            sums.merge(x.industry(), x.share(), Double::sum);
        }
        assertThat(sums).hasSize(Okved2.divisions().size());
        assertThat(sums.values()).allSatisfy(v -> assertThat(v).isCloseTo(0.95, within(0.002)));
    }

    @Test
    void concordanceSharesAddUpToOne() {
        Map<String, Double> sums = new HashMap<>();
        for (SkillsGap.Destination d : DemoSkills.concordance()) sums.merge(d.specialty(), d.share(), Double::sum);
        assertThat(sums.values()).allSatisfy(v -> assertThat(v).isCloseTo(1.0, within(1e-9)));
    }

    @Test
    void graduatesOfEveryRegionAndTheRegistrysInstitutions() {
        Registry r = DemoRegistry.generate();
        List<GraduatesReader.Row> g = DemoSkills.graduates(r);
        assertThat(g.stream().map(GraduatesReader.Row::region).distinct().count()).isEqualTo(Regions.all().size());
        double national = g.stream().filter(x -> x.year() == 2025).mapToDouble(GraduatesReader.Row::graduates).sum();
        assertThat(national).isBetween(700_000.0, 1_000_000.0);
        String samUniversity = r.organisations().stream()
                .filter(o -> o.type() == OrganisationType.UNIVERSITY && o.region().equals("RU-SAM")).map(Organisation::inn).findFirst().orElseThrow();
        assertThat(g).anySatisfy(x -> {
            assertThat(x.region()).isEqualTo("RU-SAM");
            assertThat(x.institution()).isEqualTo(samUniversity);
        });
    }

    @Test
    void writtenFilesReadBackAndAreTheSameOnEveryRun() throws Exception {
        Registry r = DemoRegistry.generate();
        DemoSkills.write(r, dir.resolve("a"));
        DemoSkills.write(r, dir.resolve("b"));
        for (String f : List.of("staffing.csv", "specialty_occupations.csv", "graduates.csv", "jobs.csv", "README.txt")) {
            assertThat(Files.readAllBytes(dir.resolve("a").resolve(f))).as(f).isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(f)));
        }
        assertThat(Files.readString(dir.resolve("a/README.txt"))).startsWith("SYNTHETIC");
        assertThat(StaffingReader.read(dir.resolve("a/staffing.csv"), null).records()).isEqualTo(DemoSkills.staffing());
        assertThat(SpecialtyOccupationsReader.read(dir.resolve("a/specialty_occupations.csv"), null).records())
                .isEqualTo(DemoSkills.concordance());
        assertThat(GraduatesReader.read(dir.resolve("a/graduates.csv"), null).records()).isEqualTo(DemoSkills.graduates(r));
        assertThat(JobsReader.read(dir.resolve("a/jobs.csv"), null).records()).isEqualTo(DemoSkills.jobs());
    }
}
