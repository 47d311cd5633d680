package org.klaster.app.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.klaster.Text;
import org.klaster.mapping.ClusterMapping;
import org.klaster.mapping.MappingResult;
import org.klaster.mapping.MappingRow;

/**
 * {@code klaster map} / the Mapping section: location quotients, cluster stars, strong clusters and
 * (with a base year) shift-share, one row per region × category (docs/methods-mapping.md).
 */
public final class MappingAnalysis {

    public static final String ID = "map";

    private MappingAnalysis() {
    }

    /**
     * The year and base year a request resolves to: {@code year} null = the latest; {@code baseYear}
     * null = none. A year not in the data, or a base year not before the year, is a BAD_PARAMETER
     * naming {@code year} / {@code base_year} and listing the years there are.
     */
    public record Years(int year, Integer baseYear) {
    }

    public static Years years(ActivityInput in, Integer year, Integer baseYear) {
        SortedSet<Integer> ys = in.years();
        if (ys.isEmpty()) throw UserException.impossible(Messages.text("map.noRows", in.id()));
        int y = year == null ? ys.last() : year;
        if (!ys.contains(y)) throw UserException.badParameter("year", Messages.text("param.yearNotIn", y, describe(ys)));
        if (baseYear != null) {
            if (baseYear >= y) throw UserException.badParameter("base_year", Messages.text("map.baseAfter", baseYear, y));
            if (!ys.contains(baseYear)) {
                throw UserException.badParameter("base_year", Messages.text("param.yearNotIn", baseYear, describe(ys)));
            }
        }
        return new Years(y, baseYear);
    }

    static String describe(SortedSet<Integer> ys) {
        if (ys.size() > 1 && ys.last() - ys.first() + 1 == ys.size()) return ys.first() + "–" + ys.last();
        return String.join(", ", ys.stream().map(String::valueOf).toList());
    }

    /** The engine's result for the resolved years, remembered per dataset where results are kept. */
    public static MappingResult compute(ActivityInput in, Years y, DataAccess access) {
        return access.memo(List.of(ID, in.input(), in.categoryMap(), y), () ->
                ClusterMapping.map(in.rows(), in.categoryMap(), y.year(), y.baseYear()));
    }

    /** The columns; shift-share ones only with a base year; name columns in {@code names}' language. */
    public static Schema<MappingRow> schema(boolean shift, Names names, Map<String, String> ownCategoryNames) {
        Schema.Builder<MappingRow> b = Schema.<MappingRow>builder(ID, "MappingRow")
                .text("region", MappingRow::region)
                .name("region_name", r -> names.region(r.region()))
                .text("category", MappingRow::category)
                .name("category_name", r -> names.category(r.category(), ownCategoryNames))
                .integer("year", Unit.YEAR, MappingRow::year)
                .number("employment", Unit.PERSONS, MappingRow::employment)
                .number("share", Unit.SHARE, MappingRow::share)
                .number("lq", Unit.RATIO, MappingRow::lq)
                .integer("size_star", Unit.STARS, MappingRow::sizeStar)
                .integer("specialisation_star", Unit.STARS, MappingRow::specialisationStar)
                .integer("focus_star", Unit.STARS, MappingRow::focusStar)
                .integer("stars", Unit.STARS, MappingRow::stars)
                .flag("strong", MappingRow::strong);
        if (shift) {
            b.number("employment_base", Unit.PERSONS, r -> r.shift().employmentBase())
                    .number("change", Unit.PERSONS, r -> r.shift().change())
                    .number("national_effect", Unit.PERSONS, r -> r.shift().nationalEffect())
                    .number("industry_mix", Unit.PERSONS, r -> r.shift().industryMix())
                    .number("regional_effect", Unit.PERSONS, r -> r.shift().regionalEffect());
        }
        return b.build();
    }

