package org.klaster.app.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.klaster.activity.ActivityRecord;
import org.klaster.complexity.ExportRecord;
import org.klaster.data.store.Dataset;
import org.klaster.data.store.DatasetKind;
import org.klaster.data.store.Store;

/**
 * Hand-built data for the Opportunities pages (installed after the demo):
 * <ul>
 *   <li>{@code hand-exports}: the 4 × 5 exports of core's ComplexityHandExampleTest, year 2023, countries
 *       AAA–DDD, products 0001–0005:
 *       <pre>
 *          0001 0002 0003 0004 0005
 *   AAA     20   10    0    0   10
 *   BBB      0   10   10    0    0
 *   CCC      0    0   10   10    0
 *   DDD      0    0    0   10   10</pre>
 *       M: AAA = {1, 2, 5}, BBB = {2, 3}, CCC = {3, 4}, DDD = {4, 5}; φ = 1/2 for the pairs (1,2), (1,5),
 *       (2,5), (2,3), (3,4), (4,5), else 0.</li>
 *   <li>{@code hand-firms}: one establishment per industry of the demo's latest year in {@value #REGION}
 *       (employment 1000 + the industry's position, id {@code f-INDUSTRY}) and one in RU-MOW per industry
 *       (employment 10⁶, which must never be proposed for {@value #REGION}).</li>
 * </ul>
 */
final class OpportunitiesFixtures {

    static final String REGION = "RU-SAM";
    static final double[][] X = {
            {20, 10, 0, 0, 10},
            {0, 10, 10, 0, 0},
            {0, 0, 10, 10, 0},
            {0, 0, 0, 10, 10}};
    static final List<String> COUNTRIES = List.of("AAA", "BBB", "CCC", "DDD");
    static final List<String> PRODUCTS = List.of("0001", "0002", "0003", "0004", "0005");

    private OpportunitiesFixtures() {
    }

    static List<ExportRecord> handExports() {
        List<ExportRecord> out = new ArrayList<>();
        for (int c = 0; c < X.length; c++) {
            for (int p = 0; p < X[c].length; p++) out.add(new ExportRecord(2023, COUNTRIES.get(c), PRODUCTS.get(p), X[c][p]));
        }
        return out;
    }

    /**
     * The demo's establishments of one region only (the whole {@code demo-firms} has about 1.2 M rows), as
     * {@code klaster demo} generates them: enough for the candidate producers of that region.
     */
    static void installDemoFirms(Store store, String region) {
        var economy = org.klaster.data.demo.DemoEconomy.standard();
        int year = org.klaster.data.demo.DemoEconomy.LAST_YEAR;
        store.saveFirms(Dataset.of("demo-firms", DatasetKind.FIRMS, "Klaster synthetic demo economy (establishments of " + region + ", "
                        + year + ")", null, 0, org.klaster.data.demo.DemoEconomy.VERSION, true,
                        org.klaster.data.demo.DemoEconomy.PROVENANCE, null),
                w -> economy.firms(year, (id, r, industry, y, employment, lat, lon) -> {
                    if (r.equals(region)) w.firm(Long.toString(id), r, industry, y, employment, lat, lon);
                }), Map.of(), Map.of(), true);
    }

    static void install(Store store) {
        store.saveExports(Dataset.of("hand-exports", DatasetKind.EXPORTS, "hand-built 4 × 5 exports (ComplexityHandExampleTest)", null,
                20, null, false, "hand-built test data", null), handExports(), true);
        List<ActivityRecord> demo = store.activity("demo");
        int year = demo.stream().mapToInt(ActivityRecord::year).max().orElseThrow();
        List<String> industries = new ArrayList<>(new TreeSet<>(demo.stream().filter(r -> r.year() == year)
                .map(ActivityRecord::industry).toList()));
        store.saveFirms(Dataset.of("hand-firms", DatasetKind.FIRMS, "hand-built establishments", null, 2L * industries.size(), null, false,
                "hand-built test data", null), w -> {
                    for (int i = 0; i < industries.size(); i++) {
                        String ind = industries.get(i);
                        w.firm("f-" + ind, REGION, ind, year, 1000 + i, 53.2 + i * 0.01, 50.1 + i * 0.01);
                        w.firm("m-" + ind, "RU-MOW", ind, year, 1_000_000, 55.75, 37.6);
                    }
                }, Map.of(), Map.of(), true);
    }
}
