package org.klaster.data.formats;

import static org.klaster.data.formats.DataText.data;
import static org.klaster.data.formats.DataText.quoted;

import java.util.List;
import org.klaster.Text;
import org.klaster.cooperation.IndustryCodes;
import org.klaster.cooperation.SkillsGap;

/**
 * What a reader of a skills file returns (formats.md §10): the records in file order, the SHA-256 of the file's
 * bytes, its name as messages show it, and the warnings. Also the cell checks the four readers share.
 *
 * @param <T> the record of the file kind ({@code SkillsGap.Staff}, {@code Jobs}, {@code Graduates} …)
 */
public record SkillsFile<T>(List<T> records, String sha256, String sourceName, List<Text> warnings) {

    public SkillsFile {
        records = List.copyOf(records);
        warnings = List.copyOf(warnings);
    }

    /** Tolerance of a sum of shares: files round them to a few decimals. */
    static final double SHARE_TOLERANCE = SkillsGap.SHARE_TOLERANCE;

    /** An OKVED2 industry code, checked as one. */
    static String industry(TabularFile.Row row, int i) {
        String code = row.code(i);
        if (!IndustryCodes.valid(code)) throw row.error(i, data("codes.invalid", quoted(code)));
        return code;
    }

    /** An OKZ (ISCO-08) occupation code: 1–4 digits. */
    static String occupation(TabularFile.Row row, int i) {
        String code = row.code(i);
        if (!SkillsGap.validOccupation(code)) throw row.error(i, data("skills.occupation.invalid", quoted(code)));
        return code;
    }

    /** A specialty code: any text without a space inside (a space would silently match nothing). */
    static String specialty(TabularFile.Row row, int i) {
        String code = row.code(i);
        if (code.chars().anyMatch(Character::isWhitespace)) throw row.error(i, data("skills.specialty.space", quoted(code)));
        return code;
    }

    /** A share in [0, 1], required. */
    static double share(TabularFile.Row row, int i) {
        double v = row.requiredNumber(i);
        if (!(v >= 0 && v <= 1)) throw row.error(i, data("skills.share.range", quoted(row.get(i))));
        return v;
    }

    /** A count of persons ≥ 0, required; {@code negativeKey} says what cannot be negative. */
    static double persons(TabularFile.Row row, int i, String negativeKey) {
        double v = row.requiredNumber(i);
        if (v < 0) throw row.error(i, data(negativeKey, quoted(row.get(i))));
        return v;
    }

    /** The sum of shares shown in a message: rounded to 6 decimals, as the file would write it. */
    static Text.Plain sum(double s) {
        return Text.plain(Math.round(s * 1e6) / 1e6);
    }
}
