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
import org.klaster.activity.ActivityRecord;

/**
 * Reads regional activity, formats.md §1: {@code region,industry,year,employment[,establishments][,wages][,output]}
 * from CSV (any detected encoding/separator, see {@link TabularFile}) or an .xlsx sheet.
 *
 * <p>All or nothing: the first problem throws an {@link InputException} naming the file, line and
 * column, and nothing is returned. Problems: a missing required column; an empty region, industry,
 * year or employment; a number that does not parse; a year outside 1900–2100; a negative employment,
 * establishments or wages; the same (region, industry, year) twice (both lines are named).
 * Extra columns are ignored with a warning. Codes are kept as trimmed strings (leading zeros stay).
 */
public final class ActivityReader {

    static final String REGION = "region";
    static final String INDUSTRY = "industry";
    static final String YEAR = "year";
    static final String EMPLOYMENT = "employment";
    static final String ESTABLISHMENTS = "establishments";
    static final String WAGES = "wages";
    static final String OUTPUT = "output";

    private static final Set<String> KNOWN = Set.of(REGION, INDUSTRY, YEAR, EMPLOYMENT, ESTABLISHMENTS, WAGES, OUTPUT);

    private ActivityReader() {
    }

    /** Reads a CSV file or the first sheet of a workbook. */
    public static ActivityData read(Path file) throws IOException {
        return read(file, null);
    }

    /**
     * Reads an activity table.
     *
     * @param file  CSV-like text or .xlsx
     * @param sheet sheet name for a workbook, or null for the first sheet (must be null for CSV)
     * @throws InputException on any problem with the content (nothing is returned)
     * @throws IOException    if the file cannot be read for another reason
     */
    public static ActivityData read(Path file, String sheet) throws IOException {
        try (TabularFile t = TabularFile.open(file, sheet)) {
            t.require(REGION, INDUSTRY, YEAR, EMPLOYMENT);
            int iRegion = t.indexOf(REGION);
            int iIndustry = t.indexOf(INDUSTRY);
            int iYear = t.indexOf(YEAR);
            int iEmployment = t.indexOf(EMPLOYMENT);
            int iEstablishments = t.indexOf(ESTABLISHMENTS);
            int iWages = t.indexOf(WAGES);
            int iOutput = t.indexOf(OUTPUT);
            Set<Text> warnings = new LinkedHashSet<>(ignoredColumnWarnings(t, KNOWN, "activity"));
            List<Integer> unnamed = unnamedColumns(t);
            boolean[] unnamedUsed = new boolean[unnamed.size()];

            List<ActivityRecord> records = new ArrayList<>();
            Map<Key, Long> firstLine = new HashMap<>();
            TabularFile.Row row;
            while ((row = t.next()) != null) {
                String region = row.code(iRegion);
                String industry = row.code(iIndustry);
                int year = row.year(iYear);
                double employment = row.requiredNumber(iEmployment);
                nonNegative(row, iEmployment, employment, EMPLOYMENT);
                double establishments = optional(row, iEstablishments);
                nonNegative(row, iEstablishments, establishments, ESTABLISHMENTS);
                double wages = optional(row, iWages);
                nonNegative(row, iWages, wages, WAGES);
                double output = optional(row, iOutput);
                Long before = firstLine.putIfAbsent(new Key(region, industry, year), row.line());
                if (before != null) {
                    throw row.error(data("activity.duplicate", quoted(region), quoted(industry), year, t.firstOn(before)));
                }
                for (int k = 0; k < unnamed.size(); k++) {
                    unnamedUsed[k] |= !row.isBlank(unnamed.get(k));
                }
                records.add(new ActivityRecord(region, industry, year, employment, establishments, wages, output));
            }
            for (int k = 0; k < unnamed.size(); k++) {
                if (unnamedUsed[k]) {
                    warnings.add(data("warning.file", InputException.displayName(file),
                            data("column.unnamed", unnamed.get(k) + 1)));
                }
            }
            if (records.isEmpty()) {
                warnings.add(data("warning.file", InputException.displayName(file), data("file.no.rows")));
            }
            warnings.addAll(t.warnings());
            return new ActivityData(records, new ArrayList<>(warnings), t.sha256(), InputException.displayName(file),
                    t.format().description());
        }
    }

    private static double optional(TabularFile.Row row, int i) {
        return i < 0 ? Double.NaN : row.number(i);
    }

    private static void nonNegative(TabularFile.Row row, int i, double v, String what) {
        if (v < 0) {
            throw row.error(i, data("value.negative", quoted(row.get(i)), what));
        }
    }

    /** One warning per named column that is not part of the format. */
    static List<Text> ignoredColumnWarnings(TabularFile t, Set<String> known, String formatName) {
        List<Text> out = new ArrayList<>();
        List<String> keys = t.columns();
        for (int i = 0; i < keys.size(); i++) {
            String k = keys.get(i);
            if (!k.isEmpty() && !known.contains(k)) {
                out.add(data("warning.file", InputException.displayName(t.file()),
                        data("column.ignored", quoted(t.header().get(i)), formatName)));
            }
        }
        return out;
    }

    static List<Integer> unnamedColumns(TabularFile t) {
        List<Integer> out = new ArrayList<>();
        List<String> keys = t.columns();
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).isEmpty()) {
                out.add(i);
            }
        }
        return out;
    }

    private record Key(String region, String industry, int year) { }
}
