package org.klaster.inputoutput;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.klaster.InvalidParameterException;
import org.klaster.Text;
import org.klaster.activity.ActivityRecord;

/**
 * Employment by sector of an input–output table, from regional activity (formats.md §1) of one year —
 * what {@link Regionalisation} needs, for every region of the activity at once (docs/methods-io.md,
 * "Regional tables").
 *
 * <p><b>Which rows count for which sector.</b> Each sector is linked to one or more industry codes of
 * the activity; without links, to its own code. A row counts for the linked code that is the longest
 * string prefix of its industry (a sector {@code 28} gets the rows {@code 28}, {@code 28.1},
 * {@code 28.25} — as in categories.csv), and rows whose industry has no linked prefix count only in the
 * totals E_r and E_n. National employment is the sum over all regions of the activity.
 *
 * <p><b>Blocks.</b> Sectors that share a linked code (one activity industry covering several sectors of
 * a more detailed table, e.g. food products 15.1 … 15.9 of the Rosstat 2016 table from OKVED2 division 10)
 * form a block, as do, transitively, sectors linked to codes those share. Employment is known only for
 * the block; it is shared among the block's sectors in proportion to their national output, so every
 * sector of a block gets the block's regional share E_br/E_bn and its SLQ. A block of one sector (the
 * usual case) keeps its employment exactly.
 */
public final class SectorEmployment {

    private final List<String> sectors;
    private final int[] blockOf;          // sector → block
    private final double[] weight;        // sector's part of its block's employment
    private final double[] nationalByBlock;
    private final double nationalTotal;
    private final Map<String, double[]> regionalByBlock;
    private final Map<String, Double> regionalTotal;
    private final Map<String, Double> unmatched;

    private SectorEmployment(List<String> sectors, int[] blockOf, double[] weight, double[] nationalByBlock,
                             double nationalTotal, Map<String, double[]> regionalByBlock,
                             Map<String, Double> regionalTotal, Map<String, Double> unmatched) {
        this.sectors = sectors;
        this.blockOf = blockOf;
        this.weight = weight;
        this.nationalByBlock = nationalByBlock;
        this.nationalTotal = nationalTotal;
        this.regionalByBlock = regionalByBlock;
        this.regionalTotal = regionalTotal;
        this.unmatched = unmatched;
    }

