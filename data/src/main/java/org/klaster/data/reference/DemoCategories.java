package org.klaster.data.reference;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's cluster categories ({@code categories.csv}) and the map from OKVED2 code prefixes to
 * categories ({@code category_map.csv}, columns {@code industry,category,category_name}: the shape of
 * the optional {@code categories.csv} input of formats.md §1, so a user can start from a copy).
 *
 * <p>The map lists every one of the 88 divisions plus a few finer codes (e.g. {@code 28.4} machine
 * tools, {@code 30.1}/{@code 30.2}/{@code 30.3} ships, rail, aerospace). The rule that applies it is
 * the one of methods.md §1: the longest listed code that is a string prefix of the industry code.
 * This class only exposes plain maps; {@link #categoryOf(String)} is a small convenience with the
 * same rule for callers that have no mapping engine at hand.
 */
public final class DemoCategories {

    public static final String CATEGORIES_RESOURCE = "/org/klaster/data/reference/categories.csv";
    public static final String MAP_RESOURCE = "/org/klaster/data/reference/category_map.csv";

    private record MapRow(String industry, String category, String categoryName) {
    }

    private static final class Holder {
        static final List<ClusterCategory> ALL = ReferenceCsv.read(CATEGORIES_RESOURCE,
                List.of("id", "name_ru", "name_en", "traded"), row -> {
                    String id = row.text("id");
                    if (!id.matches("[a-z][a-z0-9_]*")) {
                        throw row.fail("id", "must be lower_snake_case: '" + id + "'");
                    }
                    return new ClusterCategory(id, row.text("name_ru"), row.text("name_en"), row.bool("traded"));
                });
        static final Map<String, ClusterCategory> BY_ID;
        static final Map<String, String> CODE_TO_CATEGORY;

        static {
            Map<String, ClusterCategory> byId = new LinkedHashMap<>();
            for (ClusterCategory c : ALL) {
                if (byId.put(c.id(), c) != null) {
                    throw new IllegalStateException(CATEGORIES_RESOURCE + ": duplicate id " + c.id());
                }
            }
            BY_ID = Collections.unmodifiableMap(byId);
            List<MapRow> rows = ReferenceCsv.read(MAP_RESOURCE, List.of("industry", "category", "category_name"), row -> {
                String industry = row.text("industry");
                if (!industry.matches("\\d\\d(\\.\\d{1,2})?")) {
                    throw row.fail("industry", "is not an OKVED2 code xx, xx.x or xx.xx: '" + industry + "'");
                }
                String category = row.text("category");
                ClusterCategory c = byId.get(category);
                if (c == null) {
                    throw row.fail("category", "names no category of " + CATEGORIES_RESOURCE + ": '" + category + "'");
                }
                if (!c.nameEn().equals(row.text("category_name"))) {
                    throw row.fail("category_name", "differs from the English name in " + CATEGORIES_RESOURCE);
                }
                return new MapRow(industry, category, c.nameEn());
            });
            Map<String, String> map = new LinkedHashMap<>();
            for (MapRow r : rows) {
                if (map.put(r.industry(), r.category()) != null) {
                    throw new IllegalStateException(MAP_RESOURCE + ": industry " + r.industry() + " listed twice");
                }
            }
            CODE_TO_CATEGORY = Collections.unmodifiableMap(map);
        }
    }

    private DemoCategories() {
    }

    /** All categories in table order. */
    public static List<ClusterCategory> all() {
        return Holder.ALL;
    }

    /** The category with this id. */
    public static Optional<ClusterCategory> byId(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(Holder.BY_ID.get(id.strip()));
    }

    /**
     * Code prefix → category id, in file order (divisions and a few groups/classes). Unmodifiable.
     * Apply it with the longest-prefix rule of methods.md §1.
     */
    public static Map<String, String> codeToCategory() {
        return Holder.CODE_TO_CATEGORY;
    }

    /** Category id → name in {@code lang} ("ru" or "en"; anything else gives English), in table order. */
    public static Map<String, String> categoryNames(String lang) {
        Map<String, String> names = new LinkedHashMap<>();
        for (ClusterCategory c : Holder.ALL) {
            names.put(c.id(), c.name(lang));
        }
        return Collections.unmodifiableMap(names);
    }

    /**
     * The category of an industry code by the longest listed prefix (spaces removed), or empty when no
     * listed code is a prefix (cannot happen for a valid OKVED2 code: all 88 divisions are listed).
     */
    public static Optional<String> categoryOf(String industryCode) {
        if (industryCode == null) {
            return Optional.empty();
        }
        String code = industryCode.replace(" ", "").strip();
        String best = null;
        for (Map.Entry<String, String> e : Holder.CODE_TO_CATEGORY.entrySet()) {
            String prefix = e.getKey();
            if (code.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return best == null ? Optional.empty() : Optional.of(Holder.CODE_TO_CATEGORY.get(best));
    }
}
