package org.klaster.app.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.klaster.dependency.DependencyRow;
import org.klaster.dependency.Production;
import org.klaster.dependency.SovereigntyCoverage;

/**
 * Sovereignty → coverage: for each product the reporter produces in a year, the share of the home
 * market its own output covers, (production − exports) / (production − exports + imports), against the
 * 75 % target (docs/methods-dependency.md). Imports from every partner count (the whole home market).
 */
public final class CoverageAnalysis {

    public static final String ID = "coverage";

    private CoverageAnalysis() {
    }

    /** One product's coverage (NaN when exports exceed production: undefined, not clamped). */
    public record Row(String product, int year, double production, double exports, double imports, double coverage,
                      boolean meetsTarget) {
    }

    public static Schema<Row> schema(Names names) {
        return Schema.<Row>builder(ID, "CoverageRow")
                .text("product", Row::product)
                .name("product_name", r -> names.productOrNull(r.product()))
                .integer("year", Unit.YEAR, Row::year)
                .number("production", Unit.MONEY, Row::production)
                .number("exports", Unit.MONEY, Row::exports)
                .number("imports", Unit.MONEY, Row::imports)
                .optionalNumber("coverage", Unit.SHARE, Row::coverage)
                .flag("meets_target", Row::meetsTarget)
                .build();
    }

    static double coverageOrNaN(double production, double exports, double imports) {
        try {
            return SovereigntyCoverage.of(production, exports, imports);
        } catch (IllegalArgumentException e) { // exports above production: undefined, not clamped
            return Double.NaN;
        }
    }

    /** A product's home market: production − exports + imports (NaN where exports exceed production, as its coverage). */
    public static double homeMarket(Row r) {
        return Double.isNaN(r.coverage()) ? Double.NaN : r.production() - r.exports() + r.imports();
    }

    /** Coverage of every product with production of the reporter in {@code year}; empty without production. */
    public static Table<Row> run(TradeInput in, String reporter, int year, DataAccess access, Names names, boolean withNames) {
        Map<String, Double> production = new TreeMap<>();
        for (Production p : in.data().production()) {
            if (p.year() == year && p.reporter().equals(reporter)) production.merge(p.product(), p.value(), Double::sum);
        }
        DependencyAnalysis.Screen all = DependencyAnalysis.screen(in, new DependencyAnalysis.Params(reporter, null,
                new int[] {year, year}, null, null), false, access);
        Map<String, DependencyRow> byProduct = new HashMap<>();
        for (DependencyRow r : all.year(year)) byProduct.put(r.product(), r);
        List<Row> rows = new ArrayList<>();
        double prod = 0;
        double exp = 0;
        double imp = 0;
        for (Map.Entry<String, Double> e : production.entrySet()) {
            DependencyRow r = byProduct.get(e.getKey());
            double imports = r == null ? 0 : r.imports();
            double exports = r == null ? 0 : r.exports();
            double c = coverageOrNaN(e.getValue(), exports, imports);
            rows.add(new Row(e.getKey(), year, e.getValue(), exports, imports, c, SovereigntyCoverage.meetsTarget(c)));
            prod += e.getValue();
            exp += exports;
            imp += imports;
        }
        double total = rows.isEmpty() ? Double.NaN : coverageOrNaN(prod, exp, imp);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("reporter", reporter);
        params.put("year", year);
        params.put("target", SovereigntyCoverage.TARGET);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("coverage", total);
        summary.put("meets_target", SovereigntyCoverage.meetsTarget(total));
        long meeting = rows.stream().filter(Row::meetsTarget).count();
        long defined = rows.stream().filter(r -> !Double.isNaN(r.coverage())).count();
        summary.put("products_meeting_target", meeting);
        summary.put("products", rows.size());
        // the value-weighted figure is dominated by the largest home markets; the count-based one treats products alike
        summary.put("share_of_products_meeting_target", defined == 0 ? Double.NaN : (double) meeting / defined);
        summary.put("mean_coverage", rows.stream().mapToDouble(Row::coverage).filter(c -> !Double.isNaN(c)).average().orElse(Double.NaN));
        Row largest = null;
        double market = 0;
        for (Row r : rows) {
            double home = homeMarket(r);
            if (!Double.isNaN(home)) market += home;
            if (!Double.isNaN(home) && (largest == null || home > homeMarket(largest))) largest = r;
        }
        summary.put("largest_home_market_product", largest == null ? null : largest.product());
        summary.put("largest_home_market_share", largest == null || !(market > 0) ? Double.NaN : homeMarket(largest) / market);
        return new Table<>(schema(names), rows, withNames,
                new Provenance(ID, List.of(in.input()), params, in.units()), List.of(), List.of(), summary);
    }
}
