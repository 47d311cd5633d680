package org.klaster.app.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.klaster.complexity.CandidateProducers;
import org.klaster.data.store.Dataset;
import org.klaster.data.store.Store;

/** What both {@link DataAccess} implementations read from the store the same way. */
public final class StoreReads {
    private StoreReads() {
    }

    /** The regional activity of an activity or firms dataset, with its category map. */
    public static ActivityInput activity(Store s, Dataset d) {
        var rows = d.kind() == org.klaster.data.store.DatasetKind.FIRMS ? s.firmActivity(d.id()) : s.activity(d.id());
        Map<String, String> map = s.categoryMap(d.id());
        Map<String, String> own = s.categoryNames(d.id());
        org.klaster.mapping.CategoryMap cm = map.isEmpty() ? org.klaster.mapping.CategoryMap.divisions()
                : org.klaster.mapping.CategoryMap.of(map, own);
        return new ActivityInput(Provenance.Input.of("activity", d), rows, cm, own, List.of());
    }

    /** A stored table's model; the table passed validation when it was stored (with the importer's imbalance choice). */
    public static IoModel io(Dataset d, org.klaster.inputoutput.IoTable table) {
        return new IoModel(Provenance.Input.of("io", d), table, table.validate(true), List.of());
    }

    /** A region's establishments of the year, else of the latest year the dataset has for the region. */
    public static Establishments establishments(Store store, Dataset firms, String region, int year) {
        List<Integer> years = store.query("SELECT DISTINCT year FROM firms WHERE dataset_id = ? AND region = ? ORDER BY year",
                List.of(firms.id(), region), rs -> {
                    List<Integer> out = new ArrayList<>();
                    while (rs.next()) out.add(rs.getInt(1));
                    return out;
                });
        if (years.isEmpty()) return new Establishments(0, year, List.of(), Map.of());
        int y = years.contains(year) ? year : years.get(years.size() - 1);
        List<CandidateProducers.Establishment> list = store.query("SELECT firm_id, region, industry, employment, lat, lon "
                + "FROM firms WHERE dataset_id = ? AND region = ? AND year = ?", List.of(firms.id(), region, y), rs -> {
                    List<CandidateProducers.Establishment> out = new ArrayList<>();
                    while (rs.next()) {
                        double lat = rs.getDouble(5);
                        if (rs.wasNull()) lat = Double.NaN;
                        double lon = rs.getDouble(6);
                        if (rs.wasNull()) lon = Double.NaN;
                        out.add(new CandidateProducers.Establishment(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getDouble(4), lat, lon));
                    }
                    return out;
                });
        return new Establishments(y, year, list, Map.of());
    }

    /** Names in a language: reference tables, and what the store holds (classifications) when it is open. */
    public static Names names(Lang lang, RegionCatalog regions, Supplier<Store> store) {
        return new Names(lang, regions, code -> null, code -> null);
    }
}