    /**
     * @param sectors        the table's sector codes, in table order
     * @param nationalOutput x_in (shares a block's employment among its sectors; negative counts as 0)
     * @param links          sector → the industry codes of the activity that make it; null links every
     *                       sector to its own code. Every key must be a sector; sectors without a key have
     *                       no employment.
     * @param rows           activity rows; only those of {@code year} are read (employment NaN skipped)
     * @throws InvalidParameterException for a link of an unknown sector or an empty industry code
     */
    public static SectorEmployment of(List<String> sectors, double[] nationalOutput, Map<String, List<String>> links,
                                      Iterable<ActivityRecord> rows, int year) {
        int n = sectors.size();
        if (nationalOutput.length != n) {
            throw new IllegalArgumentException(nationalOutput.length + " outputs for " + n + " sectors");
        }
        Map<String, Integer> index = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            index.put(sectors.get(i), i);
        }
        Map<String, List<String>> linked = links;
        if (linked == null) {
            linked = new LinkedHashMap<>();
            for (String s : sectors) {
                linked.put(s, List.of(s));
            }
        }
        // union–find over sectors: two sectors linked to one industry code fall in one block
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        Map<String, Integer> firstSectorOfCode = new HashMap<>();
        for (Map.Entry<String, List<String>> e : linked.entrySet()) {
            Integer s = index.get(e.getKey());
            if (s == null) {
                throw new InvalidParameterException(Text.core("io.regional.link.unknown", e.getKey()));
            }
            for (String code : e.getValue()) {
                if (code == null || code.isEmpty()) {
                    throw new InvalidParameterException(Text.core("io.regional.link.empty", e.getKey()));
                }
                Integer other = firstSectorOfCode.putIfAbsent(code, s);
                if (other != null) {
                    parent[find(parent, s)] = find(parent, other);
                }
            }
        }
        int[] blockOf = new int[n];
        int[] blockIdOfRoot = new int[n];
        Arrays.fill(blockIdOfRoot, -1);
        int blocks = 0;
        for (int i = 0; i < n; i++) {
            int root = find(parent, i);
            if (blockIdOfRoot[root] < 0) {
                blockIdOfRoot[root] = blocks++;
            }
            blockOf[i] = blockIdOfRoot[root];
        }
        double[] blockOutput = new double[blocks];
        int[] blockSize = new int[blocks];
        for (int i = 0; i < n; i++) {
            blockOutput[blockOf[i]] += Math.max(0.0, nationalOutput[i]);
            blockSize[blockOf[i]]++;
        }
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            int b = blockOf[i];
            weight[i] = blockSize[b] == 1 ? 1.0
                    : blockOutput[b] > 0 ? Math.max(0.0, nationalOutput[i]) / blockOutput[b] : 1.0 / blockSize[b];
        }
        Map<String, Integer> blockOfCode = new HashMap<>();
        int longest = 0;
        for (Map.Entry<String, Integer> e : firstSectorOfCode.entrySet()) {
            blockOfCode.put(e.getKey(), blockOf[e.getValue()]);
            longest = Math.max(longest, e.getKey().length());
        }

        double[] national = new double[blocks];
        double total = 0.0;
        Map<String, double[]> regional = new HashMap<>();
        Map<String, double[]> regionTotals = new HashMap<>(); // one cell each, so a row adds without boxing
        Map<String, Double> unmatched = new TreeMap<>();
        Map<String, Integer> blockOfIndustry = new HashMap<>(); // memo of the prefix search; −1 = none
        String lastRegion = null;
        double[] byBlock = null;
        double[] regionTotal = null;
        for (ActivityRecord r : rows) {
            if (r.year() != year || Double.isNaN(r.employment())) {
                continue;
            }
            double e = r.employment();
            total += e;
            // rows come grouped by region: look the region up only when it changes
            if (!r.region().equals(lastRegion)) {
                lastRegion = r.region();
                byBlock = regional.computeIfAbsent(lastRegion, k -> new double[national.length]);
                regionTotal = regionTotals.computeIfAbsent(lastRegion, k -> new double[1]);
            }
            regionTotal[0] += e;
            Integer b = blockOfIndustry.get(r.industry());
            if (b == null) {
                b = longestPrefixBlock(r.industry(), blockOfCode, longest);
                blockOfIndustry.put(r.industry(), b);
            }
            if (b < 0) {
                unmatched.merge(r.industry(), e, Double::sum);
                continue;
            }
            national[b] += e;
            byBlock[b] += e;
        }
        Map<String, Double> totals = new TreeMap<>();
        regionTotals.forEach((k, v) -> totals.put(k, v[0]));
        return new SectorEmployment(List.copyOf(sectors), blockOf, weight, national, total,
                Collections.unmodifiableMap(regional), Collections.unmodifiableMap(totals),
                Collections.unmodifiableMap(unmatched));
    }

    private static int longestPrefixBlock(String industry, Map<String, Integer> blockOfCode, int longest) {
        for (int k = Math.min(industry.length(), longest); k >= 1; k--) {
            Integer b = blockOfCode.get(industry.substring(0, k));
            if (b != null) {
                return b;
            }
        }
        return -1;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** The regions of the activity in the year, sorted. */
    public Set<String> regions() {
        return regionalTotal.keySet();
    }

    public boolean hasRegion(String region) {
        return regionalTotal.containsKey(region);
    }

    /** E_in by sector (a block's employment shared by national output). */
    public double[] national() {
        double[] e = new double[sectors.size()];
        for (int i = 0; i < e.length; i++) {
            e[i] = nationalByBlock[blockOf[i]] * weight[i];
        }
        return e;
    }

    /** E_n: all employment of the year, in every region and industry. */
    public double nationalTotal() {
        return nationalTotal;
    }

    /** The employment of one region and of the nation by sector. */
    public RegionalEmployment region(String region) {
        double[] byBlock = regionalByBlock.get(region);
        if (byBlock == null) {
            throw new InvalidParameterException(Text.core("io.regional.unknown.region", region));
        }
        double[] e = new double[sectors.size()];
        for (int i = 0; i < e.length; i++) {
            e[i] = byBlock[blockOf[i]] * weight[i];
        }
        return new RegionalEmployment(e, regionalTotal.get(region), national(), nationalTotal);
    }

    /**
     * Sectors with positive national output and no national employment (their region shares are
     * undefined), in table order.
     */
    public List<String> sectorsWithoutEmployment(double[] nationalOutput) {
        List<String> out = new ArrayList<>();
        double[] e = national();
        for (int i = 0; i < e.length; i++) {
            if (nationalOutput[i] > 0 && !(e[i] > 0)) {
                out.add(sectors.get(i));
            }
        }
        return out;
    }

    /** Industries of the activity that count for no sector, with their national employment, sorted by code. */
    public Map<String, Double> unmatchedIndustries() {
        return unmatched;
    }

    /** Sectors that share their employment with others (blocks of more than one sector), in table order. */
    public List<List<String>> sharedBlocks() {
        Map<Integer, List<String>> byBlock = new TreeMap<>();
        for (int i = 0; i < blockOf.length; i++) {
            byBlock.computeIfAbsent(blockOf[i], b -> new ArrayList<>()).add(sectors.get(i));
        }
        List<List<String>> out = new ArrayList<>();
        for (List<String> b : byBlock.values()) {
            if (b.size() > 1) {
                out.add(List.copyOf(b));
            }
        }
        return out;
    }
}
