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

/**
 * Reads a product (or industry) classification, formats.md §6: codes with their names, from CSV (any
 * detected encoding and separator, see {@link TabularFile}) or an .xlsx sheet. Two layouts, told apart
 * by the header:
 * <ul>
 *   <li><b>canonical</b> {@code code,name[,name_ru][,name_en][,parent][,level]}: {@code name} is the name
 *       as the file's author writes it (it may be empty when {@code name_ru} or {@code name_en} is
 *       given, which then stands in for it);</li>
 *   <li><b>UN Comtrade</b> {@code section,hscode,description,parent,level} (the public HS list of the
 *       Comtrade classification API): recognised by {@code hscode}; {@code hscode} → code,
 *       {@code description} → the name and the English name; the {@code TOTAL} row (all goods) is
 *       skipped and a parent {@code TOTAL} means "top level".</li>
 * </ul>
 *
 * <p>All or nothing: the first problem throws an {@link InputException} naming the file, line and
 * column, and nothing is returned. Problems: a missing required column; an empty code; a code with a
 * space inside it; no name at all (name, name_ru and name_en all empty); a level that is not a whole
 * number 1–99; the same code twice (both lines named); no data rows. Extra columns are ignored with a
 * warning; a parent that is not a code of the file is a warning. Codes are kept as trimmed strings
 * ({@code 0101} stays {@code 0101}).
 */
public final class ClassificationReader {

    static final String CODE = "code";
    static final String NAME = "name";
    static final String NAME_RU = "name_ru";
    static final String NAME_EN = "name_en";
    static final String PARENT = "parent";
    static final String LEVEL = "level";
    static final String HSCODE = "hscode";
    static final String DESCRIPTION = "description";
    static final String SECTION = "section";
    /** The Comtrade row (and parent) that stands for all goods. */
    static final String TOTAL = "TOTAL";

    private static final Set<String> CANONICAL = Set.of(CODE, NAME, NAME_RU, NAME_EN, PARENT, LEVEL);
    private static final Set<String> COMTRADE = Set.of(SECTION, HSCODE, DESCRIPTION, PARENT, LEVEL);

    private ClassificationReader() {
    }

    /** Reads a CSV file or the first sheet of a workbook. */
    public static Classification read(Path file) throws IOException {
        return read(file, null);
    }

    /**
     * Reads a classification.
     *
     * @param file  CSV-like text or .xlsx
     * @param sheet sheet name for a workbook, or null for the first sheet (must be null for CSV)
     * @throws InputException on any problem with the content (nothing is returned)
     * @throws IOException    if the file cannot be read for another reason
     */
    public static Classification read(Path file, String sheet) throws IOException {
        try (TabularFile t = TabularFile.open(file, sheet)) {
            boolean comtrade = t.indexOf(HSCODE) >= 0 && t.indexOf(CODE) < 0;
            Classification.Layout layout = comtrade ? Classification.Layout.COMTRADE : Classification.Layout.CANONICAL;
            int iCode;
            int iName;
            int iRu = -1;
            int iEn = -1;
            if (comtrade) {
                t.require(HSCODE, DESCRIPTION);
                iCode = t.indexOf(HSCODE);
                iName = t.indexOf(DESCRIPTION);
            } else {
                t.require(CODE, NAME);
                iCode = t.indexOf(CODE);
                iName = t.indexOf(NAME);
                iRu = t.indexOf(NAME_RU);
                iEn = t.indexOf(NAME_EN);
            }
            int iParent = t.indexOf(PARENT);
            int iLevel = t.indexOf(LEVEL);
            Set<Text> warnings = new LinkedHashSet<>(ActivityReader.ignoredColumnWarnings(t,
                    comtrade ? COMTRADE : CANONICAL, comtrade ? "UN Comtrade classification" : "classification"));

            List<Classification.Entry> entries = new ArrayList<>();
            List<Long> lines = new ArrayList<>();
            Map<String, Long> firstLine = new HashMap<>();
            TabularFile.Row row;
            while ((row = t.next()) != null) {
                if (row.isBlank(iCode)) {
                    throw row.error(iCode, data("value.empty.code", comtrade ? "product" : "classification"));
                }
                String code = row.code(iCode);
                if (comtrade && code.equalsIgnoreCase(TOTAL)) {
                    continue; // all goods: not a code of the classification
                }
                if (code.chars().anyMatch(Character::isWhitespace)) {
                    throw row.error(iCode, data("classification.code.space", quoted(code)));
                }
                String name = row.text(iName);
                String nameRu = iRu < 0 || row.isBlank(iRu) ? null : row.text(iRu);
                String nameEn = iEn < 0 || row.isBlank(iEn) ? null : row.text(iEn);
                if (comtrade) {
                    if (name.isEmpty()) {
                        throw row.error(iName, data("classification.description.empty"));
                    }
                    nameEn = name;
                } else if (name.isEmpty()) {
                    name = nameRu != null ? nameRu : nameEn;
                    if (name == null) {
                        throw row.error(iName, data("classification.name.empty"));
                    }
                }
                String parent = iParent < 0 || row.isBlank(iParent) ? null : row.text(iParent);
                if (comtrade && TOTAL.equalsIgnoreCase(parent)) {
                    parent = null;
                }
                int level = iLevel < 0 || row.isBlank(iLevel) ? 0 : level(row, iLevel);
                Long before = firstLine.putIfAbsent(code, row.line());
                if (before != null) {
                    throw row.error(iCode, data("classification.duplicate", quoted(code), t.firstOn(before)));
                }
                entries.add(new Classification.Entry(code, name, nameRu, nameEn, parent, level));
                lines.add(row.line());
            }
            if (entries.isEmpty()) {
                throw t.whole(data("classification.no.rows"));
            }
            int orphans = 0;
            Text firstOrphan = null;
            for (int k = 0; k < entries.size(); k++) {
                String parent = entries.get(k).parent();
                if (parent != null && !firstLine.containsKey(parent)) {
                    if (orphans++ == 0) {
                        firstOrphan = data("classification.orphan.at", t.lineOrRow(lines.get(k)), quoted(parent));
                    }
                }
            }
            if (orphans > 0) {
                warnings.add(data("warning.file", InputException.displayName(file), data("classification.orphans", orphans, firstOrphan)));
            }
            warnings.addAll(t.warnings());
            return new Classification(entries, layout, new ArrayList<>(warnings), t.sha256(),
                    InputException.displayName(file), t.format().description());
        }
    }

    private static int level(TabularFile.Row row, int i) {
        String v = row.text(i);
        String digits = v.endsWith(".0") ? v.substring(0, v.length() - 2) : v; // a workbook number cell
        if (!digits.matches("[0-9]{1,2}") || Integer.parseInt(digits) < 1) {
            throw row.error(i, data("classification.level", quoted(v)));
        }
        return Integer.parseInt(digits);
    }
}
