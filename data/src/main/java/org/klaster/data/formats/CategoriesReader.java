package org.klaster.data.formats;

import static org.klaster.data.formats.DataText.data;
import static org.klaster.data.formats.DataText.quoted;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.klaster.Text;

/**
 * Reads {@code categories.csv}: {@code industry,category[,category_name]} (CSV or .xlsx, detected as
 * in {@link TabularFile}).
 *
 * <p>Errors (file, line, column named; nothing returned): a missing column, an empty industry code
 * or category, the same industry code twice (both lines named), one category given two different
 * names. Extra columns are ignored with a warning. An empty {@code category_name} leaves the
 * category unnamed.
 */
public final class CategoriesReader {

    static final String INDUSTRY = "industry";
    static final String CATEGORY = "category";
    static final String CATEGORY_NAME = "category_name";

    private CategoriesReader() {
    }

    public static Categories read(Path file) throws IOException {
        return read(file, null);
    }

    /**
     * @param sheet sheet of a workbook, or null for the first sheet (must be null for CSV)
     * @throws InputException on any problem with the content
     */
    public static Categories read(Path file, String sheet) throws IOException {
        try (TabularFile t = TabularFile.open(file, sheet)) {
            t.require(INDUSTRY, CATEGORY);
            int iIndustry = t.indexOf(INDUSTRY);
            int iCategory = t.indexOf(CATEGORY);
            int iName = t.indexOf(CATEGORY_NAME);
            Set<Text> warnings = new LinkedHashSet<>(ActivityReader.ignoredColumnWarnings(t,
                    Set.of(INDUSTRY, CATEGORY, CATEGORY_NAME), "categories"));
            Map<String, String> codeToCategory = new LinkedHashMap<>();
            Map<String, Long> codeLine = new HashMap<>();
            Map<String, String> names = new LinkedHashMap<>();
            Map<String, Long> nameLine = new HashMap<>();
            TabularFile.Row row;
            while ((row = t.next()) != null) {
                String code = row.code(iIndustry);
                String category = row.text(iCategory);
                if (category.isEmpty()) {
                    throw row.error(iCategory, data("categories.category.empty"));
                }
                Long before = codeLine.putIfAbsent(code, row.line());
                if (before != null) {
                    throw row.error(iIndustry, data("categories.duplicate", quoted(code), t.firstOn(before)));
                }
                codeToCategory.put(code, category);
                if (iName >= 0) {
                    String name = row.text(iName);
                    if (!name.isEmpty()) {
                        String known = names.putIfAbsent(category, name);
                        if (known != null && !known.equals(name)) {
                            throw row.error(iName, data("categories.name.conflict", quoted(category), quoted(name),
                                    quoted(known), t.lineOrRow(nameLine.get(category))));
                        }
                        nameLine.putIfAbsent(category, row.line());
                    }
                }
            }
            if (codeToCategory.isEmpty()) {
                warnings.add(data("warning.file", InputException.displayName(file), data("file.no.rows")));
            }
            warnings.addAll(t.warnings());
            return new Categories(codeToCategory, names, new ArrayList<>(warnings));
        }
    }
}
