package org.klaster.data.reference;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Short display names of Harmonized System (HS 2022) codes in English and Russian, written for this
 * project: the four-digit headings the demo trades ({@code hs4_demo_products.csv}, columns
 * {@code code,name_en,name_ru}; the designed products of the demo trade first, then the others in code
 * order) and the 97 two-digit chapters ({@code hs_chapters.csv}: 01–97 without the reserved 77, and
 * 99 "not specified by kind" as UN Comtrade uses it). The names are chart labels in our own words, not
 * the official titles: import a classification file ({@code klaster import classification}) when the
 * official wording or other headings are needed.
 *
 * <p>Languages: {@code "ru"} (any case) gives Russian, anything else English.
 */
public final class HsNames {

    public static final String PRODUCTS_RESOURCE = "/org/klaster/data/reference/hs4_demo_products.csv";
    public static final String CHAPTERS_RESOURCE = "/org/klaster/data/reference/hs_chapters.csv";

    /** One named HS code (a heading {@code 8471} or a chapter {@code 84}). */
    public record Entry(String code, String nameEn, String nameRu) {
        /** The name in {@code lang} ("ru" or anything else for English). */
        public String name(String lang) {
            return isRussian(lang) ? nameRu : nameEn;
        }
    }

    private static final class Holder {
        static final List<Entry> PRODUCTS = read(PRODUCTS_RESOURCE, "\\d{4}", "a four-digit HS heading");
        static final List<Entry> CHAPTERS = read(CHAPTERS_RESOURCE, "\\d{2}", "a two-digit HS chapter");
        static final Map<String, Entry> BY_CODE;

        static {
            Map<String, Entry> m = new LinkedHashMap<>();
            for (Entry e : PRODUCTS) {
                if (m.put(e.code(), e) != null) {
                    throw new IllegalStateException(PRODUCTS_RESOURCE + ": code " + e.code() + " listed twice");
                }
            }
            for (Entry e : CHAPTERS) {
                if (m.put(e.code(), e) != null) {
                    throw new IllegalStateException(CHAPTERS_RESOURCE + ": code " + e.code() + " listed twice");
                }
            }
            BY_CODE = Collections.unmodifiableMap(m);
        }

        private static List<Entry> read(String resource, String pattern, String what) {
            return ReferenceCsv.read(resource, List.of("code", "name_en", "name_ru"), row -> {
                String code = row.text("code");
                if (!code.matches(pattern)) {
                    throw row.fail("code", "is not " + what + ": '" + code + "'");
                }
                return new Entry(code, row.text("name_en"), row.text("name_ru"));
            });
        }
    }

    private HsNames() {
    }

    /** The demo's HS4 products with their names, in file order (designed products first). */
    public static List<Entry> demoProducts() {
        return Holder.PRODUCTS;
    }

    /** The 97 chapters in code order. */
    public static List<Entry> chapters() {
        return Holder.CHAPTERS;
    }

    /**
     * The name of a demo heading ({@code 8471}) or of a chapter ({@code 84}) in {@code lang}; null for
     * any other code (a heading outside the demo list, a subheading, a non-HS code).
     */
    public static String name(String code, String lang) {
        Entry e = code == null ? null : Holder.BY_CODE.get(code.strip());
        return e == null ? null : e.name(lang);
    }

    /** The name of the chapter a code belongs to (its first two digits), or null when there is none. */
    public static String chapterName(String code, String lang) {
        if (code == null) {
            return null;
        }
        String c = code.strip();
        if (c.length() < 2 || !Character.isDigit(c.charAt(0)) || !Character.isDigit(c.charAt(1))) {
            return null;
        }
        return name(c.substring(0, 2), lang);
    }

    /**
     * A label for display: the code's own name when it has one; else, for a longer HS code, its
     * chapter's name marked as such ({@code "Machinery (chapter 84)"}, {@code "Машины и оборудование
     * (группа 84)"}); else the code itself.
     */
    public static String label(String code, String lang) {
        String own = name(code, lang);
        if (own != null) {
            return own;
        }
        String chapter = chapterName(code, lang);
        if (chapter != null && code.strip().matches("\\d{4,10}")) {
            return chapter + (isRussian(lang) ? " (группа " : " (chapter ") + code.strip().substring(0, 2) + ")";
        }
        return code;
    }

    /** Every named code (demo headings, then chapters) → its name in {@code lang}. Unmodifiable. */
    public static Map<String, String> names(String lang) {
        Map<String, String> m = new LinkedHashMap<>();
        Holder.BY_CODE.forEach((code, e) -> m.put(code, e.name(lang)));
        return Collections.unmodifiableMap(m);
    }

    static boolean isRussian(String lang) {
        return "ru".equalsIgnoreCase(lang);
    }
}
