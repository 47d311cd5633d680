package org.klaster.app.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The command contract (formats.md §5) in one place: the columns each analysis prints without
 * {@code --names}, in order — the CLI, the API rows and the downloads all come from these schemas.
 */
class ContractColumnsTest {

    private static final Names NAMES = new Names(Lang.en, Reference.regions(), c -> null, c -> null);

    @Test
    void theCommandsPrintTheDocumentedColumns() {
        assertThat(MappingAnalysis.schema(false, NAMES, Map.of()).names()).containsExactly("region", "category", "year",
                "employment", "share", "lq", "size_star", "specialisation_star", "focus_star", "stars", "strong");
        assertThat(MappingAnalysis.schema(true, NAMES, Map.of()).names()).endsWith("employment_base", "change",
                "national_effect", "industry_mix", "regional_effect");
        assertThat(MultipliersAnalysis.schema(null, NAMES).names()).containsExactly("sector", "output", "output_multiplier",
                "backward_linkage", "forward_linkage", "key_sector", "import_content", "value_added_multiplier");
        assertThat(ShockAnalysis.schema(null, NAMES).names()).containsExactly("sector", "baseline_output", "output_change",
                "output_change_pct");
        assertThat(ExtractionAnalysis.schema(null, NAMES).names()).containsExactly("sector", "backward_extraction_loss",
                "backward_extraction_loss_pct", "forward_extraction_loss", "forward_extraction_loss_pct");
        assertThat(DependencyAnalysis.schema(NAMES).names()).containsExactly("product", "year", "imports", "exports",
                "import_hhi", "world_export_hhi", "import_export_ratio", "import_reliance", "dependent", "persistent",
                "top_partner", "top_partner_share");
        assertThat(ComplexityAnalysis.schema(NAMES).names()).containsExactly("year", "location", "product", "value", "rca",
                "mcp", "diversity", "ubiquity", "eci", "pci", "density", "coi", "cog");
        assertThat(DatasetsAnalysis.schema().names()).startsWith("id", "kind", "source", "rows", "sha256", "imported_at");
        assertThat(MatchAnalysis.schema(NAMES).names()).containsExactly("rank", "inn", "name", "score", "text", "code", "io_link",
                "distance", "dependency");
    }

    /** With names, each name column follows its code. */
    @Test
    void nameColumnsFollowTheirCodes() {
        List<String> named = DependencyAnalysis.schema(NAMES).columns(true).stream().map(Column::name).toList();
        assertThat(named.indexOf("product_name")).isEqualTo(named.indexOf("product") + 1);
        assertThat(named.indexOf("top_partner_name")).isEqualTo(named.indexOf("top_partner") + 1);
        List<String> map = MappingAnalysis.schema(false, NAMES, Map.of()).columns(true).stream().map(Column::name).toList();
        assertThat(map).startsWith("region", "region_name", "category", "category_name", "year");
    }

    /** Every column has a label and a unit label in both languages (no ⟦key⟧ on any page, download or schema). */
    @Test
    void everyColumnIsLabelledInBothLanguages() {
        for (Lang lang : Lang.values()) {
            Messages m = Messages.of(lang);
            for (Schema<?> s : List.of(MappingAnalysis.schema(true, NAMES, Map.of()), MultipliersAnalysis.schema(null, NAMES),
                    ShockAnalysis.schema(null, NAMES), ExtractionAnalysis.schema(null, NAMES), DependencyAnalysis.schema(NAMES),
                    CoverageAnalysis.schema(NAMES), PartnersAnalysis.schema(NAMES), ComplexityAnalysis.schema(NAMES),
                    ComplexityAnalysis.locationSchema(NAMES), ComplexityAnalysis.productSchema(NAMES),
                    OpportunitiesAnalysis.schema(NAMES), OpportunitiesAnalysis.producerSchema(NAMES), DatasetsAnalysis.schema(),
                    MappingAnalysis.regionSchema(Metric.lq, NAMES), MappingAnalysis.categorySchema(NAMES, Map.of()),
                    MatchAnalysis.schema(NAMES))) {
                for (Column<?> c : s.columns()) {
                    assertThat(m.has(c.labelKey())).as(lang + " " + s.id() + "." + c.name()).isTrue();
                    assertThat(Units.label(c.unit(), "million RUB", m)).doesNotContain("\u27e6");
                }
                assertThat(m.has("method." + s.id())).as(lang + " method." + s.id()).isTrue();
            }
        }
    }
}
