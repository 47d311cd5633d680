package org.klaster.app.analysis;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.klaster.data.reference.Countries;
import org.klaster.data.reference.HsNames;
import org.klaster.data.store.Dataset;
import org.klaster.data.store.Store;

/** What both {@link DataAccess} implementations read from the store the same way. */
public final class StoreReads {
    private StoreReads() {
    }

    /**
     * The regional activity of an activity or firms dataset, with its category map. A firms dataset's
     * activity is the aggregate stored with its establishments (not summed again over tens of millions of rows).
     */
    public static ActivityInput activity(Store s, Dataset d) {
        var rows = s.activity(d.id());
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

    /** A region's establishments of the year, else of the latest year the dataset has for the region (the store's query). */
    public static Establishments establishments(Store store, Dataset firms, String region, int year) {
        org.klaster.data.store.Establishments e = store.establishments(firms.id(), region, year);
        Map<String, String> names = new java.util.HashMap<>();
        for (org.klaster.data.store.Establishment x : e.rows()) if (x.name() != null) names.put(x.id(), x.name());
        return new Establishments(e.year(), year, e.forEngine(), names);
    }

    /**
     * The imported HS names in a language: the file's name in that language; for Russian without one, the
     * project's own Russian short name when it has one (the UN Comtrade file is English only), else the
     * file's name as given.
     */
    static Map<String, String> importedNames(Store s, Lang lang) {
        Map<String, String> out = new java.util.HashMap<>();
        for (org.klaster.data.formats.Classification.Entry e : s.classificationEntries("hs")) {
            String own = lang == Lang.ru ? e.nameRu() : e.nameEn();
            if (own == null && lang == Lang.ru) own = HsNames.name(e.code(), "ru");
            out.put(e.code(), own != null ? own : e.name());
        }
        return out;
    }

    /** Names in a language: reference tables, and what the store holds (classifications) when it is open. */
    @SuppressWarnings("unchecked")
    public static Names names(Lang lang, RegionCatalog regions, Supplier<Store> store) {
        // an imported HS classification names products first; the demo's own short names fill the rest
        // read on first use: the command line opens the store only when a stored dataset is read
        Map<String, String>[] imported = new Map[1];
        return new Names(lang, regions, code -> {
            if (imported[0] == null) {
                Store s = store.get();
                if (s == null) return HsNames.name(code, lang.name());
                imported[0] = s.classification("hs").isPresent() ? importedNames(s, lang) : Map.of();
            }
            String n = imported[0].get(code);
            return n != null ? n : HsNames.name(code, lang.name());
        }, code -> Countries.isKnown(code) ? Countries.name(code, lang.name()) : null);
    }
}
