package org.klaster.data.formats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.klaster.Text;

/**
 * A product → industry concordance ({@code concordance.csv}: {@code product,industry}; the longest
 * listed product-code prefix of a product gives its industry).
 *
 * @param productToIndustry product code prefix (as written, trimmed) → industry code, in file order
 * @param warnings          non-fatal remarks (ignored columns, …)
 */
public record Concordance(Map<String, String> productToIndustry, List<Text> warnings) {
    public Concordance {
        productToIndustry = Collections.unmodifiableMap(new LinkedHashMap<>(productToIndustry));
        warnings = List.copyOf(warnings);
    }
}
