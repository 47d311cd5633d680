package org.klaster.data.formats;

import java.nio.file.Path;

/**
 * Parses numbers as users write them in tables (formats.md, general rules).
 *
 * <p>Accepted: {@code 1234}, {@code 1234.5}, {@code -0.5}, {@code 1.2e3}, {@code 1 234,5} and
 * {@code 1 234.5} (space, no-break space U+00A0, narrow no-break space U+202F or thin space U+2009
 * as thousands separators), {@code 1,234,567.5} and {@code 1.234.567,5} (point or comma grouping
 * when a different decimal mark follows or there are several groups). Groups must have three
 * digits. A leading {@code +} or the Unicode minus U+2212 is accepted.
 *
 * <p>A single {@code .} or {@code ,} is the decimal mark — except when it is followed by exactly
 * three digits and preceded by one to three digits (e.g. {@code 1,234}): that could equally be a
 * thousands separator, and the file's convention decides ({@link DecimalMark}). Where the
 * convention does not settle it, the value is rejected as ambiguous rather than guessed.
 *
 * <p>An empty (or blank) cell is missing: {@link Double#NaN}, never zero. Everything else —
 * {@code NaN}, {@code inf}, {@code -}, {@code 12%}, {@code 1_000}, hex — is an error, and so is a
 * value beyond ±{@link #MAX_MAGNITUDE} (formats.md, "Numeric limits").
 */
public final class Numbers {

    /** Lowest and highest year accepted by {@link #parseYear(String)}. */
    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2100;

    /**
     * The largest magnitude a number cell may hold, 10¹⁸. Far above any real money or employment
     * figure (world GDP is about 10¹⁴ USD, 10¹⁷ RUB), and small enough that sums of every cell a
     * reader accepts stay finite: even 2⁶³ rows of 10¹⁸ add up to 10³⁷, far below the largest
     * double (1.8·10³⁰⁸), and squares of shares, products of two totals and the like stay finite
     * too. A value of 1e308 passed the old check (it is finite) and turned the first sum into ∞ and
     * the first ratio of two sums into NaN.
     */
    public static final double MAX_MAGNITUDE = 1e18;

    /** The decimal convention of a file. */
    public enum DecimalMark {
        /** Decimal point ({@code ,}-separated files): {@code 1,234} is ambiguous, {@code 1.234} is 1.234. */
        POINT("decimal point"),
        /** Decimal comma ({@code ;}-separated files, Russian Excel): {@code 1,234} is 1.234, {@code 1.234} is ambiguous. */
        COMMA("decimal comma"),
        /** Either, decided per value (tab-separated files, text cells of a workbook): both shapes above are ambiguous. */
        EITHER("decimal point or comma");

        private final String description;

