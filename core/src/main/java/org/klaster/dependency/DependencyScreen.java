package org.klaster.dependency;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.klaster.AnalysisException;
import org.klaster.InvalidParameterException;
import org.klaster.Text;

/**
 * Strategic dependency screen (methods.md §3; European Commission SWD(2021) 352, CEPII GeoDep).
 *
 * <p>Conventions (documented in docs/methods-dependency.md):
 * <ul>
 *   <li>A row exists for each product-year in which the reporter R has any trade record of the
 *       product (import or export, any partner, any value including 0).</li>
 *   <li>When excluded partners (group G) are given, imports, import HHI, the ratio, reliance and the
 *       top partner count only partners outside G. Exports of R and world exports are not filtered.</li>
 *   <li>Repeated records of the same key are added (the CSV reader already rejects duplicate keys).</li>
 *   <li>Dependence is computed for every year in the data; {@code fromYear}/{@code toYear} only
 *       restrict the rows returned, so persistence in the first returned year still sees t−1, t−2.</li>
 * </ul>
 */
public final class DependencyScreen {

    private DependencyScreen() {
    }

    /**
     * Herfindahl–Hirschman index: HHI = Σ_i (v_i / Σ_j v_j)², in [1/n, 1].
     *
     * @return NaN when there are no values or they sum to 0 (no shares are defined)
     * @throws IllegalArgumentException on a negative or non-finite value
     */
    public static double herfindahl(double[] values) {
        double total = 0;
        for (double v : values) {
            if (!Double.isFinite(v) || v < 0) {
                throw new InvalidParameterException(Text.core("dependency.hhi.invalid", Text.plain(v)));
            }
            total += v;
        }
        if (Double.isInfinite(total)) {
            throw new AnalysisException(Text.core("dependency.too.large"));
        }
        if (total == 0) {
            return Double.NaN;
        }
        double hhi = 0;
        for (double v : values) {
            double s = v / total;
            hhi += s * s;
        }
        return hhi;
    }

    /**
     * Import/export ratio = imports / exports.
     *
     * @return +∞ when exports = 0 and imports > 0; NaN when both are 0
     */
    public static double importExportRatio(double imports, double exports) {
        if (exports == 0) {
            return imports > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        }
        return imports / exports;
    }

    /**
     * Import reliance = imports / (production + imports − exports), i.e. the share of apparent
     * consumption that is imported.
     *
     * @return NaN when production is NaN (not given), or when apparent consumption
     *         (production + imports − exports) is ≤ 0: with re-exports or inconsistent data the
     *         share is meaningless, so it is reported as unknown rather than as a made-up number
     */
    public static double importReliance(double imports, double exports, double production) {
        if (Double.isNaN(production)) {
            return Double.NaN;
        }
        double consumption = production + imports - exports;
        return consumption > 0 ? imports / consumption : Double.NaN;
    }

    /**
     * dependent = importHhi &gt; t ∧ ratio &gt; t ∧ (reliance &gt; t when known) ∧ (world HHI &gt; t when
     * known). Import HHI and ratio are required: NaN in either means not dependent.
     */
    public static boolean isDependent(double importHhi, double ratio, double reliance, double worldExportHhi,
                                      Thresholds t) {
        return importHhi > t.importHhi()
                && ratio > t.importExportRatio()
                && (Double.isNaN(reliance) || reliance > t.importReliance())
                && (Double.isNaN(worldExportHhi) || worldExportHhi > t.worldExportHhi());
    }

