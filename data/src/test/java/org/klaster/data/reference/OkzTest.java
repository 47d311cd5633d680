package org.klaster.data.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OkzTest {

    @Test
    void tenMajorGroupsAndTheirSubMajorGroups() {
        assertThat(Okz.groups().stream().filter(g -> g.code().length() == 1)).hasSize(10);
        assertThat(Okz.groups().stream().filter(g -> g.code().length() == 2)).hasSize(43);
        assertThat(Okz.groups()).filteredOn(g -> g.code().length() == 2)
                .allSatisfy(g -> assertThat(Okz.group(g.code().substring(0, 1))).isPresent());
    }

    @Test
    void aFinerCodeIsNamedByItsGroup() {
        assertThat(Okz.name("72", "en")).contains("Metal, machinery and related trades workers");
        assertThat(Okz.name("7223", "en")).contains("Metal, machinery and related trades workers");
        assertThat(Okz.name("7", "ru")).contains("Квалифицированные рабочие промышленности и строительства");
        assertThat(Okz.name("", "en")).isEmpty();
    }
}
