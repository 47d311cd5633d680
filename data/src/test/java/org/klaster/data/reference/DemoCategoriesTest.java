package org.klaster.data.reference;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCategoriesTest {

    @Test
    void categoriesAreBetween25And35WithUniqueIdsAndBothNames() {
        List<ClusterCategory> all = DemoCategories.all();
        assertThat(all.size()).isBetween(25, 35);
        assertThat(all.stream().map(ClusterCategory::id).distinct()).hasSize(all.size());
        assertThat(all).allSatisfy(c -> {
            assertThat(c.nameRu()).containsPattern("[А-Яа-я]");
            assertThat(c.nameEn()).isNotBlank();
        });
        assertThat(all).extracting(ClusterCategory::id).contains("automotive", "aerospace", "shipbuilding",
                "rail_equipment", "oil_gas", "chemicals", "pharma", "electronics", "electrical_equipment",
                "machine_tools", "machinery", "metals", "metal_products", "mining", "coal", "agro_food",
                "beverages_tobacco", "textiles_apparel", "wood_furniture", "pulp_paper", "construction_materials",
                "energy_utilities", "ict", "logistics", "finance", "construction_real_estate", "trade",
                "tourism", "education_research", "health_social", "business_services");
        assertThat(DemoCategories.byId("oil_gas")).get().extracting(ClusterCategory::traded).isEqualTo(true);
        assertThat(DemoCategories.byId("trade")).get().extracting(ClusterCategory::traded).isEqualTo(false);
        Map<String, String> ru = DemoCategories.categoryNames("ru");
        Map<String, String> en = DemoCategories.categoryNames("en");
        assertThat(ru.keySet()).isEqualTo(en.keySet()).hasSize(all.size());
        assertThat(en.get("aerospace")).isEqualTo("Aerospace");
        assertThat(ru.get("shipbuilding")).isEqualTo("Судостроение");
    }

    /** Every division must be listed itself, so the longest-prefix rule gives it exactly one category. */
    @Test
    void everyDivisionReachesExactlyOneCategory() {
        Map<String, String> map = DemoCategories.codeToCategory();
        Set<String> ids = DemoCategories.categoryNames("en").keySet();
        for (Division d : Okved2.divisions()) {
            List<String> prefixes = new ArrayList<>();
            for (String code : map.keySet()) {
                if (d.code().startsWith(code)) {
                    prefixes.add(code);
                }
            }
            assertThat(prefixes).as("codes of the map that are prefixes of division %s", d.code())
                    .containsExactly(d.code());
            assertThat(ids).contains(map.get(d.code()));
        }
        // finer codes hang under a listed division, and every category is reachable
        assertThat(map.keySet()).allSatisfy(code -> assertThat(map).containsKey(code.substring(0, 2)));
        assertThat(new HashSet<>(map.values())).isEqualTo(ids);
    }

    @Test
    void longestPrefixSelectsGroupCategories() {
        assertThat(DemoCategories.categoryOf("28.4")).contains("machine_tools");
        assertThat(DemoCategories.categoryOf("28.41.1")).contains("machine_tools");
        assertThat(DemoCategories.categoryOf("28.1")).contains("machinery");
        assertThat(DemoCategories.categoryOf("30.11")).contains("shipbuilding");
        assertThat(DemoCategories.categoryOf("30.2")).contains("rail_equipment");
        assertThat(DemoCategories.categoryOf("30.30")).contains("aerospace");
        assertThat(DemoCategories.categoryOf("49.50")).contains("oil_gas");
        assertThat(DemoCategories.categoryOf("49.1")).contains("logistics");
        assertThat(DemoCategories.categoryOf("58.29")).contains("ict");
        assertThat(DemoCategories.categoryOf("33.15")).contains("shipbuilding");
        assertThat(DemoCategories.categoryOf("6 2")).contains("ict");
        assertThat(DemoCategories.categoryOf("xx")).isEmpty();
    }

    @Test
    void categoryMapFileHasTheFormatsShape() throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                DemoCategories.class.getResourceAsStream(DemoCategories.MAP_RESOURCE), StandardCharsets.UTF_8))) {
            assertThat(in.readLine()).isEqualTo("industry,category,category_name");
            long rows = in.lines().filter(l -> !l.isBlank()).count();
            assertThat(rows).isEqualTo(DemoCategories.codeToCategory().size());
        }
    }
}
