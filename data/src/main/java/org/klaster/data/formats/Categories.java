package org.klaster.data.formats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.klaster.Text;

/**
 * An industry → cluster-category map (formats.md §1, {@code categories.csv}).
 *
 * @param codeToCategory industry code (as written, trimmed) → category, in file order
 * @param categoryNames  category → display name, for categories that have one
 * @param warnings       non-fatal remarks (ignored columns, …)
 */
public record Categories(Map<String, String> codeToCategory, Map<String, String> categoryNames, List<Text> warnings) {
    public Categories {
        codeToCategory = Collections.unmodifiableMap(new LinkedHashMap<>(codeToCategory));
        categoryNames = Collections.unmodifiableMap(new LinkedHashMap<>(categoryNames));
        warnings = List.copyOf(warnings);
    }

    public Categories(Map<String, String> codeToCategory, Map<String, String> categoryNames) {
        this(codeToCategory, categoryNames, List.of());
    }
}
