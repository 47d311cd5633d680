package org.klaster.complexity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.klaster.InvalidParameterException;
import org.klaster.Text;
import org.klaster.dependency.DependencyRow;
import org.klaster.linalg.DenseMatrix;
import org.klaster.mapping.CategoryMap;

/**
 * Import-substitution opportunities of one region (methods.md §4 "Regional use", §3; documented in
 * docs/methods-opportunities.md): which of the products the country depends on could the region
 * realistically start making?
 *
 * <ol>
 *   <li><b>Dependent products</b>: dependency-screen rows of year Y (default: the latest year of the
 *       rows) with {@code dependent = true}.</li>
 *   <li><b>Product → industry</b>: the concordance's longest listed code prefix of the product code
 *       ({@link CategoryMap} semantics, but a product with no listed prefix is <i>unlinked</i>, never
 *       its own industry), then the activity industry it falls in: the code itself, else the longest
 *       activity code c that contains it in the OKVED2/NACE hierarchy ({@link #within}: a concordance
 *       at group level 28.4 works on division-level activity 28). A concordance code coarser than every
 *       activity code is unlinked too.</li>
 *   <li><b>Candidates</b>: industries linked to ≥ 1 dependent product. Each gets the region's
 *       employment, RCA (= location quotient), M, density d_ri, the industry's PCI and the region's COG
 *       (from {@link EconomicComplexity#compute} on the same region × industry matrix).</li>
 *   <li><b>Two groups</b>: industries with M = 0 are <i>opportunities</i> (new specialisations);
 *       M = 1 are <i>specialised</i> (the region already has them at LQ ≥ threshold: the question
 *       there is scale, not entry, and their COG is 0 by definition, so ranking them together would
 *       only push them down). Each group is scored and ranked on its own.</li>
 *   <li><b>Score</b> within a group: for each factor f ∈ {density, PCI, COG} the mid-rank percentile
 *       pr_f(i) = (#{j: v_j &lt; v_i} + (#{j: v_j = v_i} − 1)/2) / (n − 1) over the group's n defined
 *       values (n = 1 → 0.5), and score(i) = Σ_f w_f pr_f(i) / Σ_f w_f over the factors defined for i
 *       (NaN when none is). Score ∈ [0, 1]. Rank: score descending, NaN last, ties by industry code.</li>
 *   <li><b>Related present industries</b>: the industries nearest to i by proximity φ (descending,
 *       φ &gt; 0) in which the region has M = 1 — where candidate producers are likely to be found.</li>
 * </ol>
 */
public final class Opportunities {

    /** Related present industries listed per candidate by default. */
    public static final int DEFAULT_RELATED = 3;

    private Opportunities() {
    }

    /**
     * Weights of the three ranking factors (any non-negative numbers with a positive sum; only their
     * ratios matter).
     */
    public record Weights(double density, double pci, double cog) {

        /**
         * Density-heavy default: density is feasibility (how much of what the industry needs the region
         * already has; the best single predictor of entry, Hidalgo et al. 2007), PCI and COG are
         * attractiveness (how complex the industry is; how much it opens up).
         */
        public static final Weights DEFAULTS = new Weights(0.5, 0.25, 0.25);

        public Weights {
            for (double w : new double[] {density, pci, cog}) {
                if (!Double.isFinite(w) || w < 0) {
                    throw new InvalidParameterException(Text.core("opportunities.weights.invalid", Text.plain(density),
                            Text.plain(pci), Text.plain(cog)));
                }
            }
            if (!(density + pci + cog > 0)) {
                throw new InvalidParameterException(Text.core("opportunities.weights.zero"));
            }
        }
    }

    /** A candidate's group. */
    public enum Status {
        /** M = 0: the region would have to enter the industry. */
        OPPORTUNITY,
        /** M = 1: the region already specialises in it (scale-up rather than entry). */
        SPECIALISED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** An industry related to a candidate that the region already has (M = 1), with φ and the region's RCA. */
    public record Related(String industry, double proximity, double rca) {
    }

