package org.klaster.data.reference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The top of the OKZ classifier of occupations (OK 010-2014, harmonised with ISCO-08): its 10 major groups and 43
 * sub-major groups, from {@code okz_groups.csv}. The names are the project's own concise wording; a finer code is
 * named by its sub-major group, else its major group.
 */
public final class Okz {

    public static final String RESOURCE = "/org/klaster/data/reference/okz_groups.csv";

    /** One group: a 1-digit major group or a 2-digit sub-major group. */
    public record Group(String code, String nameRu, String nameEn) {

        /** The name in {@code lang} ({@code ru}, else English). */
        public String name(String lang) {
            return "ru".equals(lang) ? nameRu : nameEn;
        }
    }

    private static final class Holder {
        static final List<Group> GROUPS = ReferenceCsv.read(RESOURCE, List.of("code", "name_ru", "name_en"), row -> {
            String code = row.text("code");
            if (!code.matches("\\d{1,2}")) throw row.fail("code", "is not a major or sub-major group: '" + code + "'");
            return new Group(code, row.text("name_ru"), row.text("name_en"));
        });
        static final Map<String, Group> BY_CODE = index();

        private static Map<String, Group> index() {
            Map<String, Group> m = new LinkedHashMap<>();
            for (Group g : GROUPS) {
                if (m.put(g.code(), g) != null) throw new IllegalStateException(RESOURCE + ": code " + g.code() + " twice");
            }
            return m;
        }
    }

    private Okz() {
    }

    public static List<Group> groups() {
        return Holder.GROUPS;
    }

    /** The group with this code exactly. */
    public static Optional<Group> group(String code) {
        return Optional.ofNullable(Holder.BY_CODE.get(code));
    }

    /** A name for an occupation code of any level: the group itself, else its sub-major group, else its major group. */
    public static Optional<String> name(String code, String lang) {
        if (code == null || code.isEmpty()) return Optional.empty();
        for (int k = Math.min(2, code.length()); k >= 1; k--) {
            Group g = Holder.BY_CODE.get(code.substring(0, k));
            if (g != null) return Optional.of(g.name(lang));
        }
        return Optional.empty();
    }
}
