package org.klaster.app.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.klaster.inputoutput.IoTable;

/**
 * Parameter parsing shared by the command line and the web: a value given as text (a flag, a query
 * parameter, a form field) becomes a typed value, or a {@link UserException} that names the parameter
 * (snake_case, as in the API; the CLI shows it as {@code --flag}) and says what is wrong, in the
 * reader's language.
 */
public final class Param {

    private static final Pattern CODE = Pattern.compile("[\\p{L}\\p{N}._:\\-]{1,64}");
    private static final Pattern RANGE = Pattern.compile("\\s*(\\d{4})\\s*(?:[-–]\\s*(\\d{4})\\s*)?");

    private Param() {
    }

    /** A user's value for a message: at most 40 characters. */
    public static String shorten(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }

    static boolean blank(String v) {
        return v == null || v.isBlank();
    }

    /** An optional code (dataset id, region, category, product): letters, digits, {@code . _ : -}, at most 64. */
    public static String code(String param, String v) {
        if (blank(v)) return null;
        String s = v.strip();
        if (!CODE.matcher(s).matches()) throw UserException.badParameter(param, Messages.text("param.code"));
        return s;
    }

    /** An optional whole number in [min, max]. */
    public static Integer integer(String param, String v, int min, int max) {
        if (blank(v)) return null;
        try {
            int i = Integer.parseInt(v.strip());
            if (i >= min && i <= max) return i;
        } catch (NumberFormatException e) {
            // below
        }
        throw UserException.badParameter(param, Messages.text("param.integer", min, max, shorten(v)));
    }

    /** An optional year (1900–2100). */
    public static Integer year(String param, String v) {
        if (blank(v)) return null;
        try {
            int i = Integer.parseInt(v.strip());
            if (i >= 1900 && i <= 2100) return i;
        } catch (NumberFormatException e) {
            // below
        }
        throw UserException.badParameter(param, Messages.text("param.year", shorten(v)));
    }

    /** An optional finite number; a decimal comma is accepted. */
    public static Double number(String param, String v) {
        if (blank(v)) return null;
        try {
            double d = Double.parseDouble(v.strip().replace(',', '.').replace('\u2212', '-'));
            if (Double.isFinite(d)) return d;
        } catch (NumberFormatException e) {
            // below
        }
        throw UserException.badParameter(param, Messages.text("param.number", shorten(v)));
    }

    /** A share in [0, 1] (an HHI or reliance cut-off). */
    public static double share(String param, double v) {
        if (!(v >= 0 && v <= 1)) throw UserException.badParameter(param, Messages.text("param.share", v));
        return v;
    }

    /**
     * A share as the command line writes it: a fraction ({@code 0.3}) or a percentage with its sign ({@code 30%}),
     * in [0, 1]; a decimal comma is accepted.
     */
    public static double shareOrPercent(String param, String v) {
        if (blank(v)) throw UserException.badParameter(param, Messages.text("param.required"));
        String s = v.strip();
        boolean percent = s.endsWith("%");
        Double d = number(param, percent ? s.substring(0, s.length() - 1).strip() : s);
        return share(param, percent ? d / 100 : d);
    }

    /** A number ≥ 0. */
    public static double nonNegative(String param, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) throw UserException.badParameter(param, Messages.text("param.nonNegative", v));
        return v;
    }

    /** A number > 0. */
    public static double positive(String param, double v) {
        if (!(v > 0) || Double.isInfinite(v)) throw UserException.badParameter(param, Messages.text("param.positive", v));
        return v;
    }

    /** One of the listed values (null or blank → {@code dflt}). */
    public static String oneOf(String param, String v, List<String> allowed, String dflt) {
        if (blank(v)) return dflt;
        String s = v.strip();
        if (!allowed.contains(s)) throw UserException.badParameter(param, Messages.text("param.oneOf", shorten(s), String.join(", ", allowed)));
        return s;
    }

    /** {@code Y} or {@code Y1-Y2} → {first, last}; null when blank; the first after the last is an error. */
    public static int[] yearRange(String param, String v) {
        if (blank(v)) return null;
        Matcher m = RANGE.matcher(v);
        if (!m.matches()) throw UserException.badParameter(param, Messages.text("param.years", shorten(v)));
        int from = Integer.parseInt(m.group(1));
        int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
        return range(param, from, to);
    }

    /** A checked {from, to}. */
    public static int[] range(String param, int from, int to) {
        if (from > to) throw UserException.badParameter(param, Messages.text("param.yearsOrder", from, to));
        return new int[] {from, to};
    }

    /**
     * {@code S=r} pairs → sector → rate (insertion order). Unknown sectors, duplicates and bad numbers
     * are errors naming {@code param}; empty items are skipped; at least one pair is needed. With
     * {@code shares} the rate must lie in [−1, 1] (the web's shock form, where rates are shares).
     */
    public static Map<String, Double> pairs(String param, List<String> pairs, IoTable table, boolean shares) {
        Map<String, Integer> index = table.sectorIndex();
        Map<String, Double> rates = new LinkedHashMap<>();
        for (String raw : pairs) {
            String p = raw.strip();
            if (p.isEmpty()) continue;
            int eq = p.lastIndexOf('=');
            if (eq <= 0 || eq == p.length() - 1) throw UserException.badParameter(param, Messages.text("param.pair", shorten(p)));
            String sector = p.substring(0, eq).strip();
            String value = p.substring(eq + 1).strip();
            double r;
            try {
                r = Double.parseDouble(value.replace('\u2212', '-'));
            } catch (NumberFormatException e) {
                throw UserException.badParameter(param, Messages.text("param.pairNumber", shorten(p), shorten(value)));
            }
            if (!Double.isFinite(r)) throw UserException.badParameter(param, Messages.text("param.pairFinite", shorten(p)));
            if (!index.containsKey(sector)) {
                throw UserException.badParameter(param, Messages.text("param.unknownSector", shorten(sector), sectorList(table)));
            }
            if (shares && Math.abs(r) > 1) throw UserException.badParameter(param, Messages.text("param.pairRange", sector, r));
            if (rates.put(sector, r) != null) throw UserException.badParameter(param, Messages.text("param.pairTwice", sector));
        }
        if (rates.isEmpty()) throw UserException.badParameter(param, Messages.text("param.pairNone"));
        return rates;
    }

    private static String sectorList(IoTable table) {
        List<String> s = table.sectors();
        return s.size() <= 8 ? String.join(", ", s) : String.join(", ", s.subList(0, 6)) + ", …, " + s.get(s.size() - 1);
    }
}