    /**
     * One candidate industry of the region.
     *
     * @param industry          activity industry code
     * @param status            opportunity (M = 0) or specialised (M = 1)
     * @param dependentProducts the dependent products linked to it, sorted
     * @param dependentImports  their imports summed (as screened: outside the excluded group, if any)
     * @param employment        the region's employment in it
     * @param rca               the region's RCA = location quotient (NaN if the industry has no employment anywhere)
     * @param density           d_ri
     * @param pci               the industry's PCI (NaN when complexity is undefined)
     * @param cog               the region's COG for it (0 when M = 1; NaN when undefined)
     * @param densityPercentile mid-rank percentile of density within the status group
     * @param pciPercentile     the same for PCI
     * @param cogPercentile     the same for COG
     * @param score             weighted mean of the defined percentiles, in [0, 1] (NaN when none)
     * @param rank              1 = best, within the status group
     * @param relatedPresent    nearest industries by φ in which the region has M = 1
     */
    public record Row(String industry, Status status, List<String> dependentProducts, double dependentImports,
                      double employment, double rca, double density, double pci, double cog,
                      double densityPercentile, double pciPercentile, double cogPercentile, double score, int rank,
                      List<Related> relatedPresent) {

        public Row {
            dependentProducts = List.copyOf(dependentProducts);
            relatedPresent = List.copyOf(relatedPresent);
        }

        /** M_ri as 0/1. */
        public int mcp() {
            return status == Status.SPECIALISED ? 1 : 0;
        }
    }

    /**
     * The ranking.
     *
     * @param region          the region
     * @param year            the activity year
     * @param dependencyYear  the dependency-screen year used (null when there are no screen rows)
     * @param weights         the weights used
     * @param rows            opportunities by rank, then specialised by rank
     * @param productIndustry every dependent product of the year → its activity industry (linked ones only)
     * @param unlinked        dependent products with no activity industry → why
     */
    public record Result(String region, int year, Integer dependencyYear, Weights weights, List<Row> rows,
                         Map<String, String> productIndustry, Map<String, Text> unlinked) {

        public Result {
            rows = List.copyOf(rows);
            productIndustry = java.util.Collections.unmodifiableMap(new TreeMap<>(productIndustry));
            unlinked = java.util.Collections.unmodifiableMap(new TreeMap<>(unlinked));
        }

        /** The row of an industry, or null. */
        public Row row(String industry) {
            return rows.stream().filter(r -> r.industry().equals(industry)).findFirst().orElse(null);
        }
    }

    /** PCI and COG of industries: {@link EconomicComplexity#compute} on the region × industry matrix. */
    public static ComplexityResult industryComplexity(RegionalRelatedness rel) {
        return EconomicComplexity.compute(rel.employment(), rel.relatedness().threshold());
    }

