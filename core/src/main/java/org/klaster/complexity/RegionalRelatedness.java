package org.klaster.complexity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.klaster.InvalidParameterException;
import org.klaster.Text;
import org.klaster.activity.ActivityRecord;
import org.klaster.linalg.DenseMatrix;

/**
 * Relatedness of regions and industries (methods.md §4, "regional use"): the machinery of
 * {@link EconomicComplexity#relatedness} on region × industry employment of one year, where RCA is
 * the location quotient. Gives every region's density for every industry and each industry's
 * nearby industries (highest proximity).
 *
 * @param year        the year
 * @param regions     row labels, ordinal string order
 * @param industries  column labels, ordinal string order
 * @param employment  region × industry employment (0 where there is no record)
 * @param relatedness RCA (= LQ), M, diversity, ubiquity, proximity, density
 */
public record RegionalRelatedness(int year, List<String> regions, List<String> industries, DenseMatrix employment,
                                  Relatedness relatedness) {

    public RegionalRelatedness {
        regions = List.copyOf(regions);
        industries = List.copyOf(industries);
    }

    /**
     * Relatedness from the activity records of {@code year} (other years are ignored).
     *
     * @throws IllegalArgumentException when the year has no records or two records share a
     *                                  region and industry (named)
     */
    public static RegionalRelatedness of(Collection<ActivityRecord> records, int year, double threshold) {
        List<ActivityRecord> rows = records.stream().filter(r -> r.year() == year).toList();
        if (rows.isEmpty()) {
            throw new InvalidParameterException(Text.core("relatedness.year.empty", year));
        }
        List<String> regions = new ArrayList<>(new TreeSet<>(rows.stream().map(ActivityRecord::region).toList()));
        List<String> industries = new ArrayList<>(new TreeSet<>(rows.stream().map(ActivityRecord::industry).toList()));
        Map<String, Integer> ri = ComplexityTable.index(regions);
        Map<String, Integer> ii = ComplexityTable.index(industries);
        DenseMatrix e = new DenseMatrix(regions.size(), industries.size());
        Set<List<String>> seen = new HashSet<>();
        for (ActivityRecord r : rows) {
            if (!seen.add(List.of(r.region(), r.industry()))) {
                throw new InvalidParameterException(Text.core("relatedness.record.duplicate", r.region(), r.industry(), year));
            }
            e.set(ri.get(r.region()), ii.get(r.industry()), r.employment());
        }
        return new RegionalRelatedness(year, regions, industries, e, EconomicComplexity.relatedness(e, threshold));
    }

    /** d_ri: how much of what is related to the industry the region already has (NaN if undefined). */
    public double density(String region, String industry) {
        return relatedness.density().get(position(regions, region, "relatedness.region.unknown"),
                position(industries, industry, "relatedness.industry.unknown"));
    }

    /** Up to k industries most related to the given one (proximity descending). */
    public List<String> nearby(String industry, int k) {
        List<String> out = new ArrayList<>();
        for (int q : relatedness.nearby(position(industries, industry, "relatedness.industry.unknown"), k)) {
            out.add(industries.get(q));
        }
        return out;
    }

    /** The industries the region does not yet specialise in, by density descending. */
    public List<String> closestAbsent(String region) {
        List<String> out = new ArrayList<>();
        for (int p : relatedness.closestAbsent(position(regions, region, "relatedness.region.unknown"))) {
            out.add(industries.get(p));
        }
        return out;
    }

    private static int position(List<String> labels, String label, String unknownKey) {
        int i = labels.indexOf(label);
        if (i < 0) {
            throw new InvalidParameterException(Text.core(unknownKey, label));
        }
        return i;
    }
}
