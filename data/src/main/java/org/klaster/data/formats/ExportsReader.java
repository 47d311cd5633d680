package org.klaster.data.formats;

import static org.klaster.data.formats.DataText.data;
import static org.klaster.data.formats.DataText.quoted;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.klaster.Text;
import org.klaster.complexity.ExportRecord;

/**
 * Reads exports for economic complexity, formats.md §4: {@code year,location,product,value} from CSV
 * (any detected encoding/separator, see {@link TabularFile}) or an .xlsx sheet. A location may be a
 * country or a region, a product any code; the value is what the location exports (or produces, or
 * employs) of the product.
 *
 * <p>All or nothing: the first problem throws an {@link InputException} naming the file, line and
 * column, and nothing is returned. Problems: a missing required column; an empty year, location,
 * product or value; a value that does not parse or is too large to be finite; a year outside
 * 1900–2100; a negative value; the same (year, location, product) twice (both lines are named); a
 * file without data rows (complexity needs some). Extra columns are ignored with a warning. Codes
 * are kept as trimmed strings, so leading zeros stay ({@code 0101} is not {@code 101}).
 */
public final class ExportsReader {

    static final String YEAR = "year";
    static final String LOCATION = "location";
    static final String PRODUCT = "product";
    static final String VALUE = "value";

    private static final Set<String> KNOWN = Set.of(YEAR, LOCATION, PRODUCT, VALUE);

    private ExportsReader() {
    }

    /** Reads a CSV file or the first sheet of a workbook. */
    public static ExportsData read(Path file) throws IOException {
        return read(file, null);
    }

    /**
     * Reads an exports table.
     *
     * @param file  CSV-like text or .xlsx
     * @param sheet sheet name for a workbook, or null for the first sheet (must be null for CSV)
     * @throws InputException on any problem with the content (nothing is returned)
     * @throws IOException    if the file cannot be read for another reason
     */
    public static ExportsData read(Path file, String sheet) throws IOException {
        ExportsData fast = sheet == null ? FastExportsCsv.read(file) : null;   // plain CSV: same result, ~10× faster
        if (fast != null) {
            return fast;
        }
        try (TabularFile t = TabularFile.open(file, sheet)) {
            t.require(YEAR, LOCATION, PRODUCT, VALUE);
            int iYear = t.indexOf(YEAR);
            int iLocation = t.indexOf(LOCATION);
            int iProduct = t.indexOf(PRODUCT);
            int iValue = t.indexOf(VALUE);
            Set<Text> warnings = new LinkedHashSet<>(ActivityReader.ignoredColumnWarnings(t, KNOWN, "exports"));
            List<Integer> unnamed = ActivityReader.unnamedColumns(t);
            boolean[] unnamedUsed = new boolean[unnamed.size()];

            List<ExportRecord> records = new ArrayList<>();
            Map<Key, Long> firstLine = new HashMap<>();
            TabularFile.Row row;
            while ((row = t.next()) != null) {
                int year = row.year(iYear);
                String location = row.code(iLocation);
                String product = row.code(iProduct);
                double value = row.requiredNumber(iValue);
                if (value < 0) {
                    throw row.error(iValue, data("exports.negative", quoted(row.get(iValue))));
                }
                Long before = firstLine.putIfAbsent(new Key(year, location, product), row.line());
                if (before != null) {
                    throw row.error(data("exports.duplicate", year, quoted(location), quoted(product), t.firstOn(before)));
                }
                for (int k = 0; k < unnamed.size(); k++) {
                    unnamedUsed[k] |= !row.isBlank(unnamed.get(k));
                }
                records.add(new ExportRecord(year, location, product, value));
            }
            for (int k = 0; k < unnamed.size(); k++) {
                if (unnamedUsed[k]) {
                    warnings.add(data("warning.file", InputException.displayName(file),
                            data("column.unnamed", unnamed.get(k) + 1)));
                }
            }
            if (records.isEmpty()) {
                throw t.whole(data("exports.no.rows"));
            }
            warnings.addAll(t.warnings());
            return new ExportsData(records, new ArrayList<>(warnings), t.sha256(), InputException.displayName(file),
                    t.format().description());
        }
    }

    /** The mixing hash avoids the collisions of the default 31·h combination (see ComplexityTable.Key). */
    private record Key(int year, String location, String product) {
        @Override
        public int hashCode() {
            int h = location.hashCode() * 0x9E3779B1 + product.hashCode();
            h = h * 0x85EBCA6B + year;
            return h ^ (h >>> 15);
        }
    }
}