    /**
     * Ranks the region's candidate industries.
     *
     * @param rel            region × industry relatedness of the activity year
     * @param complexity     {@link #industryComplexity(RegionalRelatedness)} of the same matrix, or null
     *                       when it is undefined (PCI and COG are then NaN and only density ranks)
     * @param dependency     dependency-screen rows of the country (any years)
     * @param dependencyYear the screen year to use, or null for the latest year in {@code dependency}
     * @param concordance    product code → industry code, longest listed prefix wins
     * @param region         the region
     * @param weights        factor weights
     * @param relatedCount   related present industries to list per candidate (≥ 0)
     * @throws IllegalArgumentException for an unknown region (the message lists the regions), a region
     *                                  without employment, a dependency year with no rows, a
     *                                  complexity result of another shape, or a negative count
     */
    public static Result rank(RegionalRelatedness rel, ComplexityResult complexity, Collection<DependencyRow> dependency,
                              Integer dependencyYear, CategoryMap concordance, String region, Weights weights,
                              int relatedCount) {
        Objects.requireNonNull(rel, "relatedness");
        Objects.requireNonNull(dependency, "dependency");
        Objects.requireNonNull(concordance, "concordance");
        Objects.requireNonNull(weights, "weights");
        if (relatedCount < 0) {
            throw new InvalidParameterException(Text.core("opportunities.related.negative", relatedCount));
        }
        int c = rel.regions().indexOf(region);
        if (c < 0) {
            throw new InvalidParameterException(Text.core("opportunities.region.unknown", region, rel.year(), rel.regions()));
        }
        Relatedness r = rel.relatedness();
        if (!r.locationIncluded()[c]) {
            throw new InvalidParameterException(Text.core("opportunities.region.empty", region, rel.year()));
        }
        if (complexity != null && (complexity.pci().length != rel.industries().size()
                || complexity.eci().length != rel.regions().size())) {
            throw new IllegalArgumentException("the complexity result is not of the region × industry matrix given");
        }

        Integer year = dependencyYear;
        if (year == null) {
            year = dependency.stream().map(DependencyRow::year).max(Integer::compare).orElse(null);
        } else {
            int y = year;
            if (dependency.stream().noneMatch(d -> d.year() == y)) {
                throw new InvalidParameterException(Text.core("opportunities.dependency.year", y,
                        new TreeSet<>(dependency.stream().map(DependencyRow::year).toList())));
            }
        }

        // dependent products of the year → activity industry
        Map<String, String> productIndustry = new TreeMap<>();
        Map<String, Text> unlinked = new TreeMap<>();
        Map<String, List<String>> productsOf = new TreeMap<>();
        Map<String, Double> importsOf = new TreeMap<>();
        for (DependencyRow d : dependency) {
            if (year == null || d.year() != year || !d.dependent()) {
                continue;
            }
            String code = industryOf(concordance, d.product());
            String industry = code == null ? null : resolve(code, rel.industries());
            if (industry == null) {
                unlinked.put(d.product(), code == null ? Text.core("opportunities.unlinked.prefix")
                        : Text.core("opportunities.unlinked.industry", code));
                continue;
            }
            productIndustry.put(d.product(), industry);
            productsOf.computeIfAbsent(industry, k -> new ArrayList<>()).add(d.product());
            importsOf.merge(industry, d.imports(), Double::sum);
        }

        List<Draft> opportunities = new ArrayList<>();
        List<Draft> specialised = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : productsOf.entrySet()) {
            int p = rel.industries().indexOf(e.getKey());
            double m = r.mcp().get(c, p);
            Draft draft = new Draft(e.getKey(), p, m == 1.0 ? Status.SPECIALISED : Status.OPPORTUNITY,
                    e.getValue().stream().sorted().toList(), importsOf.get(e.getKey()),
                    rel.employment().get(c, p), r.rca().get(c, p), r.density().get(c, p),
                    complexity == null ? Double.NaN : complexity.pci()[p],
                    complexity == null ? Double.NaN : complexity.cog().get(c, p));
            (draft.status == Status.SPECIALISED ? specialised : opportunities).add(draft);
        }
        List<Row> rows = new ArrayList<>();
        rows.addAll(score(opportunities, weights, rel, c, relatedCount));
        rows.addAll(score(specialised, weights, rel, c, relatedCount));
        return new Result(region, rel.year(), year, weights, rows, productIndustry, unlinked);
    }

    /**
     * The concordance's industry of a product: the value of its longest listed prefix, or null when
     * no listed code is a prefix (whitespace in the product code is ignored).
     */
    public static String industryOf(CategoryMap concordance, String product) {
        String code = product.replaceAll("\\s", "");
        Map<String, String> entries = concordance.entries();
        for (int k = code.length(); k >= 1; k--) {
            String industry = entries.get(code.substring(0, k));
            if (industry != null) {
                return industry;
            }
        }
        return null;
    }

    /**
     * The activity industry a code falls in: the code itself when listed, else the longest listed
     * code that contains it in the OKVED2/NACE hierarchy ({@link #within}), else null.
     */
    public static String resolve(String code, Collection<String> industries) {
        if (industries.contains(code)) {
            return code;
        }
        String best = null;
        for (String c : industries) {
            if (within(code, c) && (best == null || c.length() > best.length())) {
                best = c;
            }
        }
        return best;
    }

