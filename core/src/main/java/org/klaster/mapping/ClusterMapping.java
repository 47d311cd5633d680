package org.klaster.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.klaster.AnalysisException;
import org.klaster.InvalidParameterException;
import org.klaster.Text;
import org.klaster.activity.ActivityRecord;

/**
 * {@code klaster map}: cluster mapping of regional activity (methods.md §1, formats.md §5).
 *
 * <pre>
 *   E_rc = Σ employment of the industries i with category(i) = c in region r, year t
 *   N_rc = Σ establishments of the same records (when given for every record of year t)
 *   share, LQ                  → {@link LocationQuotient}
 *   size / specialisation / focus stars → {@link ClusterStars}
 *   strong                     → {@link StrongClusters}
 *   shift-share t0 → t         → {@link ShiftShare}
 * </pre>
 * Conventions a caller must know:
 * <ul>
 *   <li>Only cells with E_rc &gt; 0 in the mapped year are output, sorted by region then category in
 *       ordinal ({@link String#compareTo}) order. A cell that existed in the base year and vanished is
 *       therefore not output, though its decline is part of the national and category totals.</li>
 *   <li>Establishments are used iff every record of the mapped year has them; if some but not all do,
 *       they are ignored and a warning is added.</li>
 *   <li>Two records with the same region, industry and year are a caller error (the readers reject
 *       them); here they are simply summed.</li>
 * </ul>
 */
public final class ClusterMapping {

    private ClusterMapping() {
    }

    /** The distinct years present in the activity, ascending (unmodifiable). */
    public static SortedSet<Integer> years(List<ActivityRecord> activity) {
        TreeSet<Integer> years = new TreeSet<>();
        for (ActivityRecord record : activity) {
            years.add(record.year());
        }
        return Collections.unmodifiableSortedSet(years);
    }

