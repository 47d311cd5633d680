package org.klaster.data.formats;

import java.util.Locale;

/** Small text helpers shared by the readers: what counts as blank, how names are normalised. */
final class Text {

    /**
     * Characters trimmed from both ends of every cell and header name: ASCII space and control
     * characters (U+0001–U+0020), no-break space U+00A0, figure space U+2007, thin space U+2009,
     * narrow no-break space U+202F and a stray byte-order mark U+FEFF. {@link FirmsReader} trims
     * the same set in SQL, so both paths see the same codes.
     */
    static final String BLANKS = blanks();

    private static String blanks() {
        StringBuilder sb = new StringBuilder();
        for (char c = 1; c <= ' '; c++) {
            sb.append(c);
        }
        return sb.append("\u00A0\u2007\u2009\u202F\uFEFF").toString();
    }

    private Text() {
    }

    static boolean isBlankChar(char c) {
        return (c >= 1 && c <= ' ') || c == '\u00A0' || c == '\u2007' || c == '\u2009' || c == '\u202F' || c == '\uFEFF';
    }

    /** Space characters accepted between digit groups ({@code 1 234}). */
    static boolean isGroupSpace(char c) {
        return c == ' ' || c == '\u00A0' || c == '\u2009' || c == '\u202F';
    }

    static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isBlankChar(s.charAt(start))) {
            start++;
        }
        while (end > start && isBlankChar(s.charAt(end - 1))) {
            end--;
        }
        return start == 0 && end == s.length() ? s : s.substring(start, end);
    }

    static boolean isBlank(String s) {
        return s == null || strip(s).isEmpty();
    }

    /** Header name → lookup key: trimmed, lower case (locale-independent). */
    static String key(String name) {
        return strip(name).toLowerCase(Locale.ROOT);
    }
}
