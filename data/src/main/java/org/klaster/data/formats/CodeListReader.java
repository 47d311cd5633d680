package org.klaster.data.formats;

import static org.klaster.data.formats.DataText.data;
import static org.klaster.data.formats.DataText.quoted;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.klaster.Text;
import org.klaster.cooperation.IndustryCodes;

/**
 * Reads a list of OKPD2/OKVED2 codes, one a row in a column {@code code} (CSV or .xlsx, detected as in
 * {@link TabularFile}): the products the dependency screen marks dependent, for partner matching
 * ({@code klaster match --dependent FILE}). A code given twice counts once.
 *
 * <p>Errors (file, line, column named; nothing returned): a missing column, an empty cell, a value that is not
 * written as an OKPD2/OKVED2 code. Extra columns are ignored with a warning; a header without rows is a warning.
 */
public final class CodeListReader {

    /** The codes in file order, the file's SHA-256 and the warnings. */
    public record Result(List<String> codes, String sha256, List<Text> warnings) {
        public Result {
            codes = List.copyOf(codes);
            warnings = List.copyOf(warnings);
        }
    }

    private CodeListReader() {
    }

    /** @throws InputException on any problem with the content */
    public static Result read(Path file) throws IOException {
        try (TabularFile t = TabularFile.open(file)) {
            t.require("code");
            int iCode = t.indexOf("code");
            Set<Text> warnings = new LinkedHashSet<>(ActivityReader.ignoredColumnWarnings(t, Set.of("code"), "codes"));
            Set<String> codes = new LinkedHashSet<>();
            TabularFile.Row row;
            while ((row = t.next()) != null) {
                codes.add(code(row, iCode, row.code(iCode)));
            }
            if (codes.isEmpty()) {
                warnings.add(data("warning.file", InputException.displayName(file), data("file.no.rows")));
            }
            warnings.addAll(t.warnings());
            return new Result(new ArrayList<>(codes), TradeReader.sha256(List.of(file)), new ArrayList<>(warnings));
        }
    }

    /** A code as written (never empty: {@code Row.code} refuses that), checked: an {@link InputException} at the cell otherwise. */
    static String code(TabularFile.Row row, int i, String code) {
        if (!IndustryCodes.valid(code)) throw row.error(i, data("codes.invalid", quoted(code)));
        return code;
    }
}
