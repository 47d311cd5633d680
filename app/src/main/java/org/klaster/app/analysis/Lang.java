package org.klaster.app.analysis;

import java.util.Locale;

/** The two interface languages. Russian is the default for a Russian-speaking audience. */
public enum Lang {
    ru(Locale.forLanguageTag("ru")), en(Locale.ENGLISH);

    private final Locale locale;

    Lang(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** The language named by a query parameter or cookie value, or {@code null} when it is not one of ours. */
    public static Lang parse(String s) {
        if (s == null) return null;
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "ru" -> ru;
            case "en" -> en;
            default -> null;
        };
    }

    /** From an Accept-Language header: English only when the browser prefers it over Russian. */
    public static Lang fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) return ru;
        String first = header.split(",")[0].trim().toLowerCase(Locale.ROOT);
        return first.startsWith("en") ? en : ru;
    }
}
