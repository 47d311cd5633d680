package org.klaster.data.reference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The top of the OKVED2 classifier (OK 029-2014, harmonised with NACE Rev.2): 21 sections, 88
 * divisions and the few groups the project uses. Read from {@code okved2_sections.csv},
 * {@code okved2_divisions.csv} and {@code okved2_groups.csv}; the names are the project's own
 * concise wording, so show the official title from a full classifier file when precision matters.
 */
public final class Okved2 {

    public static final String SECTIONS_RESOURCE = "/org/klaster/data/reference/okved2_sections.csv";
    public static final String DIVISIONS_RESOURCE = "/org/klaster/data/reference/okved2_divisions.csv";
    public static final String GROUPS_RESOURCE = "/org/klaster/data/reference/okved2_groups.csv";

    private static final class Holder {
        static final List<Section> SECTIONS = ReferenceCsv.read(SECTIONS_RESOURCE,
                List.of("code", "name_ru", "name_en"), row -> {
                    String code = row.text("code");
                    if (!code.matches("[A-U]")) {
                        throw row.fail("code", "is not a section letter A–U: '" + code + "'");
                    }
                    return new Section(code, row.text("name_ru"), row.text("name_en"));
                });
        static final Map<String, Section> SECTION_BY_CODE = index(SECTIONS, SECTIONS_RESOURCE, Section::code);
        static final List<Division> DIVISIONS = ReferenceCsv.read(DIVISIONS_RESOURCE,
                List.of("code", "section", "name_ru", "name_en"), row -> {
                    String code = row.text("code");
                    if (!code.matches("\\d\\d")) {
                        throw row.fail("code", "is not a two-digit division: '" + code + "'");
                    }
                    String section = row.text("section");
                    if (!SECTION_BY_CODE.containsKey(section)) {
                        throw row.fail("section", "names no known section: '" + section + "'");
                    }
                    return new Division(code, section, row.text("name_ru"), row.text("name_en"));
                });
        static final Map<String, Division> DIVISION_BY_CODE = index(DIVISIONS, DIVISIONS_RESOURCE, Division::code);
        static final List<Group> GROUPS = ReferenceCsv.read(GROUPS_RESOURCE,
                List.of("code", "division", "name_ru", "name_en"), row -> {
                    String code = row.text("code");
                    String division = row.text("division");
                    if (!code.matches("\\d\\d\\.\\d") || !code.startsWith(division + ".")) {
                        throw row.fail("code", "is not a group xx.x of division " + division + ": '" + code + "'");
                    }
                    if (!DIVISION_BY_CODE.containsKey(division)) {
                        throw row.fail("division", "names no known division: '" + division + "'");
                    }
                    return new Group(code, division, row.text("name_ru"), row.text("name_en"));
                });
        static final Map<String, Group> GROUP_BY_CODE = index(GROUPS, GROUPS_RESOURCE, Group::code);
    }

    private Okved2() {
    }

    private static <T> Map<String, T> index(List<T> items, String resource, java.util.function.Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T item : items) {
            if (map.put(key.apply(item), item) != null) {
                throw new IllegalStateException(resource + ": duplicate code " + key.apply(item));
            }
        }
        return Map.copyOf(map);
    }

    /** The 21 sections A–U in order. */
    public static List<Section> sections() {
        return Holder.SECTIONS;
    }

    /** The 88 divisions in code order. */
    public static List<Division> divisions() {
        return Holder.DIVISIONS;
    }

    /** The groups the project uses (28.x, 30.x and those named in the category map). */
    public static List<Group> groups() {
        return Holder.GROUPS;
    }

    /** The section with this letter (case-insensitive). */
    public static Optional<Section> section(String letter) {
        return letter == null ? Optional.empty()
                : Optional.ofNullable(Holder.SECTION_BY_CODE.get(letter.strip().toUpperCase(Locale.ROOT)));
    }

    /** The division with this two-digit code (spaces ignored). */
    public static Optional<Division> division(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(Holder.DIVISION_BY_CODE.get(clean(code)));
    }

    /** The listed group with this code, e.g. {@code 30.3}. */
    public static Optional<Group> group(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(Holder.GROUP_BY_CODE.get(clean(code)));
    }

    /** The division a code of any level belongs to (its first two digits), if that division exists. */
    public static Optional<Division> divisionOf(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = clean(code);
        return c.length() < 2 ? Optional.empty() : division(c.substring(0, 2));
    }

    /** The section a code of any level belongs to, through its division. */
    public static Optional<Section> sectionOf(String code) {
        return divisionOf(code).flatMap(d -> section(d.section()));
    }

    /**
     * A display name for a code: the listed group if there is one, else its division; empty for an
     * unknown code.
     */
    public static Optional<String> name(String code, String lang) {
        Optional<Group> g = group(code);
        if (g.isPresent()) {
            return Optional.of(g.get().name(lang));
        }
        Optional<Division> d = division(code);
        return d.map(x -> x.name(lang));
    }

    private static String clean(String code) {
        return code.replace(" ", "").strip();
    }
}
