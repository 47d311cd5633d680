package org.klaster.data.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class Okved2Test {

    @Test
    void sectionsAreAtoU() {
        assertThat(Okved2.sections()).hasSize(21);
        assertThat(Okved2.sections().stream().map(Section::code).collect(Collectors.joining()))
                .isEqualTo("ABCDEFGHIJKLMNOPQRSTU");
        assertThat(Okved2.sections()).allSatisfy(s -> {
            assertThat(s.nameRu()).containsPattern("[А-Яа-я]");
            assertThat(s.nameEn()).isNotBlank();
        });
    }

    @Test
    void thereAre88DivisionsEachInAKnownSection() {
        assertThat(Okved2.divisions()).hasSize(88);
        assertThat(Okved2.divisions().stream().map(Division::code).collect(Collectors.toSet())).hasSize(88);
        assertThat(Okved2.divisions()).allSatisfy(d -> {
            assertThat(d.code()).matches("\\d\\d");
            assertThat(Okved2.section(d.section())).isPresent();
            assertThat(d.nameRu()).containsPattern("[А-Яа-я]");
            assertThat(d.nameEn()).isNotBlank();
        });
        Set<String> used = Okved2.divisions().stream().map(Division::section).collect(Collectors.toSet());
        assertThat(used).hasSize(21);
        assertThat(Okved2.division("01")).get().extracting(Division::section).isEqualTo("A");
        assertThat(Okved2.division("04")).isEmpty();
        assertThat(Okved2.divisionOf("30.30.1")).get().extracting(Division::code).isEqualTo("30");
        assertThat(Okved2.sectionOf("62.01")).get().extracting(Section::code).isEqualTo("J");
        assertThat(Okved2.name("30.3", "en")).contains("Air and spacecraft");
        assertThat(Okved2.name("29", "ru")).get().asString().contains("Автотранспорт");
        assertThat(Okved2.name("00", "en")).isEmpty();
    }

    @Test
    void groupsBelongToTheirDivisions() {
        assertThat(Okved2.groups()).extracting(Group::code)
                .contains("28.1", "28.2", "28.3", "28.4", "28.9", "30.1", "30.2", "30.3", "30.4", "30.9");
        assertThat(Okved2.groups()).allSatisfy(g -> assertThat(g.code()).startsWith(g.division() + "."));
    }

    @Test
    void divisionsAndGroupsMatchTheRosstatClassifierFile() throws IOException {
        Path file = SharedData.require("classifiers/okved2/okved2_flat.json");
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        Map<String, String> divisionSection = new HashMap<>();
        Set<String> groupCodes = new java.util.HashSet<>();
        for (JsonNode n : root) {
            // the file's "Class" is the two-digit division, its "SubClass" the xx.x group
            if ("Class".equals(n.get("type").asText())) {
                divisionSection.put(n.get("code").asText(), n.get("section").asText());
            } else if ("SubClass".equals(n.get("type").asText())) {
                groupCodes.add(n.get("code").asText());
            }
        }
        assertThat(divisionSection).hasSize(88);
        Map<String, String> ours = Okved2.divisions().stream()
                .collect(Collectors.toMap(Division::code, Division::section));
        assertThat(ours).isEqualTo(divisionSection);
        assertThat(groupCodes).containsAll(Okved2.groups().stream().map(Group::code).toList());
    }
}
