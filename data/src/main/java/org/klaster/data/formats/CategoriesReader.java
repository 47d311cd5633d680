package org.klaster.data.formats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
            Set<String> warnings = new LinkedHashSet<>(ActivityReader.ignoredColumnWarnings(t,
                    Set.of(INDUSTRY, CATEGORY, CATEGORY_NAME), "categories"));
            String unit = t.format().kind() == TabularFile.Kind.XLSX ? "row " : "line ";
            Map<String, String> codeToCategory = new LinkedHashMap<>();
            Map<String, Long> codeLine = new HashMap<>();
            Map<String, String> names = new LinkedHashMap<>();
            Map<String, Long> nameLine = new HashMap<>();
            TabularFile.Row row;
            while ((row = t.next()) != null) {
                String code = row.code(iIndustry);
                String category = row.text(iCategory);
                if (category.isEmpty()) {
                    throw row.error(iCategory, "the value is empty, but every industry code needs a category");
                }
                Long before = codeLine.putIfAbsent(code, row.line());
                if (before != null) {
                    throw row.error(iIndustry, "industry " + InputException.quote(code) + " appears twice (first on "
                            + unit + before + ")");
                }
                codeToCategory.put(code, category);
                if (iName >= 0) {
                    String name = row.text(iName);
                    if (!name.isEmpty()) {
                        String known = names.putIfAbsent(category, name);
                        if (known != null && !known.equals(name)) {
                            throw row.error(iName, "category " + InputException.quote(category) + " is named "
                                    + InputException.quote(name) + " here but " + InputException.quote(known) + " on "
                                    + unit + nameLine.get(category));
                        }
                        nameLine.putIfAbsent(category, row.line());
                    }
                }
            }
            if (codeToCategory.isEmpty()) {
                warnings.add(InputException.displayName(file) + ": the file has a header but no data rows");
            }
            warnings.addAll(t.warnings());
            return new Categories(codeToCategory, names, new ArrayList<>(warnings));
        }
    }
}
