package org.klaster.data.formats;

import java.nio.file.Path;
import java.util.Objects;

import org.klaster.Localizable;
import org.klaster.Text;

/**
 * A user-supplied input file cannot be read as the format it should have. The message is one
 * sentence that names the file, the place in it and the problem, e.g.
 * <pre>
 * activity.csv, line 17, column "employment": "12,5,3" is not a number
 * activity.xlsx, sheet "Data", row 4, column "year": "20233" is not a plausible year (expected 1900–2100)
 * activity.csv: required column "year" is missing (columns found: region, industry, employment)
 * </pre>
 * The CLI prints {@link #getMessage()} (English) as is and exits with code 2; a page shows
 * {@link #text()} in its language (the place and the problem are both {@link Text}s:
 * {@code activity.csv, строка 17, столбец «employment»: …}).
 *
 * <p>Places: {@link #line()} is 1-based; in text files it is the physical line on which the record
 * starts (the header is line 1), in a spreadsheet it is the sheet's row number and {@link #sheet()}
 * names the sheet, in a Parquet file it is the 1-based row number. It is 0 when the problem concerns
 * the file as a whole (then the column, if any, is named in the problem text itself).
 */
public class InputException extends RuntimeException implements Localizable {
    private static final long serialVersionUID = 1L;

    /** How {@link #line()} counts. */
    public enum Unit {
        /** physical text line, header = 1 */
        LINE,
        /** spreadsheet row number (with a sheet) or 1-based data row of a columnar file */
        ROW
    }

    private final transient Path file;
    private final String sheet;
    private final long line;
    private final Unit unit;
    private final String column;
    private final transient Text problem;
    private final transient Text text;

    private InputException(Path file, String sheet, long line, Unit unit, String column, Text problem,
                           Throwable cause) {
        this(file, sheet, line, unit, column, problem, text(file, sheet, line, unit, column, problem), cause);
    }

    private InputException(Path file, String sheet, long line, Unit unit, String column, Text problem, Text text,
                           Throwable cause) {
        super(text.toString(), cause);
        this.file = Objects.requireNonNull(file, "file");
        this.sheet = sheet;
        this.line = line;
        this.unit = unit;
        this.column = column;
        this.problem = problem;
        this.text = text;
    }

    /** A problem with the file as a whole (line 0). */
    public static InputException file(Path file, Text problem) {
        return new InputException(file, null, 0, Unit.LINE, null, problem, null);
    }

    /** A problem with the file as a whole, caused by {@code cause}. */
    public static InputException file(Path file, Text problem, Throwable cause) {
        return new InputException(file, null, 0, Unit.LINE, null, problem, cause);
    }

    /**
     * A problem with the file as a whole, in a sentence that has no key yet (callers outside the
     * readers); it reads the same in every language.
     */
    public static InputException file(Path file, String problem) {
        return file(file, DataText.verbatim(Objects.requireNonNull(problem, "problem")));
    }

    /** A problem with a whole-file column (e.g. a required column is missing); line 0. */
    public static InputException column(Path file, String sheet, String column, Text problem) {
        return new InputException(file, sheet, 0, Unit.LINE, column, problem, null);
    }

    /** A problem at a physical line of a text file; {@code column} may be null. */
    public static InputException line(Path file, long line, String column, Text problem) {
        return new InputException(file, null, line, Unit.LINE, column, problem, null);
    }

    /** A problem at a physical line of a text file, caused by {@code cause}. */
    public static InputException line(Path file, long line, String column, Text problem, Throwable cause) {
        return new InputException(file, null, line, Unit.LINE, column, problem, cause);
    }

    /**
     * A problem at a row of a spreadsheet ({@code sheet} non-null: the sheet's row number) or of a
     * columnar file such as Parquet ({@code sheet} null: 1-based data row).
     */
    public static InputException row(Path file, String sheet, long row, String column, Text problem) {
        return new InputException(file, sheet, row, Unit.ROW, column, problem, null);
    }

    /** The file as the caller gave it (the message shows only its name). */
    public Path file() {
        return file;
    }

    /** The sheet of a workbook, or null. */
    public String sheet() {
        return sheet;
    }

    /** 1-based line (text) or row (sheet, Parquet); 0 for the file as a whole. */
    public long line() {
        return line;
    }

    public Unit unit() {
        return unit;
    }

    /** The column as named in the file's header (trimmed), or the format's name for a missing column; null if none. */
    public String column() {
        return column;
    }

    /** The problem alone, without the location prefix. */
    public Text problem() {
        return problem;
    }

    /** The whole sentence, place and problem ({@link #getMessage()} is its English form). */
    @Override
    public Text text() {
        return text;
    }

    /**
     * {@code file[, sheet "s"][, line|row n[, column "c"]]: problem}, each part a key of
     * {@link DataText#BUNDLE} so that the place reads in the page's language too.
     */
    private static Text text(Path file, String sheet, long line, Unit unit, String column, Text problem) {
        Objects.requireNonNull(problem, "problem");
        Text place = DataText.data("input.place.file", displayName(file));
        if (sheet != null) {
            place = DataText.data("input.place.sheet", place, sheet);
        }
        if (line > 0) {
            place = DataText.data(unit == Unit.ROW ? "input.place.row" : "input.place.line", place, line);
            if (column != null) {
                place = DataText.data("input.place.column", place, column);
            }
        }
        return DataText.data("input.at", place, problem);
    }

    static String displayName(Path file) {
        if (file == null) {
            return "(unnamed input)";
        }
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    /**
     * Quotes a user's text for a message: in double quotes, control characters made visible, long
     * text shortened with an ellipsis.
     */
    public static String quote(String text) {
        if (text == null) {
            return "\"\"";
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), 60) + 8).append('"');
        int limit = 60;
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (n >= limit) {
                sb.append('…');
                break;
            }
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
            n++;
        }
        return sb.append('"').toString();
    }
}