    /** The whole table of a run. */
    public static Table<MappingRow> table(ActivityInput in, MappingResult result, List<MappingRow> rows, Names names,
                                          boolean withNames) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("year", result.year());
        if (result.baseYear() != null) params.put("base_year", result.baseYear());
        List<Text> warnings = new ArrayList<>(in.warnings());
        warnings.addAll(Texts.of(result.warnings()));
        return new Table<>(schema(result.baseYear() != null, names, in.categoryNames()), rows, withNames,
                new Provenance(ID, List.of(in.input()), params, null), warnings, List.of());
    }

    /** Resolve, compute and tabulate: what {@code klaster map} prints. */
    public static Table<MappingRow> run(ActivityInput in, Integer year, Integer baseYear, DataAccess access, Names names,
                                        boolean withNames) {
        MappingResult r = compute(in, years(in, year, baseYear), access);
        return table(in, r, r.rows(), names, withNames);
    }

    /** The rows of a result: all, or one region's, or one category's (unknown codes are NOT_FOUND naming the parameter). */
    public static List<MappingRow> select(ActivityInput in, MappingView v, String region, String category) {
        List<MappingRow> rows = v.rows();
        if (region != null) {
            if (!in.hasRegion(region)) throw UserException.notFound("region", Messages.text("error.noRegion", region));
            rows = v.region(region);
        }
        if (category != null) {
            if (!in.hasCategory(category)) throw UserException.notFound("category", Messages.text("error.noCategory", category));
            final List<MappingRow> all = rows;
            rows = all.stream().filter(r -> r.category().equals(category)).toList();
        }
        return rows;
    }

    // ------------------------------------------------------------------ summaries of one mapping

    /** The view of a result with look-ups by region and category (remembered with the result). */
    public static MappingView view(ActivityInput in, Years y, DataAccess access) {
        return access.memo(List.of(ID, "view", in.input(), in.categoryMap(), y), () -> new MappingView(compute(in, y, access)));
    }

    /** A region's value of a metric, with its employment and strong clusters (of the category when one is chosen). */
    public record RegionValue(String region, double value, double employment, int strongClusters) {
    }

    public static Schema<RegionValue> regionSchema(Metric metric, Names names) {
        return Schema.<RegionValue>builder("map.regions", "MapValue")
                .text("region", RegionValue::region)
                .name("region_name", r -> names.region(r.region()))
                .optionalNumber("value", metric.unit(), metric.digits(), RegionValue::value)
                .number("employment", Unit.PERSONS, RegionValue::employment)
                .integer("strong_clusters", Unit.COUNT, RegionValue::strongClusters)
                .build();
    }

    /**
     * Every region of the result with the metric's value; with a category, employment and strong
     * clusters are the category's in the region, else the region's totals.
     */
    public static Table<RegionValue> regions(ActivityInput in, MappingView v, Metric metric, String category, Names names,
                                             boolean withNames) {
        List<RegionValue> rows = new ArrayList<>();
        for (String r : v.regions()) {
            MappingRow cell = category == null ? null : v.cell(r, category);
            double emp = category == null ? v.regionEmployment(r) : cell == null ? 0 : cell.employment();
            int strong = category == null ? v.strongCount(r) : cell != null && cell.strong() ? 1 : 0;
            rows.add(new RegionValue(r, metric.value(v, r, category), emp, strong));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("year", v.year());
        params.put("metric", metric.name());
        params.put("category", category);
        return new Table<>(regionSchema(metric, names), rows, withNames, new Provenance("map.regions", List.of(in.input()),
                params, null), Texts.of(v.result().warnings()), List.of());
    }

    /** A category across regions: employment, regions where it is present, strong clusters. */
    public record CategorySummary(String category, double employment, int regions, int strongClusters) {
    }

    public static Schema<CategorySummary> categorySchema(Names names, Map<String, String> own) {
        return Schema.<CategorySummary>builder("map.categories", "CategorySummary")
                .text("category", CategorySummary::category)
                .name("category_name", c -> names.category(c.category(), own))
                .number("employment", Unit.PERSONS, CategorySummary::employment)
                .integer("regions", Unit.COUNT, CategorySummary::regions)
                .integer("strong_clusters", Unit.COUNT, CategorySummary::strongClusters)
                .build();
    }

    public static Table<CategorySummary> categories(ActivityInput in, MappingView v, Names names, boolean withNames) {
        List<CategorySummary> rows = new ArrayList<>();
        for (String c : v.categories()) {
            rows.add(new CategorySummary(c, v.categoryEmployment(c), v.category(c).size(), v.strongInCategory(c)));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("year", v.year());
        return new Table<>(categorySchema(names, in.categoryNames()), rows, withNames,
                new Provenance("map.categories", List.of(in.input()), params, null), List.of(), List.of());
    }
}
