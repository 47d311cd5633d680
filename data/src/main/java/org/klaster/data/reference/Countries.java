package org.klaster.data.reference;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Names of countries by ISO 3166-1 alpha-3 code ({@code RUS}, {@code CHN}) in English and Russian,
 * taken from the JDK's locale data (CLDR), plus the special codes the trade data use: {@code WLD}
 * (the world, partner of world-export records) and partner groups such as {@code EU27}, {@code EAEU},
 * {@code friendly} and {@code unfriendly} (the groups of the demo trade). An unknown code is returned
 * as it is, so a caller can always show something.
 *
 * <p>Languages: {@code "ru"} (any case) gives Russian, anything else English.
 */
public final class Countries {

    private static final Locale RU = Locale.forLanguageTag("ru");

    /** Special codes of trade data that are not countries: code → {English, Russian}. */
    private static final Map<String, String[]> SPECIAL;

    static {
        Map<String, String[]> m = new LinkedHashMap<>();
        m.put("WLD", new String[] {"World", "Мир"});
        m.put("EU27", new String[] {"European Union (27)", "Европейский союз (27)"});
        m.put("EU", new String[] {"European Union", "Европейский союз"});
        m.put("EUN", new String[] {"European Union", "Европейский союз"});
        m.put("EAEU", new String[] {"Eurasian Economic Union", "Евразийский экономический союз"});
        m.put("CIS", new String[] {"Commonwealth of Independent States", "Содружество Независимых Государств"});
        m.put("BRICS", new String[] {"BRICS", "БРИКС"});
        m.put("FRIENDLY", new String[] {"Friendly countries", "Дружественные страны"});
        m.put("UNFRIENDLY", new String[] {"Unfriendly countries", "Недружественные страны"});
        m.put("ROW", new String[] {"Rest of the world", "Остальной мир"});
        SPECIAL = Collections.unmodifiableMap(m);
    }

    private static final class Holder {
        /** alpha-3 → alpha-2, in alpha-3 order. */
        static final Map<String, String> ALPHA2;

        static {
            Map<String, String> m = new TreeMap<>();
            for (String a2 : Locale.getISOCountries()) {
                String a3 = region(a2).getISO3Country();
                if (!a3.isEmpty()) {
                    m.put(a3, a2);
                }
            }
            ALPHA2 = Collections.unmodifiableMap(m);
        }
    }

    private Countries() {
    }

    private static Locale region(String alpha2) {
        return new Locale.Builder().setRegion(alpha2).build();
    }

    /**
     * The name of a country ({@code RUS} → "Russia" / "Россия") or special code ({@code WLD} → "World"
     * / "Мир", {@code friendly} → "Friendly countries"); codes are matched ignoring case and
     * surrounding spaces. An unknown code (or null) is returned unchanged.
     */
    public static String name(String code, String lang) {
        if (code == null) {
            return null;
        }
        String key = code.strip().toUpperCase(Locale.ROOT);
        boolean ru = "ru".equalsIgnoreCase(lang);
        String[] special = SPECIAL.get(key);
        if (special != null) {
            return special[ru ? 1 : 0];
        }
        String a2 = Holder.ALPHA2.get(key);
        if (a2 == null) {
            return code;
        }
        Locale in = ru ? RU : Locale.ENGLISH;
        String name = region(a2).getDisplayCountry(in);
        return name.isEmpty() || name.equals(a2) ? code : name;
    }

    /** Whether the code is an ISO 3166-1 alpha-3 country code known to the JDK, or one of the special codes. */
    public static boolean isKnown(String code) {
        if (code == null) {
            return false;
        }
        String key = code.strip().toUpperCase(Locale.ROOT);
        return SPECIAL.containsKey(key) || Holder.ALPHA2.containsKey(key);
    }

    /** The ISO 3166-1 alpha-2 code of an alpha-3 code ({@code RUS} → {@code RU}), or null. */
    public static String alpha2(String alpha3) {
        return alpha3 == null ? null : Holder.ALPHA2.get(alpha3.strip().toUpperCase(Locale.ROOT));
    }

    /** Name of every code in {@code codes} (unknown ones as themselves), in the given order. */
    public static Map<String, String> names(List<String> codes, String lang) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String c : codes) {
            out.put(c, name(c, lang));
        }
        return Collections.unmodifiableMap(out);
    }

    /** All ISO 3166-1 alpha-3 codes the JDK knows, in code order (special codes not included). */
    public static List<String> codes() {
        return List.copyOf(Holder.ALPHA2.keySet());
    }
}
