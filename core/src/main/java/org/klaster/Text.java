package org.klaster;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * A sentence for a person, kept as a message key with arguments until someone reads it: engines and
 * readers never format English sentences, they hand out a {@code Text}, and the command line renders
 * it in English while a Russian page renders it in Russian.
 *
 * <p>Each module keeps its sentences in its own bundle beside its code ({@link #CORE} here, the data
 * module's and the app's in theirs); the English text is the base file, Russian the {@code _ru} file.
 *
 * <p>Arguments: a nested {@code Text} is rendered in the same language; whole numbers print as their
 * digits (years and line numbers must not get a thousands separator); other numbers print with at most
 * six significant digits and the language's decimal mark ({@link #fixed} for a fixed count of
 * decimals, {@link #plain} for a value echoed as Java prints it); collections print comma-separated; anything
 * else by {@code toString()}. A missing key renders as {@code ⟦key⟧} so that a review catches it.
 */
public record Text(String bundle, String key, List<Object> args) {

    /** The core engines' bundle. */
    public static final String CORE = "org.klaster.messages";

    public Text {
        // nulls allowed (rendered empty; e.g. an exception without a message), copy immutable
        args = Collections.unmodifiableList(new ArrayList<>(Arrays.asList(args.toArray())));
    }

    public static Text of(String bundle, String key, Object... args) {
        return new Text(bundle, key, Arrays.asList(args));
    }

    /** A sentence of the core engines. */
    public static Text core(String key, Object... args) {
        return of(CORE, key, args);
    }

    /**
     * A number to print with exactly {@code decimals} decimals in the reader's decimal mark, for
     * sentences that need a fixed precision ("spectral radius 1.02", "1.00 %"): 1.02 in English, 1,02
     * in Russian.
     */
    public static Fixed fixed(double value, int decimals) {
        return new Fixed(value, decimals);
    }

    /** See {@link #fixed(double, int)}; {@code toString()} is the English form. */
    public record Fixed(double value, int decimals) {

        public String in(Locale locale) {
            String s = String.format(Locale.ROOT, "%." + decimals + "f", value);
            return locale.getLanguage().equals("ru") ? s.replace('.', ',') : s;
        }

        @Override
        public String toString() {
            return in(Locale.ENGLISH);
        }
    }

    /**
     * A number echoed as Java prints a double ({@code 2.0}, {@code -3.0}, {@code NaN}, {@code Infinity}),
     * for sentences that quote a value as given (a threshold, a rejected value); Russian gets a decimal
     * comma ({@code 2,0}).
     */
    public static Plain plain(double value) {
        return new Plain(value);
    }

    /** See {@link #plain(double)}; {@code toString()} is the English form. */
    public record Plain(double value) {

        public String in(Locale locale) {
            String s = Double.toString(value);
            return locale.getLanguage().equals("ru") ? s.replace('.', ',') : s;
        }

        @Override
        public String toString() {
            return in(Locale.ENGLISH);
        }
    }

    /** The sentence in a language ({@link Locale#ENGLISH} and {@code ru} have texts). */
    public String in(Locale locale) {
        String pattern = pattern(bundle, key, locale);
        if (pattern == null) return "\u27e6" + key + "\u27e7";
        Object[] rendered = new Object[args.size()];
        for (int i = 0; i < rendered.length; i++) rendered[i] = render(args.get(i), locale);
        return new MessageFormat(pattern, locale).format(rendered);
    }

    /** English, as the command line prints it. */
    @Override
    public String toString() {
        return in(Locale.ENGLISH);
    }

    /** Whether the bundle has the key in that language (without falling back to another language). */
    public static boolean exists(String bundle, String key, Locale locale) {
        return pattern(bundle, key, locale) != null;
    }

    private static String pattern(String bundle, String key, Locale locale) {
        try {
            return bundle(bundle, locale).getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    /**
     * English lives in the base file; the no-fallback control keeps a JVM default locale of "ru" from
     * leaking Russian into English output.
     */
    public static ResourceBundle bundle(String bundle, Locale locale) {
        Locale l = locale.getLanguage().equals("ru") ? locale : Locale.ROOT;
        return ResourceBundle.getBundle(bundle, l,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static Object render(Object a, Locale locale) {
        if (a == null) return "";
        if (a instanceof Text t) return t.in(locale);
        if (a instanceof Fixed f) return f.in(locale);
        if (a instanceof Plain p) return p.in(locale);
        if (a instanceof Integer || a instanceof Long || a instanceof Short || a instanceof Byte) return a.toString();
        if (a instanceof Double || a instanceof Float) return number(((Number) a).doubleValue(), locale);
        if (a instanceof Collection<?> c) return c.stream().map(x -> String.valueOf(render(x, locale))).collect(Collectors.joining(", "));
        return a.toString();
    }

    /** A number with at most six significant digits, no exponent, the language's decimal mark. */
    static String number(double v, Locale locale) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "\u221e" : "\u2212\u221e";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        BigDecimal b = new BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros();
        DecimalFormat f = new DecimalFormat("0.##########", DecimalFormatSymbols.getInstance(
                locale.getLanguage().equals("ru") ? locale : Locale.ROOT));
        f.setMaximumFractionDigits(Math.max(0, b.scale()));
        return f.format(b);
    }
}
