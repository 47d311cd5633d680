package org.klaster.cooperation;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * OKPD2 and OKVED2 codes as a hierarchy (docs/methods-cooperation.md, "Code match"). Both classifications share
 * their upper levels (OKPD2 class 28 is the product of OKVED2 division 28), and below the two-digit division every
 * further digit is one level down: 28 → 28.4 → 28.41 → 28.41.1 → 28.41.11 (OKPD2 continues to 28.41.11.110).
 * Zeros that pad the last group of an OKPD2 code ({@code 25.62.20.000}) are not a level.
 */
public final class IndustryCodes {

    /** XX, XX.X, XX.XX, XX.XX.X, XX.XX.XX, XX.XX.XX.X … XX.XX.XX.XXX. */
    private static final Pattern CODE = Pattern.compile("\\d{2}(\\.\\d{1,2}(\\.\\d{1,2}(\\.\\d{1,3})?)?)?");

    private IndustryCodes() {
    }

    /** Whether {@code code} is written as an OKPD2/OKVED2 code (digits in dotted groups), whatever it names. */
    public static boolean valid(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /**
     * The code's digits without dots or the zeros that pad its fourth group: its path in the hierarchy, one digit a
     * level after the first two ({@code 28.41} → {@code 2841}, {@code 25.62.20.000} → {@code 256220}). An invalid
     * code gives null.
     */
    public static String path(String code) {
        if (!valid(code)) return null;
        String[] groups = code.split("\\.");
        StringBuilder b = new StringBuilder(10);
        for (int g = 0; g < groups.length; g++) {
            String part = groups[g];
            if (g == 3) part = stripTrailingZeros(part);
            b.append(part);
        }
        return b.toString();
    }

    private static String stripTrailingZeros(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '0') end--;
        return s.substring(0, end);
    }

    /** Levels of a path: 1 for a division (2 digits), one more for each further digit. */
    static int levels(String path) {
        return path.length() - 1;
    }

    /** Levels two paths share: their common digit prefix, counted from the division (0 when the divisions differ). */
    static int shared(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int k = 0;
        while (k < n && a.charAt(k) == b.charAt(k)) k++;
        return k < 2 ? 0 : k - 1;
    }

    /**
     * Similarity of two codes: the Dice coefficient of their chains of ancestors (each code counts itself),
     * 2·shared / (levels(a) + levels(b)). The same code gives 1; 28.41 and 28.4 give 2·2/(3+2) = 0.8; the sister
     * codes 28.41 and 28.49 give 2·2/6 ≈ 0.667; 28.41 and 28 give 0.5; 28.41 and 25.62 give 0. Invalid codes give 0.
     */
    public static double similarity(String a, String b) {
        String pa = path(a);
        String pb = path(b);
        if (pa == null || pb == null) return 0;
        return pathSimilarity(pa, pb);
    }

    /** {@link #similarity} on paths ({@link #path}). */
    public static double pathSimilarity(String pa, String pb) {
        int s = shared(pa, pb);
        return s == 0 ? 0 : 2.0 * s / (levels(pa) + levels(pb));
    }

    /** The best similarity of any code of {@code a} with any of {@code b} (paths); 0 when either is empty. */
    public static double best(Collection<String> a, Collection<String> b) {
        double best = 0;
        for (String x : a) {
            for (String y : b) {
                double s = pathSimilarity(x, y);
                if (s > best) best = s;
            }
        }
        return best;
    }

    /**
     * Whether two paths lie on one branch: one is the other or below it (2841 and 284, 28 and 28411), so a product
     * of the one is (or may be) a product of the other.
     */
    public static boolean sameBranch(String a, String b) {
        return a.startsWith(b) || b.startsWith(a);
    }

    /**
     * A path back in the dotted form table sectors use, as far as the first three groups go (2841 → 28.41,
     * 284 → 28.4, 28411 → 28.41.1); deeper levels do not name IO sectors.
     */
    public static String dotted(String path) {
        if (path == null) return null;
        StringBuilder b = new StringBuilder(path.substring(0, 2));
        if (path.length() > 2) b.append('.').append(path, 2, Math.min(4, path.length()));
        if (path.length() > 4) b.append('.').append(path, 4, Math.min(6, path.length()));
        return b.toString();
    }

}
