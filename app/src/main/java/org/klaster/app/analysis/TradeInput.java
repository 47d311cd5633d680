package org.klaster.app.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.klaster.Text;
import org.klaster.data.formats.TradeData;
import org.klaster.data.formats.TradeReader;
import org.klaster.data.store.Dataset;
import org.klaster.data.store.DatasetKind.Content;
import org.klaster.dependency.Production;
import org.klaster.dependency.TradeFlow;

/**
 * Trade flows with production and partner groups, from files or a stored trade dataset (whose own
 * production and groups files given for this run replace), with where they came from and what the
 * reader said.
 */
public record TradeInput(Provenance.Input input, TradeData data, List<Text> warnings, String units) {

    public TradeInput {
        warnings = List.copyOf(warnings);
    }

    /** A trade file (+ production, groups) or a stored dataset (+ files that replace its own). */
    public static TradeInput load(Source source, Path production, Path groups, DataAccess access) {
        try {
            if (source instanceof Source.File f) {
                TradeReader.Result r = TradeReader.load(f.path(), production, groups);
                return new TradeInput(Provenance.Input.file("trade", String.valueOf(f.path().getFileName()), r.data().sha256()),
                        r.data(), Texts.of(r.warnings()), null);
            }
            Dataset d = access.choose("dataset", ((Source.Stored) source).id(), Content.TRADE);
            TradeData data = access.trade(d);
            if (production == null && groups == null) return new TradeInput(Provenance.Input.of("trade", d), data, List.of(), d.units());
            List<Text> w = new ArrayList<>();
            List<Production> output = production == null ? data.production() : TradeReader.readProduction(production, w);
            Map<String, List<String>> members = groups == null ? data.groups() : TradeReader.readGroups(groups, w);
            return new TradeInput(Provenance.Input.of("trade", d), new TradeData(data.flows(), output, members, data.sha256()),
                    Texts.of(w), d.units());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stored dataset as it is. */
    public static TradeInput of(Dataset d, DataAccess access) {
        return new TradeInput(Provenance.Input.of("trade", d), access.trade(d), List.of(), d.units());
    }

    /** "dataset demo-trade" or "trade.csv", for messages. */
    public String label() {
        return input.id() != null ? "dataset " + input.id() : input.source();
    }

    /** Reporters with import records (the screen needs imports), most records first, then by code. */
    public List<String> importers() {
        Map<String, Integer> n = new TreeMap<>();
        for (TradeFlow f : data.flows()) if (f.flow() == TradeFlow.Flow.IMPORT) n.merge(f.reporter(), 1, Integer::sum);
        List<String> r = new ArrayList<>(n.keySet());
        r.sort(Comparator.comparingInt((String x) -> -n.get(x)).thenComparing(x -> x));
        return r;
    }

    /** Every reporter with any record, sorted. */
    public TreeSet<String> reporters() {
        TreeSet<String> all = new TreeSet<>();
        for (TradeFlow f : data.flows()) all.add(f.reporter());
        return all;
    }

    /** The years of the reporter's records. */
    public TreeSet<Integer> years(String reporter) {
        TreeSet<Integer> ys = new TreeSet<>();
        for (TradeFlow f : data.flows()) if (reporter == null || f.reporter().equals(reporter)) ys.add(f.year());
        return ys;
    }

    /** The default reporter: RUS when it imports, else the reporter with most import records. */
    public String defaultReporter() {
        List<String> imp = importers();
        if (imp.isEmpty()) throw UserException.impossible(Messages.text("dep.noImports", label()));
        return imp.contains("RUS") ? "RUS" : imp.get(0);
    }
}