    /**
     * Screens reporter R.
     *
     * @param trade            all trade records of the file (all reporters: world exports need them)
     * @param reporter         R
     * @param production       domestic output records, or null when not given
     * @param excludedPartners partners inside group G (only partners outside count for imports);
     *                         empty or null = no exclusion
     * @param t                thresholds, e.g. {@link Thresholds#DEFAULTS}
     * @param fromYear         first year returned (inclusive), or null
     * @param toYear           last year returned (inclusive), or null
     * @return rows sorted by product, then year
     * @throws IllegalArgumentException on a negative or non-finite value or a missing field, naming the record
     */
    public static List<DependencyRow> screen(List<TradeFlow> trade, String reporter, List<Production> production,
                                             Set<String> excludedPartners, Thresholds t,
                                             Integer fromYear, Integer toYear) {
        Objects.requireNonNull(trade, "trade");
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(t, "thresholds");
        Set<String> excluded = excludedPartners == null ? Set.of() : excludedPartners;

        // product → year → accumulated figures of R
        Map<String, TreeMap<Integer, Cell>> cells = new TreeMap<>();
        // product-year → exporter → exports (world export HHI)
        Map<Key, Map<String, Double>> world = new HashMap<>();

        for (int i = 0; i < trade.size(); i++) {
            TradeFlow f = trade.get(i);
            validate(f, i);
            Key key = new Key(f.product(), f.year());
            if (f.flow() == TradeFlow.Flow.EXPORT) {
                world.computeIfAbsent(key, k -> new HashMap<>()).merge(f.reporter(), f.value(), Double::sum);
            }
            if (!f.reporter().equals(reporter)) {
                continue;
            }
            Cell c = cells.computeIfAbsent(f.product(), p -> new TreeMap<>())
                    .computeIfAbsent(f.year(), y -> new Cell());
            if (f.flow() == TradeFlow.Flow.EXPORT) {
                c.exports += f.value();
            } else if (!excluded.contains(f.partner())) {
                c.imports += f.value();
                c.byPartner.merge(f.partner(), f.value(), Double::sum);
            }
        }

        Map<Key, Double> output = new HashMap<>();
        if (production != null) {
            for (int i = 0; i < production.size(); i++) {
                Production p = production.get(i);
                validate(p, i);
                if (p.reporter().equals(reporter)) {
                    output.merge(new Key(p.product(), p.year()), p.value(), Double::sum);
                }
            }
        }

        List<DependencyRow> rows = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Integer, Cell>> e : cells.entrySet()) {
            String product = e.getKey();
            TreeMap<Integer, Cell> years = e.getValue();
            Set<Integer> dependentYears = new HashSet<>();
            List<DependencyRow> draft = new ArrayList<>();
            for (Map.Entry<Integer, Cell> ye : years.entrySet()) {
                int year = ye.getKey();
                Cell c = ye.getValue();
                Key key = new Key(product, year);
                double importHhi = herfindahl(values(c.byPartner));
                double worldHhi = worldExportHhi(world.get(key), reporter);
                double ratio = importExportRatio(c.imports, c.exports);
                double reliance = importReliance(c.imports, c.exports, output.getOrDefault(key, Double.NaN));
                boolean dependent = isDependent(importHhi, ratio, reliance, worldHhi, t);
                if (dependent) {
                    dependentYears.add(year);
                }
                String top = topPartner(c.byPartner);
                double topShare = top == null ? Double.NaN : c.byPartner.get(top) / c.imports;
                draft.add(new DependencyRow(product, year, c.imports, c.exports, importHhi, worldHhi, ratio,
                        reliance, dependent, false, top, topShare));
            }
            for (DependencyRow r : draft) {
                int y = r.year();
                if ((fromYear != null && y < fromYear) || (toYear != null && y > toYear)) {
                    continue;
                }
                int n = (dependentYears.contains(y - 2) ? 1 : 0) + (dependentYears.contains(y - 1) ? 1 : 0)
                        + (dependentYears.contains(y) ? 1 : 0);
                rows.add(new DependencyRow(r.product(), y, r.imports(), r.exports(), r.importHhi(),
                        r.worldExportHhi(), r.importExportRatio(), r.importReliance(), r.dependent(), n >= 2,
                        r.topPartner(), r.topPartnerShare()));
            }
        }
        rows.sort(Comparator.comparing(DependencyRow::product).thenComparingInt(DependencyRow::year));
        return rows;
    }

    /**
     * World export HHI over every exporter of the product-year in the file (R included).
     * NaN when no exporter other than R has positive exports.
     */
    static double worldExportHhi(Map<String, Double> exporters, String reporter) {
        if (exporters == null) {
            return Double.NaN;
        }
        boolean other = false;
        for (Map.Entry<String, Double> e : exporters.entrySet()) {
            if (!e.getKey().equals(reporter) && e.getValue() > 0) {
                other = true;
                break;
            }
        }
        return other ? herfindahl(values(exporters)) : Double.NaN;
    }

    /**
     * Largest import partner; ties broken by the alphabetically first code ({@link String#compareTo}).
     * Null when total imports are 0.
     */
    static String topPartner(Map<String, Double> byPartner) {
        String best = null;
        double bestValue = 0;
        for (Map.Entry<String, Double> e : byPartner.entrySet()) {
            double v = e.getValue();
            if (v > bestValue || (v == bestValue && v > 0 && e.getKey().compareTo(best) < 0)) {
                best = e.getKey();
                bestValue = v;
            }
        }
        return best;
    }

    private static double[] values(Map<String, Double> m) {
        return m.values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void validate(TradeFlow f, int i) {
        Text where = Text.core("dependency.trade.where", i + 1, f == null ? "" : f.describe());
        if (f == null) {
            throw new InvalidParameterException(Text.core("dependency.record.missing", where));
        }
        if (blank(f.reporter()) || blank(f.partner()) || blank(f.product()) || f.flow() == null) {
            throw new InvalidParameterException(Text.core("dependency.trade.required", where));
        }
        if (!Double.isFinite(f.value())) {
            throw new InvalidParameterException(Text.core("dependency.value.nonfinite", where, Text.plain(f.value())));
        }
        if (f.value() < 0) {
            throw new InvalidParameterException(Text.core("dependency.value.negative", where, Text.plain(f.value())));
        }
    }

    private static void validate(Production p, int i) {
        Text where = Text.core("dependency.production.where", i + 1, p == null ? "" : p.describe());
        if (p == null) {
            throw new InvalidParameterException(Text.core("dependency.record.missing", where));
        }
        if (blank(p.reporter()) || blank(p.product())) {
            throw new InvalidParameterException(Text.core("dependency.production.required", where));
        }
        if (!Double.isFinite(p.value())) {
            throw new InvalidParameterException(Text.core("dependency.value.nonfinite", where, Text.plain(p.value())));
        }
        if (p.value() < 0) {
            throw new InvalidParameterException(Text.core("dependency.value.negative", where, Text.plain(p.value())));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private record Key(String product, int year) {
    }

    private static final class Cell {
        double imports;
        double exports;
        final Map<String, Double> byPartner = new HashMap<>();
    }
}
