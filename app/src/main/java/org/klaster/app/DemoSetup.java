package org.klaster.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.klaster.activity.ActivityRecord;
import org.klaster.data.demo.DemoEconomy;
import org.klaster.data.demo.DemoExports;
import org.klaster.data.demo.DemoIo;
import org.klaster.data.demo.DemoTrade;
import org.klaster.data.formats.TradeData;
import org.klaster.inputoutput.IoTable;
import org.klaster.data.reference.DemoCategories;
import org.klaster.data.store.Dataset;
import org.klaster.data.store.DatasetKind;
import org.klaster.data.store.Store;

/**
 * Puts the synthetic demo economy into a store: dataset {@value #ACTIVITY} (regional activity
 * 2018–2024 with the demo's cluster categories), {@value #IO} (the national input–output table of the
 * latest year by OKVED2 division, with an import matrix), {@value #TRADE} (trade of RUS with ~30
 * partners and partner groups), {@value #EXPORTS} (exports of 100 countries × 303 HS4 products,
 * 2022–2024, for economic complexity) and {@value #FIRMS} (about 1.2 M synthetic establishments of the
 * latest year, with coordinates, that aggregate exactly to the activity).
 * Shared by {@code klaster demo} and {@code klaster serve} (which installs it on first run).
 */
public final class DemoSetup {
    public static final String ACTIVITY = "demo";
    public static final String FIRMS = "demo-firms";
    public static final String IO = "demo-io";
    public static final String TRADE = "demo-trade";
    public static final String EXPORTS = "demo-exports";

    /** The money units of the demo's datasets, as {@code Dataset.units} states them (pages translate them). */
    static final String MONEY_IO = "million RUB";
    static final String MONEY_TRADE = "thousand USD";

    private DemoSetup() {
    }

    /** Whether the store holds the demo of this generator version. */
    public static boolean installed(Store store) {
        return store.dataset(ACTIVITY).map(d -> DemoEconomy.VERSION.equals(d.generator())).orElse(false)
                && store.dataset(FIRMS).map(d -> DemoEconomy.VERSION.equals(d.generator())).orElse(false)
                && store.dataset(IO).map(d -> DemoIo.VERSION.equals(d.generator()) && MONEY_IO.equals(d.units())).orElse(false)
                && store.dataset(TRADE).map(d -> DemoTrade.VERSION.equals(d.generator())).orElse(false)
                && store.dataset(EXPORTS).map(d -> DemoExports.VERSION.equals(d.generator())).orElse(false);
    }

    /**
     * Whether the store holds a synthetic demo made by an earlier Klaster (some demo dataset missing or
     * of another generator version) that {@code klaster serve} should refresh; a store without the
     * demo (the user's own data only) is never touched.
     */
    public static boolean outdated(Store store) {
        return store.dataset(ACTIVITY).map(Dataset::synthetic).orElse(false) && !installed(store);
    }

    /** Creates or refreshes both demo datasets; each is written in one transaction. */
    public static void install(Store store, boolean withFirms, Consumer<String> progress) {
        progress.accept("generating the synthetic demo economy (" + DemoEconomy.VERSION + ")");
        DemoEconomy economy = DemoEconomy.standard();
        List<ActivityRecord> activity = economy.activity();
        progress.accept("storing " + activity.size() + " activity rows as dataset \"" + ACTIVITY + "\"");
        store.saveActivity(Dataset.of(ACTIVITY, DatasetKind.ACTIVITY, "Klaster synthetic demo economy", digest(activity),
                        activity.size(), DemoEconomy.VERSION, true, DemoEconomy.PROVENANCE, null),
                activity, DemoCategories.codeToCategory(), DemoCategories.categoryNames("en"), true);
        IoTable io = DemoIo.standard();
        progress.accept("storing the " + io.size() + "-sector input–output table as dataset \"" + IO + "\"");
        store.saveIoTable(Dataset.of(IO, DatasetKind.IO, "Klaster synthetic demo input–output table (" + DemoIo.YEAR + ", "
                + DemoIo.UNITS + ")", digest(io), io.size(), DemoIo.VERSION, true, DemoIo.PROVENANCE, MONEY_IO), io, true);
        TradeData trade = DemoTrade.standard();
        progress.accept("storing " + trade.flows().size() + " trade flows as dataset \"" + TRADE + "\"");
        store.saveTrade(Dataset.of(TRADE, DatasetKind.TRADE, "Klaster synthetic demo trade (" + DemoTrade.FIRST_YEAR + "–"
                        + DemoTrade.LAST_YEAR + ", " + DemoTrade.UNITS + ")", trade.sha256(), trade.flows().size(),
                DemoTrade.VERSION, true, DemoTrade.PROVENANCE, MONEY_TRADE), trade, true);
        List<org.klaster.complexity.ExportRecord> exports = DemoExports.standard();
        progress.accept("storing " + exports.size() + " export rows as dataset \"" + EXPORTS + "\"");
        store.saveExports(Dataset.of(EXPORTS, DatasetKind.EXPORTS, "Klaster synthetic demo exports (" + DemoExports.FIRST_YEAR + "–"
                        + DemoExports.LAST_YEAR + ", " + DemoExports.UNITS + ")", DemoExports.sha256(), exports.size(),
                DemoExports.VERSION, true, DemoExports.PROVENANCE, MONEY_TRADE), exports, true);
        if (!withFirms) return;
        int year = DemoEconomy.LAST_YEAR;
        long firms = economy.establishmentsTotal(year);
        progress.accept("storing " + firms + " synthetic establishments of " + year + " as dataset \"" + FIRMS + "\"");
        store.saveFirms(Dataset.of(FIRMS, DatasetKind.FIRMS, "Klaster synthetic demo economy (establishments, " + year + ")",
                        null, firms, DemoEconomy.VERSION, true, DemoEconomy.PROVENANCE, null),
                w -> economy.firms(year, (id, name, region, industry, y, employment, lat, lon) ->
                        w.firm(Long.toString(id), name, region, industry, y, employment, lat, lon)),
                DemoCategories.codeToCategory(), DemoCategories.categoryNames("en"), true);
    }

    /** SHA-256 of the table's io.csv form (the layout users exchange), so runs can be compared by provenance. */
    static String digest(IoTable table) {
        try {
            Path tmp = Files.createTempFile("klaster-demo-io", ".csv");
            try {
                DemoIo.writeCsv(table, tmp);
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(tmp)));
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of the canonical rows, so two generator runs can be compared by their provenance. */
    static String digest(List<ActivityRecord> rows) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            StringBuilder b = new StringBuilder(64);
            for (ActivityRecord r : rows) {
                b.setLength(0);
                b.append(r.region()).append(',').append(r.industry()).append(',').append(r.year()).append(',')
                        .append(r.employment()).append(',').append(r.establishments()).append(',')
                        .append(r.wages()).append(',').append(r.output()).append('\n');
                sha.update(b.toString().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
