package org.klaster.app.analysis;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * All user-facing text of the workbench, from ONE bundle ({@code org/klaster/app/messages*.properties},
 * English default plus Russian), and locale-aware number formatting. One instance per language,
 * immutable, shared by every request.
 */
public final class Messages {

    public static final String BUNDLE = "org.klaster.app.messages";

    private static final Map<Lang, Messages> ALL = new EnumMap<>(Lang.class);

    static {
        for (Lang l : Lang.values()) ALL.put(l, new Messages(l));
    }

    private final Lang lang;
    private final ResourceBundle bundle;
    private final DecimalFormatSymbols symbols;

    private Messages(Lang lang) {
        this.lang = lang;
        // English lives in the base file; the control stops a JVM default locale of "ru" leaking into en
        this.bundle = ResourceBundle.getBundle(BUNDLE, lang == Lang.en ? java.util.Locale.ROOT : lang.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.symbols = DecimalFormatSymbols.getInstance(lang.locale());
        if (lang == Lang.ru) {
            symbols.setGroupingSeparator('\u00a0'); // no-break space, as in Russian typography
            symbols.setDecimalSeparator(',');
        }
    }

    public static Messages of(Lang lang) {
        return ALL.get(lang);
    }

    public Lang lang() {
        return lang;
    }

    /** The text for a key; a missing key shows as {@code ⟦key⟧} so it is caught in review, never a crash. */
    public String get(String key) {
        try {
            // every text is a MessageFormat pattern (apostrophes doubled), also the ones shown as they are
            String p = bundle.getString(key);
            return p.indexOf('\'') < 0 ? p : p.replace("''", "'");
        } catch (MissingResourceException e) {
            return "\u27e6" + key + "\u27e7";
        }
    }

    /** A sentence of the app's bundle, for exceptions and results that are rendered later in the reader's language. */
    public static org.klaster.Text text(String key, Object... args) {
        return org.klaster.Text.of(BUNDLE, key, args);
    }

    /** A sentence of any module (an engine's, a reader's, the app's) in this language. */
    public String text(org.klaster.Text t) {
        return t == null ? "" : t.in(lang.locale());
    }

    /** Whether the bundle has the key (used for optional texts such as category names). */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** {@link MessageFormat} with the given arguments (strings are inserted as they are). */
    public String format(String key, Object... args) {
        return new MessageFormat(get(key), lang.locale()).format(args);
    }

    /** A number with grouping and {@code digits} decimals; empty for NaN, ∞ for infinities. */
    public String num(double v, int digits) {
        if (Double.isNaN(v)) return "";
        if (Double.isInfinite(v)) return v > 0 ? "\u221e" : "\u2212\u221e";
        DecimalFormat f = new DecimalFormat(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits), symbols);
        String s = f.format(v);
        return s.startsWith("-") ? "\u2212" + s.substring(1) : s;
    }

    /** An integer count such as employment. */
    public String count(double v) {
        return num(v, 0);
    }

    /** A share as a percentage with one decimal. */
    public String percent(double share) {
        return Double.isNaN(share) ? "" : num(share * 100, 1) + "\u00a0%";
    }

    /** A signed change: +1 234 / −567. */
    public String signed(double v) {
        if (Double.isNaN(v)) return "";
        return (v > 0 ? "+" : "") + num(v, 0);
    }
}
