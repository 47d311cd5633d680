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
 * Reads a product → industry concordance {@code product,industry} (CSV or .xlsx, detected as in
 * {@link TabularFile}). Products are code prefixes at any level (HS chapter {@code 85}, heading
 * {@code 8542}, subheading {@code 854231}); the longest listed prefix of a product wins.
 *
 * <p>Errors (file, line, column named; nothing returned): a missing column, an empty product or
 * industry code, a product code containing a space inside it, the same product code twice (both lines
 * named). Extra columns (e.g. a note) are ignored with a warning; a header without rows is a warning.
 */
public final class ConcordanceReader {

    static final String PRODUCT = "product";
    static final String INDUSTRY = "industry";

    private ConcordanceReader() {
    }

    public static Concordance read(Path file) throws IOException {
        return read(file, null);
    }

    /**
     * @param sheet sheet of a workbook, or null for the first sheet (must be null for CSV)
     * @throws InputException on any problem with the content
     */
    public static Concordance read(Path file, String sheet) throws IOException {
        try (TabularFile t = TabularFile.open(file, sheet)) {
            t.require(PRODUCT, INDUSTRY);
            int iProduct = t.indexOf(PRODUCT);
            int iIndustry = t.indexOf(INDUSTRY);
            Set<Text> warnings = new LinkedHashSet<>(ActivityReader.ignoredColumnWarnings(t,
                    Set.of(PRODUCT, INDUSTRY), "concordance"));
            Map<String, String> map = new LinkedHashMap<>();
            Map<String, Long> firstLine = new HashMap<>();
            TabularFile.Row row;
            while ((row = t.next()) != null) {
                String product = row.code(iProduct);
                if (product.chars().anyMatch(Character::isWhitespace)) {
                    // a prefix with a space inside would silently match nothing the trade file writes
                    throw row.error(iProduct, data("concordance.space", quoted(product)));
                }
                String industry = row.code(iIndustry);
                Long before = firstLine.putIfAbsent(product, row.line());
                if (before != null) {
                    throw row.error(iProduct, data("concordance.duplicate", quoted(product), t.firstOn(before)));
                }
                map.put(product, industry);
            }
            if (map.isEmpty()) {
                warnings.add(data("warning.file", InputException.displayName(file), data("file.no.rows")));
            }
            warnings.addAll(t.warnings());
            return new Concordance(map, new ArrayList<>(warnings));
        }
    }
}