        DecimalMark(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** A cell that is not a number; the message is a phrase such as {@code "12,5,3" is not a number}. */
    public static final class NotANumberException extends org.klaster.InvalidParameterException {
        private static final long serialVersionUID = 1L;

        NotANumberException(org.klaster.Text text) {
            super(text);
        }
    }

    private Numbers() {
    }

    /**
     * Parses {@code text} under the given convention.
     *
     * @return the value, or NaN if the text is empty or blank
     * @throws NotANumberException if the text is not a number; the message quotes the text
     */
    public static double parse(String text, DecimalMark mark) {
        if (text == null) {
            return Double.NaN;
        }
        double plain = plain(text, mark);
        if (!Double.isNaN(plain)) {
            return plain;
        }
        String s = Text.strip(text);
        if (s.isEmpty()) {
            return Double.NaN;
        }
        double v = parseStripped(s, mark, text);
        return v + 0.0; // turns -0.0 into 0.0
    }

    /**
     * Refuses a value that is not finite or beyond ±{@link #MAX_MAGNITUDE}; for numbers that do not
     * come through {@link #parse} (workbook number cells, typed Parquet columns).
     *
     * @param original the cell as written, quoted in the message
     * @return {@code v}
     * @throws NotANumberException naming the value and the limit
     */
    public static double checkMagnitude(double v, String original) {
        if (Double.isNaN(v)) {
            throw notANumber(original);
        }
        if (Double.isInfinite(v)) {
            throw new NotANumberException(DataText.data("number.too.large", DataText.quoted(original)));
        }
        if (Math.abs(v) > MAX_MAGNITUDE) {
            throw new NotANumberException(DataText.data("number.out.of.range", DataText.quoted(original)));
        }
        return v;
    }

    /**
     * Parses {@code text} and reports a failure as an {@link InputException} at the given place of
     * a text file.
     */
    public static double parse(String text, DecimalMark mark, Path file, long line, String column) {
        try {
            return parse(text, mark);
        } catch (NotANumberException e) {
            throw InputException.line(file, line, column, e.text());
        }
    }

    /**
     * Parses a year: digits only, {@value #MIN_YEAR}–{@value #MAX_YEAR}.
     *
     * @throws NotANumberException if the text is empty, not a whole number, or not a plausible year
     */
    public static int parseYear(String text) {
        String s = text == null ? "" : Text.strip(text);
        if (s.isEmpty()) {
            throw new NotANumberException(DataText.data("year.empty"));
        }
        boolean digits = s.length() <= 9;
        for (int i = 0; i < s.length() && digits; i++) {
            char c = s.charAt(i);
            digits = c >= '0' && c <= '9';
        }
        if (!digits) {
            throw new NotANumberException(DataText.data("year.invalid", DataText.quoted(text)));
        }
        int y = Integer.parseInt(s);
        if (y < MIN_YEAR || y > MAX_YEAR) {
            throw new NotANumberException(DataText.data("year.implausible", DataText.quoted(text), MIN_YEAR, MAX_YEAR));
        }
        return y;
    }

    /** Parses a year and reports a failure as an {@link InputException} at the given place of a text file. */
    public static int parseYear(String text, Path file, long line, String column) {
        try {
            return parseYear(text);
        } catch (NotANumberException e) {
            throw InputException.line(file, line, column, e.text());
        }
    }

    // ---------------------------------------------------------------------------------------------

    /**
     * Fast path for the forms that fill large matrices: {@code [-+]digits} and, in decimal-point
     * files, {@code [-+]digits.digits} (at most 18 characters, at least one digit, no spaces). These
     * are exactly the inputs for which the general path reduces to {@link Double#parseDouble} of the
     * text; an integer is converted from a long, which rounds to nearest like parseDouble. Returns
     * NaN for anything else, which then takes the general path. Eighteen characters hold at most
     * 999 999 999 999 999 999, which is within {@link #MAX_MAGNITUDE}.
     */
    private static double plain(String s, DecimalMark mark) {
        int n = s.length();
        if (n == 0 || n > 18) {
            return Double.NaN;
        }
        char first = s.charAt(0);
        int k = first == '-' || first == '+' ? 1 : 0;
        long v = 0;
        int digits = 0;
        boolean point = false;
        for (; k < n; k++) {
            char c = s.charAt(k);
            if (c >= '0' && c <= '9') {
                v = 10 * v + (c - '0');
                digits++;
            } else if (c == '.' && !point && mark == DecimalMark.POINT) {
                point = true;
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        double d = point ? Double.parseDouble(s) : first == '-' ? -(double) v : (double) v;
        return d + 0.0; // turns -0.0 into 0.0
    }

    private static double parseStripped(String s, DecimalMark mark, String original) {
        int i = 0;
        boolean negative = false;
        char first = s.charAt(0);
        if (first == '-' || first == '+' || first == '\u2212') {
            negative = first != '+';
            i = 1;
        }
        if (i >= s.length()) {
            throw notANumber(original);
        }
        String body = s.substring(i);
        int e = indexOfExponent(body);
        String canonical = e >= 0 ? exponential(body, e, original) : grouped(body, mark, original);
        double v;
        try {
            v = Double.parseDouble(canonical);
        } catch (NumberFormatException ex) {
            throw notANumber(original);
        }
        checkMagnitude(v, original);
        return negative ? -v : v;
    }

    private static int indexOfExponent(String body) {
        for (int k = 0; k < body.length(); k++) {
            char c = body.charAt(k);
            if (c == 'e' || c == 'E') {
                return k;
            }
        }
        return -1;
    }

    /** {@code 1.2e3}, {@code 1,2E-3}, {@code 12e3}: plain mantissa, optional single decimal mark, no grouping. */
    private static String exponential(String body, int e, String original) {
        String mantissa = body.substring(0, e);
        String exponent = body.substring(e + 1);
        int digitsBefore = 0;
        int digitsAfter = 0;
        int marks = 0;
        StringBuilder sb = new StringBuilder(body.length());
        for (int k = 0; k < mantissa.length(); k++) {
            char c = mantissa.charAt(k);
            if (c >= '0' && c <= '9') {
                if (marks == 0) {
                    digitsBefore++;
                } else {
                    digitsAfter++;
                }
                sb.append(c);
            } else if ((c == '.' || c == ',') && marks == 0) {
                marks++;
                sb.append('.');
            } else {
                throw notANumber(original);
            }
        }
        if (digitsBefore + digitsAfter == 0) {
            throw notANumber(original);
        }
        int k = 0;
        if (!exponent.isEmpty() && (exponent.charAt(0) == '+' || exponent.charAt(0) == '-')) {
            k = 1;
        }
        if (k >= exponent.length() || exponent.length() - k > 4) {
            throw notANumber(original);
        }
        for (int j = k; j < exponent.length(); j++) {
            char c = exponent.charAt(j);
            if (c < '0' || c > '9') {
                throw notANumber(original);
            }
        }
        return sb.append('e').append(exponent).toString();
    }

    /**
     * Digits with optional grouping and decimal marks. Splits the body into runs of digits separated
     * by single separator characters and decides which separator is the decimal mark.
     */
    private static String grouped(String body, DecimalMark mark, String original) {
        // split into runs
        int n = body.length();
        int[] runStart = new int[n + 1];
        int[] runEnd = new int[n + 1];
        char[] seps = new char[n];
        int runs = 0;
        int k = 0;
        while (true) {
            int start = k;
            while (k < n && isDigit(body.charAt(k))) {
                k++;
            }
            runStart[runs] = start;
            runEnd[runs] = k;
            runs++;
            if (k == n) {
                break;
            }
            char c = body.charAt(k);
            if (c == '.' || c == ',') {
                seps[runs - 1] = c;
            } else if (Text.isGroupSpace(c)) {
                seps[runs - 1] = ' ';
            } else {
                throw notANumber(original);
            }
            k++;
        }
        int nseps = runs - 1;
        if (nseps == 0) {
            if (runEnd[0] == runStart[0]) {
                throw notANumber(original);
            }
            return body;
        }
        int points = 0;
        int commas = 0;
        int spaces = 0;
        for (int j = 0; j < nseps; j++) {
            switch (seps[j]) {
                case '.' -> points++;
                case ',' -> commas++;
                default -> spaces++;
            }
        }
        // Decide the decimal mark: index of the separator that is decimal, or -1.
        int decimalAt = -1;
        char last = seps[nseps - 1];
        if (points > 0 && commas > 0) {
            // the later kind is decimal; it must occur once, as the last separator
            if (last == ' ' || (last == '.' ? points : commas) != 1) {
                throw notANumber(original);
            }
            decimalAt = nseps - 1;
        } else if (points + commas == 0) {
            decimalAt = -1; // spaces only: grouping
        } else {
            char kind = points > 0 ? '.' : ',';
            int count = points + commas;
            if (count >= 2) {
                decimalAt = -1; // 1.234.567 or 1,234,567: grouping
                if (spaces > 0) {
                    throw notANumber(original);
                }
            } else if (spaces > 0) {
                // 1 234,5: the single point/comma is decimal and must come last
                if (last != kind) {
                    throw notANumber(original);
                }
                decimalAt = nseps - 1;
            } else {
                // a lone separator: decimal unless ambiguous
                decimalAt = 0;
                int intDigits = runEnd[0] - runStart[0];
                int fracDigits = runEnd[1] - runStart[1];
                boolean couldBeGroup = intDigits >= 1 && intDigits <= 3 && fracDigits == 3
                        && body.charAt(runStart[0]) != '0';
                boolean conventionSaysDecimal = (kind == '.' && mark == DecimalMark.POINT)
                        || (kind == ',' && mark == DecimalMark.COMMA);
                if (couldBeGroup && !conventionSaysDecimal) {
                    throw ambiguous(original, body, kind, mark);
                }
            }
        }
        // Validate grouping: runs before the decimal mark; first run 1–3 digits, the others exactly 3.
        int intRuns = decimalAt >= 0 ? decimalAt + 1 : runs;
        char groupChar = 0;
        for (int j = 0; j < intRuns - 1; j++) {
            char g = seps[j];
            if (groupChar == 0) {
                groupChar = g;
            } else if (g != groupChar) {
                throw notANumber(original);
            }
        }
        StringBuilder sb = new StringBuilder(n);
        if (intRuns > 1) {
            int firstLen = runEnd[0] - runStart[0];
            if (firstLen < 1 || firstLen > 3) {
                throw notANumber(original);
            }
            for (int j = 1; j < intRuns; j++) {
                if (runEnd[j] - runStart[j] != 3) {
                    throw notANumber(original);
                }
            }
        }
        for (int j = 0; j < intRuns; j++) {
            sb.append(body, runStart[j], runEnd[j]);
        }
        if (decimalAt >= 0) {
            int fracStart = runStart[decimalAt + 1];
            int fracEnd = runEnd[decimalAt + 1];
            if (sb.length() == 0 && fracEnd == fracStart) {
                throw notANumber(original);
            }
            sb.append('.').append(body, fracStart, fracEnd);
        }
        return sb.toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static NotANumberException notANumber(String original) {
        String s = Text.strip(original);
        Object hint = "";
        if (s.equals("-") || s.equals("–") || s.equals("—") || s.equals("…") || s.equals("...")
                || s.equalsIgnoreCase("x") || s.equalsIgnoreCase("na") || s.equalsIgnoreCase("n/a")
                || s.equalsIgnoreCase("nan") || s.equalsIgnoreCase("null")) {
            hint = DataText.data("number.invalid.hint");
        }
        return new NotANumberException(DataText.data("number.invalid", DataText.quoted(original), hint));
    }

    private static NotANumberException ambiguous(String original, String body, char kind, DecimalMark mark) {
        String digits = body.replace(String.valueOf(kind), "");
        Object fraction = switch (mark) {
            case POINT -> DataText.data("number.ambiguous.fraction", body.replace(',', '.'));
            case COMMA -> DataText.data("number.ambiguous.fraction", body.replace('.', ','));
            case EITHER -> "";
        };
        return new NotANumberException(DataText.data(kind == ',' ? "number.ambiguous.comma" : "number.ambiguous.point",
                DataText.quoted(original), digits, fraction));
    }
}