    /**
     * Maps clusters for one year.
     *
     * @param activity   regional activity records (any years; only {@code year} and {@code baseYear} are used)
     * @param categories industry → category assignment
     * @param year       the year to map, or {@code null} for the latest year in the data
     * @param baseYear   shift-share base year (before {@code year}), or {@code null} for none
     * @throws IllegalArgumentException when a year is not in the data, the base year is not before the
     *                                  year, or a used record has an invalid value
     * @throws AnalysisException        when the activity is empty or has no employment in the year
     */
    public static MappingResult map(List<ActivityRecord> activity, CategoryMap categories, Integer year,
                                    Integer baseYear) {
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(categories, "categories");
        SortedSet<Integer> present = years(activity);
        if (present.isEmpty()) {
            throw new AnalysisException(Text.core("mapping.no.records"));
        }
        int t1 = year == null ? present.last() : year;
        if (!present.contains(t1)) {
            throw new InvalidParameterException(Text.core("mapping.year.absent", t1, describe(present)));
        }
        if (baseYear != null) {
            if (baseYear >= t1) {
                throw new InvalidParameterException(Text.core("mapping.base.year.order", baseYear, t1));
            }
            if (!present.contains(baseYear)) {
                throw new InvalidParameterException(Text.core("mapping.base.year.absent", baseYear, describe(present)));
            }
        }

        // labels -> indices, once; sorted sets give the output order for free
        TreeSet<String> regionSet = new TreeSet<>();
        TreeSet<String> categorySet = new TreeSet<>();
        Map<String, String> categoryOfIndustry = new HashMap<>();
        int recordsInYear = 0;
        int withEstablishments = 0;
        for (ActivityRecord record : activity) {
            boolean inYear = record.year() == t1;
            if (!inYear && (baseYear == null || record.year() != baseYear)) {
                continue;
            }
            validate(record);
            regionSet.add(record.region());
            categorySet.add(categoryOfIndustry.computeIfAbsent(record.industry(), categories::categoryOf));
            if (inYear) {
                recordsInYear++;
                if (record.hasEstablishments()) {
                    withEstablishments++;
                }
            }
        }
        Map<String, Integer> regionIndex = index(regionSet);
        Map<String, Integer> categoryIndex = index(categorySet);
        String[] regions = regionSet.toArray(new String[0]);
        String[] cats = categorySet.toArray(new String[0]);

        List<Text> warnings = new ArrayList<>();
        boolean establishmentsGiven = withEstablishments == recordsInYear;
        if (withEstablishments > 0 && !establishmentsGiven) {
            warnings.add(Text.core("mapping.establishments.partial", withEstablishments, recordsInYear, t1));
        }

        int nr = regions.length;
        int nc = cats.length;
        double[][] e1 = new double[nr][nc];
        double[][] n1 = establishmentsGiven ? new double[nr][nc] : null;
        double[][] e0 = baseYear == null ? null : new double[nr][nc];
        for (ActivityRecord record : activity) {
            boolean inYear = record.year() == t1;
            boolean inBase = baseYear != null && record.year() == baseYear;
            if (!inYear && !inBase) {
                continue;
            }
            int r = regionIndex.get(record.region());
            int c = categoryIndex.get(categoryOfIndustry.get(record.industry()));
            if (inYear) {
                e1[r][c] += record.employment(); // duplicates are summed, see class comment
                if (n1 != null) {
                    n1[r][c] += record.establishments();
                }
            } else {
                e0[r][c] += record.employment();
            }
        }
        // each record is finite, yet 1e308 + 1e308 is not: every share and LQ would be NaN
        if (!Double.isFinite(LocationQuotient.total(e1)) || n1 != null && !Double.isFinite(LocationQuotient.total(n1))) {
            throw new AnalysisException(Text.core("mapping.too.large", t1));
        }
        if (e0 != null && !Double.isFinite(LocationQuotient.total(e0))) {
            throw new AnalysisException(Text.core("mapping.too.large", baseYear));
        }
        if (!(LocationQuotient.total(e1) > 0)) {
            throw new AnalysisException(Text.core("mapping.no.employment", t1));
        }

        double[][] share = LocationQuotient.shares(e1);
        double[][] lq = LocationQuotient.locationQuotients(e1);
        int[][] size = ClusterStars.sizeStars(e1);
        int[][] specialisation = ClusterStars.specialisationStars(lq, e1);
        int[][] focus = ClusterStars.focusStars(share, e1);
        int[][] stars = ClusterStars.stars(size, specialisation, focus);
        boolean[][] strong = StrongClusters.strongClusters(e1, lq, n1);
        ShiftShare.Decomposition shift = e0 == null ? null : ShiftShare.decompose(e0, e1);

        List<MappingRow> rows = new ArrayList<>();
        for (int r = 0; r < nr; r++) {
            for (int c = 0; c < nc; c++) {
                if (!(e1[r][c] > 0)) {
                    continue;
                }
                ShiftShareRow shiftRow = shift == null ? null : new ShiftShareRow(
                        shift.employmentBase()[r][c], shift.change()[r][c], shift.nationalEffect()[r][c],
                        shift.industryMix()[r][c], shift.regionalEffect()[r][c]);
                rows.add(new MappingRow(regions[r], cats[c], t1, e1[r][c], share[r][c], lq[r][c],
                        size[r][c], specialisation[r][c], focus[r][c], stars[r][c], strong[r][c], shiftRow));
            }
        }
        return new MappingResult(t1, baseYear, rows, warnings);
    }

    private static void validate(ActivityRecord record) {
        if (record.region() == null || record.industry() == null) {
            throw new InvalidParameterException(Text.core("mapping.record.code", record));
        }
        double employment = record.employment();
        if (!(employment >= 0) || Double.isInfinite(employment)) {
            throw new InvalidParameterException(Text.core("mapping.employment.invalid", Text.plain(employment), where(record)));
        }
        double establishments = record.establishments();
        if (record.hasEstablishments() && (establishments < 0 || Double.isInfinite(establishments))) {
            throw new InvalidParameterException(Text.core("mapping.establishments.invalid", Text.plain(establishments), where(record)));
        }
    }

    private static Text where(ActivityRecord record) {
        return Text.core("mapping.where", record.region(), record.industry(), record.year());
    }

    private static Map<String, Integer> index(SortedSet<String> labels) {
        Map<String, Integer> index = new HashMap<>(labels.size() * 2);
        for (String label : labels) {
            index.put(label, index.size());
        }
        return index;
    }

    /** "2018–2024" for consecutive years, "2015, 2018–2020" with gaps. */
    static String describe(SortedSet<Integer> years) {
        StringBuilder sb = new StringBuilder();
        Iterator<Integer> it = years.iterator();
        int start = it.next();
        int end = start;
        while (it.hasNext()) {
            int y = it.next();
            if (y != end + 1) {
                appendRange(sb, start, end);
                start = y;
            }
            end = y;
        }
        appendRange(sb, start, end);
        return sb.toString();
    }

    private static void appendRange(StringBuilder sb, int start, int end) {
        if (sb.length() > 0) {
            sb.append(", ");
        }
        sb.append(start);
        if (end > start) {
            sb.append('\u2013').append(end);
        }
    }
}
