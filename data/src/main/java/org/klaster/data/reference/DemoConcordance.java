package org.klaster.data.reference;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's product → industry concordance ({@code hs4_okved2_demo.csv}, columns
 * {@code product,industry,note}): every HS chapter 01–97 (77 is reserved in the HS and has no goods)
 * mapped to the OKVED2 division that mainly makes its goods, with four-digit (or three-digit)
 * overrides where a chapter spans divisions, e.g. 2709 crude oil → 06 while chapter 27 → 19, and
 * 8457 machining centres → 28.4. Industry codes are those of the demo economy (divisions, with the
 * groups 28.x and 30.x). Written by hand for the demo: a plausible main-activity assignment, not an
 * official correspondence table. Apply it with the longest-prefix rule
 * ({@code org.klaster.complexity.Opportunities#industryOf}).
 */
public final class DemoConcordance {

    public static final String RESOURCE = "/org/klaster/data/reference/hs4_okved2_demo.csv";

    private static final class Holder {
        static final Map<String, String> MAP;

        static {
            record Entry(String product, String industry) {
            }
            List<Entry> rows = ReferenceCsv.read(RESOURCE, List.of("product", "industry", "note"), row -> {
                String product = row.text("product");
                if (!product.matches("\\d{2,4}")) {
                    throw row.fail("product", "is not an HS code prefix of 2 to 4 digits: '" + product + "'");
                }
                String industry = row.text("industry");
                if (!industry.matches("\\d\\d(\\.\\d{1,2})?")) {
                    throw row.fail("industry", "is not an OKVED2 code xx, xx.x or xx.xx: '" + industry + "'");
                }
                row.text("note");
                return new Entry(product, industry);
            });
            Map<String, String> map = new LinkedHashMap<>();
            for (Entry e : rows) {
                if (map.put(e.product(), e.industry()) != null) {
                    throw new IllegalStateException(RESOURCE + ": product " + e.product() + " listed twice");
                }
            }
            MAP = Collections.unmodifiableMap(map);
        }
    }

    private DemoConcordance() {
    }

    /** Product code prefix → industry code, in file order. Unmodifiable. */
    public static Map<String, String> productToIndustry() {
        return Holder.MAP;
    }
}
