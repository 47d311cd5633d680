package org.klaster.app.analysis;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Unit labels in a language. A dataset states its money unit in English ("million RUB", "thousand
 * USD"); a scale word and an ISO 4217 code are translated, anything else is shown as the importer wrote
 * it. Tables without a stated unit say so rather than guessing.
 */
public final class Units {

    private static final Pattern MONEY = Pattern.compile("(?i)\\s*(thousand|million|billion|trillion)?\\s*([A-Z]{3})\\s*");

    private Units() {
    }

    /** The label of a column's unit (empty for {@link Unit#NONE}). */
    public static String label(Unit unit, String moneyUnit, Messages m) {
        return switch (unit) {
            case NONE -> "";
            case MONEY -> money(moneyUnit, m);
            default -> m.get(unit.key());
        };
    }

    /** A money unit in the language: "million RUB" → "млн руб."; null → "units of the table (not stated)". */
    public static String money(String units, Messages m) {
        if (units == null || units.isBlank()) return m.get("unit.money.unstated");
        Matcher x = MONEY.matcher(units);
        if (!x.matches()) return units;
        String scale = x.group(1) == null ? "" : m.get("unit.scale." + x.group(1).toLowerCase(Locale.ROOT));
        String cur = x.group(2).toUpperCase(Locale.ROOT);
        String key = "unit.currency." + cur;
        String name = m.has(key) ? m.get(key) : cur;
        return scale.isEmpty() ? name : scale + "\u00a0" + name;
    }
}
