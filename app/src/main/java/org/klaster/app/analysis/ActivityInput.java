package org.klaster.app.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.klaster.Text;
import org.klaster.activity.ActivityRecord;
import org.klaster.data.store.Dataset;
import org.klaster.mapping.CategoryMap;
import org.klaster.mapping.ClusterMapping;

/**
 * Regional activity ready for analysis, from a stored dataset or a file: its provenance, the rows and
 * the category map, plus an employment cube region × category × year for trends. The web builds one per
 * dataset and keeps it; immutable, so requests share it without locks.
 */
public final class ActivityInput {

    private final Provenance.Input input;
    private final List<Text> warnings;
    private final List<ActivityRecord> rows;
    private final CategoryMap categoryMap;
    private final Map<String, String> categoryNames;
    private final SortedSet<Integer> years;
    private final List<String> regions;
    private final List<String> categories;
    private final Map<String, Integer> regionIndex = new HashMap<>();
    private final Map<String, Integer> categoryIndex = new HashMap<>();
    private final int firstYear;
    /** employment[region][category][year - firstYear] */
    private final double[][][] cube;

    public ActivityInput(Provenance.Input input, List<ActivityRecord> rows, CategoryMap categoryMap,
                         Map<String, String> categoryNames, List<Text> warnings) {
        this.input = input;
        this.warnings = List.copyOf(warnings);
        this.rows = List.copyOf(rows);
        this.categoryMap = categoryMap;
        this.categoryNames = Map.copyOf(categoryNames);
        this.years = ClusterMapping.years(rows);
        TreeSet<String> rs = new TreeSet<>();
        TreeSet<String> cs = new TreeSet<>();
        Map<String, String> catOf = new HashMap<>();
        for (ActivityRecord r : rows) {
            rs.add(r.region());
            cs.add(catOf.computeIfAbsent(r.industry(), categoryMap::categoryOf));
        }
        this.regions = List.copyOf(rs);
        this.categories = List.copyOf(cs);
        for (String r : regions) regionIndex.put(r, regionIndex.size());
        for (String c : categories) categoryIndex.put(c, categoryIndex.size());
        this.firstYear = years.isEmpty() ? 0 : years.first();
        int ny = years.isEmpty() ? 0 : years.last() - firstYear + 1;
        this.cube = new double[regions.size()][categories.size()][ny];
        for (ActivityRecord r : rows) {
            if (Double.isNaN(r.employment())) continue;
            cube[regionIndex.get(r.region())][categoryIndex.get(catOf.get(r.industry()))][r.year() - firstYear] += r.employment();
        }
    }

    /** The stored dataset, or null when the activity was read from a file. */
    public Dataset meta() {
        return input.dataset();
    }

    /** The dataset id, or the file's label. */
    public String id() {
        return input.id() != null ? input.id() : input.label();
    }

    public Provenance.Input input() {
        return input;
    }

    /** What the reader said about the file (ignored columns …); empty for stored datasets. */
    public List<Text> warnings() {
        return warnings;
    }

    public List<ActivityRecord> rows() {
        return rows;
    }

    public CategoryMap categoryMap() {
        return categoryMap;
    }

    /** The dataset's own category names (from its categories file); may be empty. */
    public Map<String, String> categoryNames() {
        return categoryNames;
    }

    public SortedSet<Integer> years() {
        return years;
    }

    public List<String> regions() {
        return regions;
    }

    public List<String> categories() {
        return categories;
    }

    public boolean hasRegion(String iso) {
        return regionIndex.containsKey(iso);
    }

    public boolean hasCategory(String c) {
        return categoryIndex.containsKey(c);
    }

    /** One point of a time series. */
    public record Point(int year, double employment) {
    }

    /** Employment of a region (all categories when {@code category} is null) by year. */
    public List<Point> regionTrend(String region, String category) {
        Integer r = regionIndex.get(region);
        if (r == null) return List.of();
        List<Point> out = new ArrayList<>();
        for (int y : years) {
            double s = 0;
            if (category == null) {
                for (double[] byYear : cube[r]) s += byYear[y - firstYear];
            } else {
                Integer c = categoryIndex.get(category);
                if (c != null) s = cube[r][c][y - firstYear];
            }
            out.add(new Point(y, s));
        }
        return out;
    }

    /** National employment of a category (all categories when null) by year. */
    public List<Point> nationalTrend(String category) {
        Integer c = category == null ? null : categoryIndex.get(category);
        if (category != null && c == null) return List.of();
        List<Point> out = new ArrayList<>();
        for (int y : years) {
            double s = 0;
            for (double[][] byCat : cube) {
                if (c == null) {
                    for (double[] byYear : byCat) s += byYear[y - firstYear];
                } else {
                    s += byCat[c][y - firstYear];
                }
            }
            out.add(new Point(y, s));
        }
        return out;
    }
}
