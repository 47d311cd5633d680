package org.klaster.app.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.klaster.mapping.MappingResult;
import org.klaster.mapping.MappingRow;

/**
 * A cached mapping result with the look-ups pages need: rows by region and by category, regional
 * totals and counts of strong clusters. Immutable; one per dataset × year × base year.
 */
public final class MappingView {

    private final MappingResult result;
    private final Map<String, List<MappingRow>> byRegion = new LinkedHashMap<>();
    private final Map<String, List<MappingRow>> byCategory = new LinkedHashMap<>();
    private final Map<String, MappingRow> byCell = new HashMap<>();
    private final Map<String, Double> regionEmployment = new HashMap<>();
    private final Map<String, Double> categoryEmployment = new HashMap<>();
    private final Map<String, Integer> strongCount = new HashMap<>();
    private double total;

    public MappingView(MappingResult result) {
        this.result = result;
        for (MappingRow r : result.rows()) {
            byRegion.computeIfAbsent(r.region(), k -> new ArrayList<>()).add(r);
            byCategory.computeIfAbsent(r.category(), k -> new ArrayList<>()).add(r);
            byCell.put(r.region() + '\u0000' + r.category(), r);
            regionEmployment.merge(r.region(), r.employment(), Double::sum);
            categoryEmployment.merge(r.category(), r.employment(), Double::sum);
            strongCount.merge(r.region(), r.strong() ? 1 : 0, Integer::sum);
            total += r.employment();
        }
    }

    public MappingResult result() {
        return result;
    }

    public int year() {
        return result.year();
    }

    public Integer baseYear() {
        return result.baseYear();
    }

    public List<MappingRow> rows() {
        return result.rows();
    }

    public List<MappingRow> region(String iso) {
        return byRegion.getOrDefault(iso, List.of());
    }

    public List<MappingRow> category(String c) {
        return byCategory.getOrDefault(c, List.of());
    }

    public MappingRow cell(String region, String category) {
        return byCell.get(region + '\u0000' + category);
    }

    public java.util.Set<String> regions() {
        return byRegion.keySet();
    }

    public java.util.Set<String> categories() {
        return byCategory.keySet();
    }

    public double regionEmployment(String iso) {
        return regionEmployment.getOrDefault(iso, 0.0);
    }

    public double categoryEmployment(String c) {
        return categoryEmployment.getOrDefault(c, 0.0);
    }

    public int strongCount(String iso) {
        return strongCount.getOrDefault(iso, 0);
    }

    public double totalEmployment() {
        return total;
    }

    /** Number of strong clusters of a category across regions. */
    public int strongInCategory(String c) {
        int n = 0;
        for (MappingRow r : category(c)) if (r.strong()) n++;
        return n;
    }

    /** Categories of a region, strongest first: stars, then LQ. */
    public List<MappingRow> regionRanked(String iso) {
        List<MappingRow> l = new ArrayList<>(region(iso));
        l.sort(Comparator.comparing(MappingRow::strong).reversed()
                .thenComparing(Comparator.comparingInt(MappingRow::stars).reversed())
                .thenComparing(Comparator.comparingDouble(MappingRow::lq).reversed()));
        return l;
    }
}
