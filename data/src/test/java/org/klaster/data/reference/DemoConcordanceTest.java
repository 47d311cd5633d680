package org.klaster.data.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.klaster.complexity.Opportunities;
import org.klaster.data.demo.DemoEconomy;
import org.klaster.data.demo.DemoTrade;
import org.klaster.dependency.TradeFlow;
import org.klaster.mapping.CategoryMap;

class DemoConcordanceTest {

    static final Map<String, String> MAP = DemoConcordance.productToIndustry();
    static final CategoryMap CONCORDANCE = CategoryMap.of(MAP, Map.of());

    @Test
    void everyHsChapterIsListedExceptTheReservedOne() {
        for (int ch = 1; ch <= 97; ch++) {
            String chapter = String.format("%02d", ch);
            if (ch == 77) {
                assertThat(MAP).doesNotContainKey(chapter);
            } else {
                assertThat(MAP).as("chapter %s", chapter).containsKey(chapter);
            }
        }
    }

    @Test
    void everyIndustryIsOneOfTheDemoEconomy() {
        List<String> industries = DemoEconomy.standard().industries();
        for (Map.Entry<String, String> e : MAP.entrySet()) {
            assertThat(industries).as("industry of %s", e.getKey()).contains(e.getValue());
        }
    }

    @Test
    void overridesWinOverTheirChapter() {
        assertThat(Opportunities.industryOf(CONCORDANCE, "2709")).isEqualTo("06");   // crude oil: extraction
        assertThat(Opportunities.industryOf(CONCORDANCE, "2710")).isEqualTo("19");   // refined: chapter 27
        assertThat(Opportunities.industryOf(CONCORDANCE, "2701")).isEqualTo("05");
        assertThat(Opportunities.industryOf(CONCORDANCE, "8457")).isEqualTo("28.4");  // machining centres
        assertThat(Opportunities.industryOf(CONCORDANCE, "8542")).isEqualTo("26");    // integrated circuits
        assertThat(Opportunities.industryOf(CONCORDANCE, "8543")).isEqualTo("27");    // 4-digit beats "854"
        assertThat(Opportunities.industryOf(CONCORDANCE, "8517")).isEqualTo("26");
        assertThat(Opportunities.industryOf(CONCORDANCE, "8501")).isEqualTo("27");
        assertThat(Opportunities.industryOf(CONCORDANCE, "9018")).isEqualTo("32");
        assertThat(Opportunities.industryOf(CONCORDANCE, "9015")).isEqualTo("26");
        assertThat(Opportunities.industryOf(CONCORDANCE, "2846")).isEqualTo("20");
        assertThat(Opportunities.industryOf(CONCORDANCE, "3004")).isEqualTo("21");
        assertThat(Opportunities.industryOf(CONCORDANCE, "8703")).isEqualTo("29");
        assertThat(Opportunities.industryOf(CONCORDANCE, "8710")).isEqualTo("30.4");
        assertThat(Opportunities.industryOf(CONCORDANCE, "390110")).isEqualTo("20");  // six digits: longest prefix
        assertThat(Opportunities.industryOf(CONCORDANCE, "3926")).isEqualTo("22");
    }

    @Test
    void everyDemoTradeProductLinksToADemoIndustry() {
        List<String> industries = DemoEconomy.standard().industries();
        Set<String> products = new HashSet<>();
        for (TradeFlow f : DemoTrade.standard().flows()) {
            products.add(f.product());
        }
        assertThat(products).hasSizeGreaterThan(100);
        for (String p : products) {
            String code = Opportunities.industryOf(CONCORDANCE, p);
            assertThat(code).as("product %s", p).isNotNull();
            assertThat(Opportunities.resolve(code, industries)).as("product %s", p).isEqualTo(code);
        }
    }
}