    /**
     * Whether {@code code} is {@code industry} or below it in the OKVED2/NACE hierarchy (XX, XX.X,
     * XX.XX, XX.XX.X …): a string prefix that ends at a dot of the code, or ends inside a dotted part
     * ("28.41" is within "28", "28.4" and "28.41"; "261" is not within "26", "28.41" not within "28.1").
     */
    public static boolean within(String code, String industry) {
        if (code.equals(industry)) {
            return true;
        }
        return code.startsWith(industry) && (code.charAt(industry.length()) == '.' || industry.indexOf('.') >= 0);
    }

    /**
     * Mid-rank percentiles: pr_i = (#{v_j &lt; v_i} + (#{v_j = v_i} − 1)/2) / (n − 1) over the n
     * non-NaN values (n = 1 → 0.5); NaN stays NaN. Ties share one value; the result is in [0, 1].
     */
    public static double[] percentileRanks(double[] values) {
        double[] out = new double[values.length];
        int n = 0;
        for (double v : values) {
            n += Double.isNaN(v) ? 0 : 1;
        }
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                out[i] = Double.NaN;
                continue;
            }
            if (n == 1) {
                out[i] = 0.5;
                continue;
            }
            int below = 0;
            int equal = 0;
            for (double v : values) {
                if (v < values[i]) {
                    below++;
                } else if (v == values[i]) {
                    equal++;
                }
            }
            out[i] = (below + (equal - 1) / 2.0) / (n - 1);
        }
        return out;
    }

    /** score = Σ w_f pr_f / Σ w_f over the factors whose percentile is defined; NaN when none is. */
    public static double score(Weights w, double densityPercentile, double pciPercentile, double cogPercentile) {
        double sum = 0;
        double weight = 0;
        double[] pr = {densityPercentile, pciPercentile, cogPercentile};
        double[] ws = {w.density(), w.pci(), w.cog()};
        for (int f = 0; f < 3; f++) {
            if (!Double.isNaN(pr[f])) {
                sum += ws[f] * pr[f];
                weight += ws[f];
            }
        }
        return weight > 0 ? sum / weight : Double.NaN;
    }

    private record Draft(String industry, int index, Status status, List<String> products, double imports,
                         double employment, double rca, double density, double pci, double cog) {
    }

    private static List<Row> score(List<Draft> group, Weights w, RegionalRelatedness rel, int c, int relatedCount) {
        double[] dPr = percentileRanks(group.stream().mapToDouble(Draft::density).toArray());
        double[] pPr = percentileRanks(group.stream().mapToDouble(Draft::pci).toArray());
        double[] gPr = percentileRanks(group.stream().mapToDouble(Draft::cog).toArray());
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            Draft d = group.get(i);
            rows.add(new Row(d.industry, d.status, d.products, d.imports, d.employment, d.rca, d.density, d.pci,
                    d.cog, dPr[i], pPr[i], gPr[i], score(w, dPr[i], pPr[i], gPr[i]), 0,
                    relatedPresent(rel, c, d.index, relatedCount)));
        }
        rows.sort(Comparator.comparingDouble((Row x) -> Double.isNaN(x.score()) ? Double.NEGATIVE_INFINITY : x.score())
                .reversed().thenComparing(Row::industry));
        List<Row> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row x = rows.get(i);
            ranked.add(new Row(x.industry(), x.status(), x.dependentProducts(), x.dependentImports(), x.employment(),
                    x.rca(), x.density(), x.pci(), x.cog(), x.densityPercentile(), x.pciPercentile(),
                    x.cogPercentile(), x.score(), i + 1, x.relatedPresent()));
        }
        return ranked;
    }

    /** Industries q ≠ p with φ_pq &gt; 0 and M_cq = 1, by φ descending (ties: industry order), at most k. */
    static List<Related> relatedPresent(RegionalRelatedness rel, int c, int p, int k) {
        Relatedness r = rel.relatedness();
        DenseMatrix m = r.mcp();
        List<Related> out = new ArrayList<>();
        for (int q : r.nearby(p, Integer.MAX_VALUE)) {
            if (out.size() >= k) {
                break;
            }
            if (m.get(c, q) == 1.0) {
                out.add(new Related(rel.industries().get(q), r.proximity().get(p, q), r.rca().get(c, q)));
            }
        }
        return out;
    }
}
