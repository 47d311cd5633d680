package org.klaster.app.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.klaster.data.demo.DemoIo;
import org.klaster.data.demo.DemoTrade;
import org.klaster.data.formats.TradeData;
import org.klaster.data.store.Dataset;
import org.klaster.data.store.DatasetKind;
import org.klaster.data.store.Store;
import org.klaster.dependency.Production;
import org.klaster.dependency.TradeFlow;
import org.klaster.dependency.TradeFlow.Flow;
import org.klaster.inputoutput.IoTable;
import org.klaster.linalg.DenseMatrix;

/**
 * Hand-built input–output tables and trade for the Sovereignty pages, small enough to check by hand
 * (installed after the demo's {@code demo-io} and {@code demo-trade}).
 *
 * <ul>
 *   <li>{@code mb-io}: Miller &amp; Blair (2009) §2.3, Z = [[150, 500], [200, 100]], f = [350, 1700],
 *       x = [1000, 2000], plus an imports row m = [100, 200] and value added [550, 1200] (columns balance).
 *       L = [[0.95, 0.25], [0.2, 0.85]] / 0.7575.</li>
 *   <li>{@code four-io} (synthetic): four named sectors with an import matrix; electronics (C26) buys
 *       most of its inputs abroad.</li>
 *   <li>{@code bad-io}: a11 = 90/50 = 1.8, not productive.</li>
 *   <li>{@code small-trade}: RUS imports of 8542 (CHN 80, DEU 10, KAZ 10; exports 5) and 0101 (DEU 30,
 *       KAZ 30; exports 10; production 200) in 2021–2023, CHN exports 1000 of 8542; group friendly = CHN, KAZ.</li>
 * </ul>
 */
final class SovereigntyFixtures {

    private SovereigntyFixtures() {
    }

    static IoTable millerBlair() {
        DenseMatrix z = DenseMatrix.ofRows(new double[][] {{150, 500}, {200, 100}});
        DenseMatrix f = DenseMatrix.ofRows(new double[][] {{300, 50}, {1500, 200}});
        return IoTable.of(List.of("S1", "S2"), z, List.of("fd:households", IoTable.EXPORTS), f)
                .withImports(new double[] {100, 200}, null)
                .withValueAdded(new double[] {550, 1200});
    }

    static IoTable fourSectors() {
        DenseMatrix z = DenseMatrix.ofRows(new double[][] {{20, 60, 0, 5}, {5, 30, 2, 10}, {2, 5, 40, 15}, {10, 25, 20, 30}});
        DenseMatrix f = DenseMatrix.ofRows(new double[][] {{60, 20}, {150, 30}, {80, 40}, {200, 10}});
        DenseMatrix m = DenseMatrix.ofRows(new double[][] {{2, 10, 0, 0}, {1, 5, 0, 2}, {3, 8, 60, 10}, {0, 1, 2, 3}});
        // value added closes the columns: x_j − Σ_i z_ij − Σ_i M_ij with x = (165, 227, 182, 295)
        return IoTable.of(List.of("A01", "C10", "C26", "G46"), z, List.of("fd:households", IoTable.EXPORTS), f)
                .withNames(List.of("Agriculture", "Food products", "Electronics", "Wholesale trade"))
                .withImportMatrix(m, null)
                .withValueAdded(new double[] {122, 83, 58, 220});
    }

    static IoTable notProductive() {
        DenseMatrix z = DenseMatrix.ofRows(new double[][] {{90, 0}, {0, 10}});
        DenseMatrix f = DenseMatrix.ofRows(new double[][] {{-40}, {100}});
        return IoTable.of(List.of("X1", "X2"), z, List.of("fd:households"), f);
    }

    static TradeData smallTrade() {
        List<TradeFlow> flows = new ArrayList<>();
        List<Production> production = new ArrayList<>();
        for (int y = 2021; y <= 2023; y++) {
            flows.add(new TradeFlow(y, "RUS", "CHN", "8542", Flow.IMPORT, 80));
            flows.add(new TradeFlow(y, "RUS", "DEU", "8542", Flow.IMPORT, 10));
            flows.add(new TradeFlow(y, "RUS", "KAZ", "8542", Flow.IMPORT, 10));
            flows.add(new TradeFlow(y, "RUS", "KAZ", "8542", Flow.EXPORT, 5));
            flows.add(new TradeFlow(y, "CHN", "USA", "8542", Flow.EXPORT, 1000));
            flows.add(new TradeFlow(y, "RUS", "DEU", "0101", Flow.IMPORT, 30));
            flows.add(new TradeFlow(y, "RUS", "KAZ", "0101", Flow.IMPORT, 30));
            flows.add(new TradeFlow(y, "RUS", "KAZ", "0101", Flow.EXPORT, 10));
            production.add(new Production(y, "RUS", "0101", 200));
        }
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("friendly", List.of("CHN", "KAZ"));
        return new TradeData(flows, production, groups, null);
    }

    /**
     * The demo's input–output table and trade (as {@code klaster demo} stores them) when the store does
     * not hold them yet, then the hand-built datasets after them.
     */
    static void install(Store store) {
        if (store.dataset("demo-io").isEmpty()) {
            IoTable io = DemoIo.standard();
            store.saveIoTable(Dataset.of("demo-io", DatasetKind.IO, "Klaster synthetic demo input–output table", null, io.size(),
                    DemoIo.VERSION, true, DemoIo.PROVENANCE, null), io, false);
        }
        if (store.dataset("demo-trade").isEmpty()) {
            TradeData t = DemoTrade.standard();
            store.saveTrade(Dataset.of("demo-trade", DatasetKind.TRADE, "Klaster synthetic demo trade", t.sha256(), t.flows().size(),
                    DemoTrade.VERSION, true, DemoTrade.PROVENANCE, null), t, false);
        }
        store.saveIoTable(Dataset.of("mb-io", DatasetKind.IO, "Miller & Blair (2009) section 2.3, with imports", null, 2,
                null, false, "textbook example", null), millerBlair(), false);
        store.saveIoTable(Dataset.of("four-io", DatasetKind.IO, "hand-built four-sector table", null, 4,
                "test", true, "synthetic", null), fourSectors(), false);
        store.saveIoTable(Dataset.of("bad-io", DatasetKind.IO, "a non-productive table", null, 2, null, false, null, null), notProductive(), false);
        store.saveTrade(Dataset.of("small-trade", DatasetKind.TRADE, "hand-built trade", null, 27, "test", true, "synthetic", null),
                smallTrade(), false);
    }
}
